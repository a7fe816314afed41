package dev.siteready.retro;

import dev.siteready.web.FormErrors;

import java.util.Map;

/**
 * A form of the retrospective page that was refused: which form, what was typed into it (shown again) and why.
 *
 * @param stale the input was refused because someone else changed the same thing meanwhile (409, not 400)
 */
record RefusedInput(String form, Map<String, String> values, String problem, boolean stale) {

    static final RefusedInput NONE = new RefusedInput("", Map.of(), null, false);

    static RefusedInput of(String form, Map<String, String> values, String problem) {
        return new RefusedInput(form, values, problem, false);
    }

    static RefusedInput stale(String form, Map<String, String> values, String problem) {
        return new RefusedInput(form, values, problem, true);
    }

    boolean isFor(String name) {
        return form.equals(name);
    }

    String value(String field) {
        return values.getOrDefault(field, "");
    }

    String problemFor(String name) {
        return isFor(name) ? problem : null;
    }

    int status() {
        return stale ? 409 : 400;
    }

    /** The message of the first of these fields that has one (the form's order, top to bottom), or null. */
    static String first(FormErrors errors, String... fields) {
        for (String field : fields) {
            if (errors.has(field)) {
                return errors.get(field);
            }
        }
        return null;
    }
}
