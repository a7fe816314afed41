package dev.siteready.web;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Moments in words: the site's zone with its abbreviation, UTC written as such, a bad zone falling back to UTC. */
class DatesTest {

    static final OffsetDateTime WINTER = OffsetDateTime.parse("2026-12-07T15:15:00Z");
    static final OffsetDateTime SUMMER = OffsetDateTime.parse("2026-07-07T15:15:00+02:00");

    @Test
    void inTheSitesZone() {
        assertThat(Dates.at(WINTER, "America/Chicago")).isEqualTo("7 Dec 2026, 09:15 CST");
        assertThat(Dates.at(SUMMER, "America/Chicago")).isEqualTo("7 Jul 2026, 08:15 CDT");
        assertThat(Dates.at(WINTER, "Europe/London")).isEqualTo("7 Dec 2026, 15:15 GMT");
    }

    @Test
    void inUtcWhereNoSiteIsKnown() {
        assertThat(Dates.utc(WINTER)).isEqualTo("7 Dec 2026, 15:15 UTC");
        assertThat(Dates.utc(SUMMER)).isEqualTo("7 Jul 2026, 13:15 UTC");
        assertThat(Dates.day(OffsetDateTime.parse("2026-12-07T23:30:00-05:00"))).isEqualTo("8 Dec 2026");
    }

    @Test
    void aTimeAgreedWithTheSiteInItsZoneAndInUtc() {
        assertThat(Dates.scheduled(OffsetDateTime.parse("2026-11-28T12:00:00Z"), java.time.ZoneId.of("America/Chicago")))
                .isEqualTo("Sat 28 Nov 2026, 06:00 America/Chicago (12:00 UTC)");
    }

    @Test
    void aMissingOrUnknownZoneIsUtc() {
        assertThat(Dates.at(WINTER, (String) null)).isEqualTo("7 Dec 2026, 15:15 UTC");
        assertThat(Dates.at(WINTER, "Mars/Olympus")).isEqualTo("7 Dec 2026, 15:15 UTC");
        assertThat(Dates.at(null, "America/Chicago")).isEmpty();
    }
}
