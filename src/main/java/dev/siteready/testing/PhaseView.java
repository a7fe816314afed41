package dev.siteready.testing;

import dev.siteready.web.Dates;
import dev.siteready.web.Option;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** A phase on the testing page: its state, gate, dates and its form (as saved, or as typed when refused). */
record PhaseView(String slug, String label, boolean optional, String purpose, String status, String statusLabel,
        String cssClass, long version, PhaseForm values, List<Option> statuses, String scheduled, String scheduleWarning,
        String override, String waitingFor, boolean canOverride, String problem, String dates) {

    /** The phase; typed and problem are those of its refused form, or null. */
    static PhaseView of(TestPhase p, PhaseGates gates, ZoneId zone, PhaseForm typed, String problem) {
        PhaseForm values = typed != null ? typed : PhaseForm.of(p, zone);
        String override = p.overrideReason == null ? null : "Started before functional testing passed, by " + p.overrideBy
                + " on " + Dates.at(p.overrideAt, zone) + ". Reason: " + p.overrideReason;
        List<Option> statuses = Arrays.stream(TestPhase.Status.values())
                .filter(s -> s != TestPhase.Status.SKIPPED || p.kind.optional)
                .map(s -> new Option(s.name(), s.label, s.name().equals(values.status()))).toList();
        boolean waiting = p.status == TestPhase.Status.NOT_STARTED || p.status == TestPhase.Status.BLOCKED;
        return new PhaseView(p.kind.slug(), p.kind.label, p.kind.optional, p.kind.purpose, p.status.name(), p.status.label,
                p.status.cssClass(), p.version, values, statuses, Dates.scheduled(p.scheduledAt, zone),
                ProductionWindow.warning(p.scheduledAt, zone), override, waiting ? gates.waitingFor(p.kind) : null,
                p.kind == TestPhase.Kind.INTEGRATED && gates.integratedNeedsOverride(), problem, dates(p));
    }

    /** "Planned 2026-11-02 to 2026-11-13 · Actual from 2026-11-03". */
    private static String dates(TestPhase p) {
        String planned = p.plannedStart == null && p.plannedEnd == null ? "" : "Planned " + range(p.plannedStart, p.plannedEnd);
        String actual = p.actualStart == null && p.actualEnd == null ? "" : "Actual " + range(p.actualStart, p.actualEnd);
        return String.join(" · ", Stream.of(planned, actual).filter(s -> !s.isEmpty()).toList());
    }

    private static String range(LocalDate a, LocalDate b) {
        return a == null ? "to " + b : b == null ? "from " + a : a.equals(b) ? a.toString() : a + " to " + b;
    }
}
