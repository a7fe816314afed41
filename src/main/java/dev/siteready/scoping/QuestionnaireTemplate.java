package dev.siteready.scoping;

import dev.siteready.tenant.WorkspaceOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;

/** A workspace's questionnaire template: a draft that managers edit, and published versions that never change. */
@Entity
public class QuestionnaireTemplate extends WorkspaceOwned {

    @Column(nullable = false, length = 120)
    public String name;

    @Column(nullable = false, length = 2000)
    public String description = "";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public QuestionnaireDefinition draft;

    /** The draft differs from the latest published version. */
    @Column(name = "draft_changed", nullable = false)
    public boolean draftChanged;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    public static List<QuestionnaireTemplate> listByName() {
        return list("order by lower(name)");
    }

    public static QuestionnaireTemplate findByName(String name) {
        return find("lower(name) = lower(?1)", name.trim()).firstResult();
    }
}
