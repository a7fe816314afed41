package dev.siteready.testing;

import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import dev.siteready.web.Names;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;

/** A workspace's reusable test script: new scripts can start from it. */
@Entity
@Table(name = "test_script_template")
public class TestScriptTemplate extends WorkspaceOwned {

    @Column(nullable = false, length = 200)
    @Convert(converter = Names.Nfc.class)
    public String name;

    @Column(nullable = false, length = 4000)
    public String description = "";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<ScriptStep> steps = List.of();

    @Column(name = "created_by", nullable = false, length = 200, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = AppClock.now();

    /** A template with the script's description and steps, as they are now. */
    static TestScriptTemplate saveFrom(TestScript script, String name, String by) {
        TestScriptTemplate template = new TestScriptTemplate();
        template.name = name;
        template.description = script.description;
        template.steps = List.copyOf(script.steps);
        template.createdBy = by;
        template.persist();
        return template;
    }

    public static List<TestScriptTemplate> listByName() {
        return list("order by lower(name), id");
    }

    public static boolean nameTaken(String name) {
        claimName("test_script_template", Names.key(name));
        return count("lower(name) = ?1", Names.key(name)) > 0;
    }
}
