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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

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
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    /**
     * Records how the phase went, for history brought in from elsewhere (the demo's): planned and actual dates, and the
     * status it stands in (an end date only once it passed or was skipped).
     */
    public void recordAsItWent(Status as, java.time.LocalDate start, java.time.LocalDate end) {
        plannedStart = start;
        plannedEnd = end;
        actualStart = start;
        actualEnd = as.done() ? end : null;
        status = as;
    }

    /** The project's phases in order: Functional, Integrated, UAT, Production testing, Go-live. */
    public static List<TestPhase> listFor(Project project) {
        List<TestPhase> phases = new java.util.ArrayList<>(list("project", project));
        phases.sort(java.util.Comparator.comparing(p -> p.kind));
        return phases;
    }
}
