package dev.siteready.testing;

import dev.siteready.project.Project;
import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.tenant.WorkspaceSql;
import dev.siteready.time.AppClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/** An issue found while testing: who owns it, how bad it is, and the path to resolving it. */
@Entity
@Table(name = "test_issue")
public class TestIssue extends WorkspaceOwned {

    public static final int MAX_TITLE = 200;
    public static final int MAX_RESOLUTION = 4000;

    public enum Severity {
        BLOCKING("Blocking"),
        MAJOR("Major"),
        MINOR("Minor");

        public final String label;

        Severity(String label) {
            this.label = label;
        }

        public String cssClass() {
            return "severity-" + name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which party has to act. */
    public enum Side {
        VENDOR("Vendor"),
        HEALTH_SYSTEM("Health system"),
        INTEGRATION_PLATFORM("Integration platform");

        public final String label;

        Side(String label) {
            this.label = label;
        }
    }

    public enum Status {
        OPEN("Open"),
        IN_PROGRESS("In progress"),
        RESOLVED("Resolved"),
        WONT_FIX("Won't fix");

        public final String label;

        Status(String label) {
            this.label = label;
        }

        public boolean open() {
            return this == OPEN || this == IN_PROGRESS;
        }

        public String cssClass() {
            return "issue-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", nullable = false, updatable = false)
    public Project project;

    @Column(nullable = false, updatable = false)
    public int number;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "run_id", updatable = false)
    public TestRun run;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "run_step_id", updatable = false)
    public TestRunStep step;

    @Column(nullable = false, length = MAX_TITLE)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(name = "owning_side", nullable = false, length = 30)
    public Side side;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Status status = Status.OPEN;

    @Column(nullable = false, length = MAX_RESOLUTION)
    public String resolution = "";

    @Column(name = "created_by", nullable = false, length = 200, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = AppClock.now();

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    /** A new issue found in the run (at a step of it, or none); issues are numbered #1, #2, ... per project. */
    static TestIssue log(TestRun run, TestRunStep step, String title, Severity severity, Side side, String resolution, String by) {
        TestPlan.lockNumbering("test_issue", run.project.id); // numbers the project's issues one at a time
        Number last = (Number) getEntityManager().createQuery("select max(i.number) from TestIssue i where i.project = ?1")
                .setParameter(1, run.project).getSingleResult();
        TestIssue issue = new TestIssue();
        issue.project = run.project;
        issue.number = last == null ? 1 : last.intValue() + 1;
        issue.run = run;
        issue.step = step;
        issue.title = title;
        issue.severity = severity;
        issue.side = side;
        issue.resolution = resolution;
        issue.createdBy = by;
        issue.persist();
        return issue;
    }

    /** Moves the issue to the status with its path to resolution; resolved when it closes (kept when it was already). */
    public void moveTo(Status target, String resolutionText, OffsetDateTime now) {
        status = target;
        resolution = resolutionText;
        resolvedAt = target.open() ? null : resolvedAt != null ? resolvedAt : now;
    }

    public boolean blocksPassing() {
        return severity == Severity.BLOCKING && status.open();
    }

    /**
     * The project's issues, newest first, after the run steps they name; their runs (and the runs' scripts) resolve
     * without a query once the project's runs are read (TestPlan).
     */
    public static List<TestIssue> listFor(Project project) {
        WorkspaceSql.entities("SELECT s.* FROM test_run_step s WHERE s.workspace_id = :ws AND s.id IN (SELECT i.run_step_id"
                + " FROM test_issue i WHERE i.workspace_id = :ws AND i.project_id = :project)", TestRunStep.class)
                .setParameter("project", project.id).getResultList();
        return WorkspaceSql.list(WorkspaceSql.entities("SELECT i.* FROM test_issue i WHERE i.workspace_id = :ws"
                + " AND i.project_id = :project ORDER BY i.number DESC", TestIssue.class).setParameter("project", project.id),
                TestIssue.class);
    }

    public static TestIssue findIn(Project project, java.util.UUID id) {
        return find("from TestIssue i left join fetch i.run r left join fetch r.script left join fetch i.step"
                + " where i.id = ?1 and i.project = ?2", id, project).firstResult();
    }
}
