package dev.siteready.scoping;

import java.util.Arrays;
import java.util.Locale;

/** The kinds of question a questionnaire can ask. */
public enum QuestionType {
    YES_NO_UNKNOWN("Yes / no / unknown"),
    SINGLE_CHOICE("Single choice"),
    MULTI_CHOICE("Multiple choice"),
    SHORT_TEXT("Short text"),
    LONG_TEXT("Long text"),
    NUMBER("Number"),
    DATE("Date"),
    TABLE("Table of rows");

    public final String label;

    QuestionType(String label) {
        this.label = label;
    }

    /** The type named, or short text for a name this version does not know (tolerant reader). */
    public static QuestionType parse(String value) {
        QuestionType type = parseStrict(value);
        return type == null ? SHORT_TEXT : type;
    }

    public static QuestionType parseStrict(String value) {
        return value == null ? null : Arrays.stream(values())
                .filter(t -> t.name().equals(value.trim().toUpperCase(Locale.ROOT))).findFirst().orElse(null);
    }

    public boolean hasChoices() {
        return this == SINGLE_CHOICE || this == MULTI_CHOICE;
    }
}
