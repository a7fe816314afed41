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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** One phase of a project's way to go-live. Every project has all five (a database trigger creates them). */
@Entity
@Table(name = "test_phase")
public class TestPhase extends WorkspaceOwned {

    public enum Kind {
        FUNCTIONAL("Functional testing", false, "At least one message per data model, event type and direction in scope."),
        INTEGRATED("Integrated testing", false, "Every workflow end to end, through test scripts; issues tracked to resolution."),
        UAT("User acceptance testing", true, "Users try the workflows; only once every workflow passed integrated testing."),
        PRODUCTION("Production testing", true, "In the production environment at a scheduled time, usually off-hours."),
        GO_LIVE("Go-live", false, "Needs production testing passed or skipped and sign-off from both sides.");

        public final String label;
        public final boolean optional;
        public final String purpose;

        Kind(String label, boolean optional, String purpose) {
            this.label = label;
            this.optional = optional;
            this.purpose = purpose;
        }

        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Kind fromSlug(String slug) {
            for (Kind k : values()) {
                if (k.slug().equals(slug)) {
                    return k;
                }
            }
            return null;
        }
    }

    public enum Status {
        NOT_STARTED("Not started"),
        IN_PROGRESS("In progress"),
        PASSED("Passed"),
        SKIPPED("Skipped"),
        BLOCKED("Blocked");

        public final String label;

        Status(String label) {
            this.label = label;
        }

        public String cssClass() {
            return "phase-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Passed, or skipped (optional phases only): nothing left to do in it. */
        public boolean done() {
            return this == PASSED || this == SKIPPED;
        }

        public static Status parse(String value) {
            for (Status s : values()) {
                if (s.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                    return s;
                }
            }
            return null;
        }
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", nullable = false, updatable = false, insertable = false)
    public Project project;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false, insertable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Status status = Status.NOT_STARTED;

    @Column(name = "planned_start")
    public LocalDate plannedStart;

    @Column(name = "planned_end")
    public LocalDate plannedEnd;

    @Column(name = "actual_start")
    public LocalDate actualStart;

    @Column(name = "actual_end")
    public LocalDate actualEnd;

    @Column(name = "scheduled_at")
    public OffsetDateTime scheduledAt;

    @Column(nullable = false, length = 120)
    public String owner = "";

    @Column(nullable = false, length = 4000)
    public String notes = "";

    @Column(name = "override_reason", length = 1000)
    public String overrideReason;

    @Column(name = "override_by", length = 200)
    public String overrideBy;

    @Column(name = "override_at")
    public OffsetDateTime overrideAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt = AppClock.now();

    /**
     * Records how the phase went, for history brought in from elsewhere (the demo's): planned and actual dates, and the
     * status it stands in (an end date only once it passed or was skipped).
     */
    public void recordAsItWent(Status as, LocalDate start, LocalDate end) {
        plannedStart = start;
        plannedEnd = end;
        actualStart = start;
        actualEnd = as.done() ? end : null;
        status = as;
    }

    /** Whether the change moves the planned dates (scheduling, which UAT's gate covers too). */
    boolean reschedules(PhaseChange change) {
        return !Objects.equals(change.plannedStart(), plannedStart) || !Objects.equals(change.plannedEnd(), plannedEnd);
    }

    /** Starting integrated testing before functional testing passed, with a manager's reason. */
    boolean overriddenBy(PhaseChange change, PhaseGates gates) {
        return kind == Kind.INTEGRATED && change.target() == Status.IN_PROGRESS && gates.integratedNeedsOverride()
                && !change.overrideReason().isEmpty();
    }

    /**
     * Why the gates refuse the change, if they do. They apply to changes of status (and UAT's dates): editing the notes
     * of a running phase is always possible.
     */
    Optional<String> refusal(PhaseChange change, PhaseGates gates) {
        boolean scheduling = reschedules(change);
        return gates.refusal(kind, change.target(), scheduling && (change.plannedStart() != null || change.plannedEnd() != null),
                overriddenBy(change, gates)).filter(why -> change.target() != status || (kind == Kind.UAT && scheduling));
    }

    /**
     * Moves the phase as the change asks, the gates allowing it: a phase that starts (or is blocked) gets today as its
     * actual start, one that passes or is skipped today as its actual end, unless they were given. An override is
     * recorded with who gave it; starting the regular way later clears it (the history keeps it).
     */
    void moveTo(PhaseChange change, PhaseGates gates, String actor, LocalDate today, OffsetDateTime now) {
        Status before = status;
        Status target = change.target();
        boolean override = overriddenBy(change, gates);
        status = target;
        plannedStart = change.plannedStart();
        plannedEnd = change.plannedEnd();
        actualStart = change.actualStart() == null && (change.starting() || target == Status.BLOCKED) && before == Status.NOT_STARTED
                ? today : change.actualStart();
        actualEnd = change.actualEnd() == null && target.done() ? today : change.actualEnd();
        if (target == Status.PASSED && actualStart == null) {
            actualStart = actualEnd;
        }
        if (actualEnd != null && actualStart != null && actualEnd.isBefore(actualStart)) {
            actualStart = actualEnd;
        }
        scheduledAt = change.scheduledAt();
        owner = change.owner();
        notes = change.notes();
        updatedAt = now;
        if (kind == Kind.INTEGRATED && change.starting() && before != target && !override && overrideReason != null) {
            overrideReason = null;
            overrideBy = null;
            overrideAt = null;
        }
        if (override && before != target) {
            overrideReason = change.overrideReason();
            overrideBy = actor;
            overrideAt = now;
        }
    }

    /** The project's phases in order: Functional, Integrated, UAT, Production testing, Go-live. */
    public static List<TestPhase> listFor(Project project) {
        List<TestPhase> phases = new java.util.ArrayList<>(WorkspaceSql.list(WorkspaceSql.entities("SELECT t.* FROM test_phase t"
                + " WHERE t.workspace_id = :ws AND t.project_id = :project", TestPhase.class).setParameter("project", project.id),
                TestPhase.class));
        phases.sort(java.util.Comparator.comparing(p -> p.kind));
        return phases;
    }
}
