package dev.siteready.testing;

import dev.siteready.site.Site;
import dev.siteready.site.SiteStatus;
import dev.siteready.web.Dates;
import dev.siteready.web.FormErrors;
import dev.siteready.web.Forms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Saving a phase's form: checked, never over a change saved meanwhile, through the gates; the history records it, and
 * the site goes live with its first project's go-live (and back to implementing when no project is live any more).
 */
@ApplicationScoped
class TestPhases {

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    public Outcome save(TestPlan plan, TestPhase.Kind kind, PhaseForm form, String actor) {
        TestPhase phase = plan.phase(kind);
        ZoneId zone = Dates.zone(plan.project().site.timeZone);
        String problem = problem(form);
        if (problem != null) {
            return Outcome.refused(400, problem);
        }
        if (form.version() == null || !form.version().equals(phase.version)) {
            return Outcome.refused(409, "Someone else changed this phase while you were editing. Your input is shown; save"
                    + " again to keep it.");
        }
        PhaseChange change = change(form, kind, zone);
        PhaseGates gates = plan.gates().withProductionScheduled(change.scheduledAt() != null);
        Optional<String> refusal = phase.refusal(change, gates);
        if (refusal.isPresent()) {
            return Outcome.refused(409, refusal.get());
        }
        TestPhase.Status before = phase.status;
        boolean override = phase.overriddenBy(change, gates);
        phase.moveTo(change, gates, actor, LocalDate.now(clock.withZone(zone)), OffsetDateTime.now(clock));
        record(plan, phase, before, override, actor);
        String message = siteStatus(plan, phase, before, kind.label + " saved: " + phase.status.label.toLowerCase() + ".");
        String warning = kind == TestPhase.Kind.PRODUCTION ? ProductionWindow.warning(phase.scheduledAt, zone) : null;
        return warning == null ? Outcome.saved(message) : Outcome.savedWithWarning(message + " Warning: " + warning);
    }

    /** What is wrong with the form in itself, or null: its fields, a blocked phase's reason, dates in order. */
    private String problem(PhaseForm form) {
        String problem = FirstProblem.of(FormErrors.of(validator.validate(form)), form);
        if (problem != null) {
            return problem;
        }
        if (TestPhase.Status.parse(form.status()) == TestPhase.Status.BLOCKED && form.notes().isBlank()) {
            return "Say in the notes what blocks the phase, so the team can act on it.";
        }
        if (before(form.plannedEnd(), form.plannedStart())) {
            return "The planned end cannot be before the planned start.";
        }
        if (before(form.actualEnd(), form.actualStart())) {
            return "The actual end cannot be before the actual start.";
        }
        return null;
    }

    private static boolean before(String end, String start) {
        LocalDate e = Forms.date(end);
        LocalDate s = Forms.date(start);
        return e != null && s != null && e.isBefore(s);
    }

    private static PhaseChange change(PhaseForm form, TestPhase.Kind kind, ZoneId zone) {
        return new PhaseChange(TestPhase.Status.parse(form.status()), Forms.date(form.plannedStart()), Forms.date(form.plannedEnd()),
                Forms.date(form.actualStart()), Forms.date(form.actualEnd()),
                kind == TestPhase.Kind.PRODUCTION ? ProductionWindow.parse(form.scheduledAt(), zone) : null, form.owner(),
                form.notes(), form.overrideReason());
    }

    private static void record(TestPlan plan, TestPhase phase, TestPhase.Status before, boolean override, String actor) {
        TestPhase.Status target = phase.status;
        if (override && before != target) {
            TestingActivity.record(plan.project(), actor, "Started integrated testing before functional testing passed"
                    + " (override). Reason: " + phase.overrideReason);
        }
        if (before != target) {
            TestingActivity.record(plan.project(), actor, phase.kind.label + ": " + before.label.toLowerCase() + " → "
                    + target.label.toLowerCase() + (target == TestPhase.Status.BLOCKED ? " (" + firstLine(phase.notes) + ")" : "")
                    + ".");
        } else {
            TestingActivity.record(plan.project(), actor, phase.kind.label + ": details updated.");
        }
    }

    /**
     * The site goes live with a project's go-live; taking that back makes it implementing again when none of its other
     * projects is live. Returns the message that says so, or the one given.
     */
    private static String siteStatus(TestPlan plan, TestPhase phase, TestPhase.Status before, String saved) {
        Site site = plan.project().site;
        if (phase.kind != TestPhase.Kind.GO_LIVE || phase.status == before) {
            return saved;
        }
        if (phase.status == TestPhase.Status.PASSED) {
            site.wentLive();
            return site.name + " is live. The site's status is now Live.";
        }
        if (before == TestPhase.Status.PASSED && site.status == SiteStatus.LIVE && TestPhase.count("kind = ?1 and status = ?2"
                + " and project.site = ?3 and project <> ?4", TestPhase.Kind.GO_LIVE, TestPhase.Status.PASSED, site,
                plan.project()) == 0) {
            site.liveTakenBack();
            return saved + " The site's status is Implementing again.";
        }
        return saved;
    }

    private static String firstLine(String s) {
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }
}
