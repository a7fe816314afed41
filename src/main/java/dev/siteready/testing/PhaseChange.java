package dev.siteready.testing;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What a valid phase form asks for: the status to move to and what to record with it. */
record PhaseChange(TestPhase.Status target, LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart,
        LocalDate actualEnd, OffsetDateTime scheduledAt, String owner, String notes, String overrideReason) {

    boolean starting() {
        return target == TestPhase.Status.IN_PROGRESS || target == TestPhase.Status.PASSED;
    }
}
