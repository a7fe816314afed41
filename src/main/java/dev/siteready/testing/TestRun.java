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
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/** One execution of a test script, with its own copy of the steps (see {@link TestRunStep}). */
@Entity
@Table(name = "test_run")
public class TestRun extends WorkspaceOwned {

    public enum Status {
        IN_PROGRESS("In progress"),
        PASSED("Passed"),
        FAILED("Failed");

        public final String label;

        Status(String label) {
            this.label = label;
        }

        public String cssClass() {
            return "run-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", nullable = false, updatable = false)
    public Project project;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "script_id", nullable = false, updatable = false)
    public TestScript script;

    @Column(nullable = false, updatable = false)
    public int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Status status = Status.IN_PROGRESS;

    @Column(name = "started_by", nullable = false, length = 200, updatable = false)
    public String startedBy;

    @Column(name = "started_at", nullable = false, updatable = false)
    public OffsetDateTime startedAt = AppClock.now();

    @Column(name = "finished_by", length = 200)
    public String finishedBy;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    /** The script's next run, with a copy of its steps as they are now; runs are numbered 1, 2, ... per script. */
    static TestRun start(TestScript script, String by) {
        TestPlan.lockNumbering("test_run", script.id); // numbers the script's runs one at a time
        Number last = (Number) getEntityManager().createQuery("select max(r.number) from TestRun r where r.script = ?1")
                .setParameter(1, script).getSingleResult();
        TestRun run = new TestRun();
        run.project = script.project;
        run.script = script;
        run.number = last == null ? 1 : last.intValue() + 1;
        run.startedBy = by;
        run.persist();
        for (int i = 0; i < script.steps.size(); i++) {
            TestRunStep.copy(run, i, script.steps.get(i));
        }
        return run;
    }

    public boolean inProgress() {
        return status == Status.IN_PROGRESS;
    }

    /** Waits for other requests changing this run (recording a step, logging an issue, passing it) to finish first. */
    void lock() {
        getEntityManager().refresh(this, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Why the run cannot pass yet, or null: every step must have passed, and no blocking issue may be open. */
    String passBlockedBy(List<TestRunStep> steps, List<TestIssue> issues) {
        long blocking = issues.stream().filter(TestIssue::blocksPassing).count();
        if (blocking > 0) {
            return "Run " + number + " cannot pass while " + (blocking == 1 ? "a blocking issue is" : blocking + " blocking issues are")
                    + " open. Resolve " + (blocking == 1 ? "it" : "them") + " first.";
        }
        List<String> notPassed = steps.stream().filter(s -> s.result != TestResult.PASSED)
                .map(s -> String.valueOf(s.position + 1)).toList();
        if (!notPassed.isEmpty()) {
            return "Run " + number + " passes when every step passed; not yet: step" + (notPassed.size() == 1 ? " " : "s ")
                    + String.join(", ", notPassed) + ".";
        }
        return null;
    }

    /** The run ends with that result, recorded as finished by someone at a time. */
    public void finish(Status result, String by, OffsetDateTime at) {
        status = result;
        finishedBy = by;
        finishedAt = at;
    }

    /** The project's runs, newest first; their scripts resolve without a query once the project's scripts are read (TestPlan). */
    public static List<TestRun> listFor(Project project) {
        return WorkspaceSql.list(WorkspaceSql.entities("SELECT r.* FROM test_run r WHERE r.workspace_id = :ws"
                + " AND r.project_id = :project ORDER BY r.number DESC, r.id", TestRun.class).setParameter("project", project.id),
                TestRun.class);
    }

    /** The run with its script, only if it belongs to that project; null otherwise. */
    public static TestRun findIn(Project project, java.util.UUID id) {
        return find("from TestRun r join fetch r.script s left join fetch s.workflow where r.id = ?1 and r.project = ?2",
                id, project).firstResult();
    }
}
