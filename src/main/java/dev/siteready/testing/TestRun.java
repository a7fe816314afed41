package dev.siteready.testing;

import dev.siteready.project.Project;
import dev.siteready.tenant.WorkspaceOwned;
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
    public OffsetDateTime startedAt = OffsetDateTime.now();

    @Column(name = "finished_by", length = 200)
    public String finishedBy;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    /** All runs of the project's scripts, newest first per script, in one query. */
    /** The run ends with that result, recorded as finished by someone at a time. */
    public void finish(Status result, String by, OffsetDateTime at) {
        status = result;
        finishedBy = by;
        finishedAt = at;
    }

    public static List<TestRun> listFor(Project project) {
        return list("project = ?1 order by number desc, id", project);
    }

    /** The run with its script, only if it belongs to that project; null otherwise. */
    public static TestRun findIn(Project project, java.util.UUID id) {
        return find("from TestRun r join fetch r.script s left join fetch s.workflow where r.id = ?1 and r.project = ?2",
                id, project).firstResult();
    }
}
