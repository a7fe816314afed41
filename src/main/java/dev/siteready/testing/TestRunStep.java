package dev.siteready.testing;

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

/** A step of one run: the script's step as it was when the run started, with its result. */
@Entity
@Table(name = "test_run_step")
public class TestRunStep extends WorkspaceOwned {

    public static final int MAX_NOTE = 2000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "run_id", nullable = false, updatable = false)
    public TestRun run;

    @Column(nullable = false, updatable = false)
    public int position;

    @Column(nullable = false, length = ScriptStep.MAX_TEXT, updatable = false)
    public String action;

    @Column(nullable = false, length = ScriptStep.MAX_TEXT, updatable = false)
    public String expected = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public TestResult result = TestResult.NOT_RUN;

    @Column(nullable = false, length = MAX_NOTE)
    public String note = "";

    @Column(name = "recorded_by", length = 200)
    public String recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    /** The run's copy of a script step. */
    static TestRunStep copy(TestRun run, int position, ScriptStep step) {
        TestRunStep copy = new TestRunStep();
        copy.run = run;
        copy.position = position;
        copy.action = step.action();
        copy.expected = step.expected();
        copy.persist();
        return copy;
    }

    /** Records how the step went, by whom and when. */
    public void record(TestResult result, String note, String by, OffsetDateTime at) {
        this.result = result;
        this.note = note;
        recordedBy = by;
        recordedAt = at;
    }

    public int number() {
        return position + 1;
    }

    public static List<TestRunStep> listFor(TestRun run) {
        return list("run = ?1 order by position", run);
    }
}
