package dev.siteready.web;

import jakarta.ws.rs.core.MultivaluedMap;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Reading what a plain form sent: one value per field, and dates of this century. */
public final class Forms {

    /** Dates outside these years are typos (and would stretch a timeline): forms refuse them. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;

    private Forms() {
    }

    /** The first value of each field that has one, in the form's order; a map the caller may change. */
    public static Map<String, String> flat(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, list) -> {
            if (!list.isEmpty() && list.get(0) != null) {
                values.put(name, list.get(0));
            }
        });
        return values;
    }

    /** The text as sent, or "" for a field that was not sent. */
    public static String text(String value) {
        return value == null ? "" : value;
    }

    /** The text cut to at most max characters, ending with "…" when it was longer. */
    public static String clip(String value, int max) {
        String text = text(value);
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** A value sent in a form, quoted back in a message: control characters shown as "?", cut after 60 characters. */
    public static String quoted(String value) {
        String plain = value == null ? "" : value.replaceAll("\\p{Cntrl}", "?");
        return plain.length() > 60 ? plain.substring(0, 60) + "…" : plain;
    }

    /** The id in a form value, or null when it is not one. */
    public static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A date written YYYY-MM-DD between FIRST_YEAR and LAST_YEAR, or null (also for nothing written). */
    public static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            return date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
