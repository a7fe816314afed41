package dev.siteready.scoping;

import java.util.Arrays;
import java.util.Locale;

/**
 * Whether a question is asked once or once per item of the project's scope: per scope row (a data model in
 * one direction), per data model, or per required field. The items come from the scope as it is now, so a
 * questionnaire grows with the scope.
 */
public enum Repeat {
    ONCE("Once"),
    SCOPE_ROW("For each data set in scope"),
    DATA_MODEL("For each data model in scope"),
    REQUIRED_FIELD("For each required field");

    public final String label;

    Repeat(String label) {
        this.label = label;
    }

    public static Repeat parse(String value) {
        return value == null ? ONCE : Arrays.stream(values())
                .filter(r -> r.name().equals(value.trim().toUpperCase(Locale.ROOT))).findFirst().orElse(ONCE);
    }
}
