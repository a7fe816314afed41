package dev.siteready.testing;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** A phase's form as typed (trimmed, except the notes); also what the page shows again when it is refused. */
record PhaseForm(
        @RestForm
        @Choice(value = TestPhase.Status.class, lenient = true, message = "Choose the phase's status.")
        String status,

        @RestForm @DateInput(message = DATES) String plannedStart,
        @RestForm @DateInput(message = DATES) String plannedEnd,
        @RestForm @DateInput(message = DATES) String actualStart,
        @RestForm @DateInput(message = DATES) String actualEnd,

        @RestForm
        @DateInput(withTime = true, message = "Give the production test's time as date and time at the site between "
                + Forms.FIRST_YEAR + " and " + Forms.LAST_YEAR + ", e.g. 2026-12-05T06:00.")
        String scheduledAt,

        @RestForm
        @Size(max = 120, message = OWNER)
        @PlainText(message = OWNER)
        String owner,

        @RestForm
        @Size(max = 4000, message = NOTES)
        @PlainText(message = NOTES)
        String notes,

        @RestForm
        @Size(max = 1000, message = OVERRIDE)
        @PlainText(message = OVERRIDE)
        String overrideReason,

        @RestForm
        Long version) {

    static final String DATES = "Write dates as YYYY-MM-DD between " + Forms.FIRST_YEAR + " and " + Forms.LAST_YEAR
            + ", e.g. 2026-12-31 (\"{typed}\" is not one).";
    static final String OWNER = "The owner is a name of up to 120 characters, without control characters.";
    static final String NOTES = "Notes are plain text of up to 4,000 characters.";
    static final String OVERRIDE = "The reason for the override is plain text of up to 1,000 characters.";

    public PhaseForm {
        status = Forms.text(status);
        plannedStart = Forms.text(plannedStart).trim();
        plannedEnd = Forms.text(plannedEnd).trim();
        actualStart = Forms.text(actualStart).trim();
        actualEnd = Forms.text(actualEnd).trim();
        scheduledAt = Forms.text(scheduledAt).trim();
        owner = Forms.text(owner).trim();
        notes = Forms.text(notes);
        overrideReason = Forms.text(overrideReason).trim();
    }

    /** The phase as saved, for its form. */
    static PhaseForm of(TestPhase p, java.time.ZoneId zone) {
        return new PhaseForm(p.status.name(), text(p.plannedStart), text(p.plannedEnd), text(p.actualStart), text(p.actualEnd),
                ProductionWindow.input(p.scheduledAt, zone), p.owner, p.notes, "", p.version);
    }

    private static String text(java.time.LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
