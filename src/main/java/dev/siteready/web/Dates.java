package dev.siteready.web;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Moments as people read them, e.g. "7 Dec 2026, 09:15 CST": in the site's time zone wherever a site is known (the
 * people at the site and the team talk about its local time), in UTC where none is (workspace-wide lists).
 */
public final class Dates {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.ENGLISH);
    /** UTC as a region, so that it is written "UTC" (the offset ZoneOffset.UTC is written "Z"). */
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY_AT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private Dates() {
    }

    /** The moment in the zone, or "" when there is none. */
    public static String at(OffsetDateTime at, ZoneId zone) {
        return at == null ? "" : at.atZoneSameInstant(zone).format(AT);
    }

    /** The moment in the site's zone (an IANA id such as America/Chicago; UTC if it is not one). */
    public static String at(OffsetDateTime at, String siteZone) {
        return at(at, zone(siteZone));
    }

    /** The moment in UTC, for lists that span sites. */
    public static String utc(OffsetDateTime at) {
        return at(at, UTC);
    }

    /** The day of the moment in UTC, e.g. "7 Dec 2026", where the time of day does not matter. */
    public static String day(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(UTC).format(DAY);
    }

    /**
     * A time agreed with the site, e.g. a production test: its weekday, the site's zone by name and the same time in
     * UTC, "Sat 28 Nov 2026, 06:00 America/Chicago (12:00 UTC)"; "" for none.
     */
    public static String scheduled(OffsetDateTime at, ZoneId zone) {
        return at == null ? "" : at.atZoneSameInstant(zone).format(WEEKDAY_AT) + " " + zone.getId() + " ("
                + at.atZoneSameInstant(UTC).format(TIME) + " UTC)";
    }

    /** The zone of a site's setting; UTC for a missing or unknown one (sites' zones are checked when saved). */
    public static ZoneId zone(String id) {
        try {
            return id == null || id.isBlank() ? UTC : ZoneId.of(id.trim());
        } catch (DateTimeException e) {
            return UTC;
        }
    }
}
