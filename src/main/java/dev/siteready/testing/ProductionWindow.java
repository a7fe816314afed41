package dev.siteready.testing;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Production testing runs in the live environment, so it is planned outside the site's business hours:
 * Monday to Friday, 08:00 to 18:00 in the site's own time zone. A time inside them is allowed, with a warning.
 */
final class ProductionWindow {

    /** Dates and times outside these years are refused as typos. */
    static final int FIRST_YEAR = dev.siteready.web.Forms.FIRST_YEAR;
    static final int LAST_YEAR = dev.siteready.web.Forms.LAST_YEAR;

    static final LocalTime OPENS = LocalTime.of(8, 0);
    static final LocalTime CLOSES = LocalTime.of(18, 0);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private ProductionWindow() {
    }

    /** A datetime-local value ("2026-11-28T06:00") read as wall-clock time at the site; null if it is not one. */
    public static OffsetDateTime parse(String value, ZoneId zone) {
        try {
            LocalDateTime local = LocalDateTime.parse(value.trim(), INPUT);
            return local.getYear() < FIRST_YEAR || local.getYear() > LAST_YEAR ? null : local.atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    /** The value for a datetime-local input, in the site's time zone. */
    public static String input(OffsetDateTime at, ZoneId zone) {
        return at == null ? "" : at.atZoneSameInstant(zone).format(INPUT);
    }

    public static boolean insideBusinessHours(OffsetDateTime at, ZoneId zone) {
        ZonedDateTime local = at.atZoneSameInstant(zone);
        boolean weekday = local.getDayOfWeek() != DayOfWeek.SATURDAY && local.getDayOfWeek() != DayOfWeek.SUNDAY;
        LocalTime time = local.toLocalTime();
        return weekday && !time.isBefore(OPENS) && time.isBefore(CLOSES);
    }

    /** The warning for a time inside business hours, or null. */
    public static String warning(OffsetDateTime at, ZoneId zone) {
        if (at == null || !insideBusinessHours(at, zone)) {
            return null;
        }
        return "Production testing is scheduled inside the site's business hours (Monday to Friday, 08:00–18:00 "
                + zone.getId() + "). It usually runs off-hours, when a failure disturbs nobody.";
    }
}
