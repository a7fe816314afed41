package dev.siteready.testing;

import dev.siteready.project.Project;
import dev.siteready.project.Workflow;
import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.tenant.WorkspaceSql;
import dev.siteready.time.AppClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;

/** A project's test script for one of its workflows: ordered steps with expected results. */
@Entity
@Table(name = "test_script")
public class TestScript extends WorkspaceOwned {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 4000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", nullable = false, updatable = false)
    public Project project;

    /** The workflow it proves; null when that workflow was removed from the scope. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "workflow_id")
    public Workflow workflow;

    @Column(nullable = false, length = MAX_NAME)
    public String name;

    @Column(nullable = false, length = MAX_DESCRIPTION)
    public String description = "";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<ScriptStep> steps = List.of();

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = AppClock.now();

    /** A new script for the workflow, empty or with the template's description and steps. */
    static TestScript create(Project project, Workflow workflow, String name, TestScriptTemplate from) {
        TestScript script = new TestScript();
        script.project = project;
        script.workflow = workflow;
        script.name = name;
        if (from != null) {
            script.description = from.description;
            script.steps = List.copyOf(from.steps);
        }
        script.persist();
        return script;
    }

    void edit(String name, String description, Workflow workflow, List<ScriptStep> steps) {
        this.name = name;
        this.description = description;
        this.workflow = workflow;
        this.steps = steps;
    }

    /** The project's scripts; their workflows resolve without a query once the project's workflows are read (TestPlan). */
    public static List<TestScript> listFor(Project project) {
        return WorkspaceSql.list(WorkspaceSql.entities("SELECT s.* FROM test_script s WHERE s.workspace_id = :ws"
                + " AND s.project_id = :project ORDER BY s.created_at, s.id", TestScript.class).setParameter("project", project.id),
                TestScript.class);
    }

    /** The script, only if it belongs to that project; null otherwise. */
    public static TestScript findIn(Project project, java.util.UUID id) {
        return find("from TestScript s left join fetch s.workflow where s.id = ?1 and s.project = ?2", id, project).firstResult();
    }
}
