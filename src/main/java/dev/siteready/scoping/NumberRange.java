package dev.siteready.scoping;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The numbers a number question accepts: a range and, for questions that count things (identifiers, messages),
 * whole numbers only. Declared for the standard questions by their key, so every template version that asks them
 * holds answers to the same rule; other number questions accept any number up to a trillion either way.
 */
public record NumberRange(BigDecimal min, BigDecimal max, boolean whole, String counts) {

    static final NumberRange ANY = new NumberRange(new BigDecimal("-1000000000000"), new BigDecimal("1000000000000"), false, null);

    private static final Map<String, NumberRange> STANDARD = Map.of(
            StandardQuestionnaire.PATIENT_ID_COUNT, count(1, 1_000, "identifiers"),
            StandardQuestionnaire.DAILY_VOLUME, count(0, 100_000_000, "messages"),
            StandardQuestionnaire.PEAK_VOLUME, count(0, 10_000_000, "messages"));

    private static NumberRange count(long min, long max, String what) {
        return new NumberRange(BigDecimal.valueOf(min), BigDecimal.valueOf(max), true, what);
    }

    /** The range declared for the question, or {@link #ANY}. */
    public static NumberRange of(QuestionnaireDefinition.Question question) {
        return STANDARD.getOrDefault(question.key(), ANY);
    }

    /** Why the number (as {@link AnswerValues} stores it) is not accepted, or null. */
    public String problem(String number) {
        BigDecimal n = new BigDecimal(number);
        if (whole && n.stripTrailingZeros().scale() > 0) {
            return "Enter a whole number: this question counts " + counts + " (from " + words(min) + " to " + words(max) + ").";
        }
        if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
            return "Enter a number from " + words(min) + " to " + words(max) + (counts == null ? "." : ": this question counts " + counts + ".");
        }
        return null;
    }

    private static String words(BigDecimal n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }
}
