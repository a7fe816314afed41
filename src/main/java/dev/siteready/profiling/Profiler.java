package dev.siteready.profiling;

import java.util.List;

/**
 * Profiles sample messages in memory: HL7 v2 or JSON (Redox-style or FHIR), chosen by the text's first character.
 * The text is never stored or logged; only the {@link ProfileData} is kept.
 */
public final class Profiler {

    public static final String HL7_V2 = "HL7 v2";
    public static final String JSON = "JSON";

    /** The profile to keep, and the messages that could not be read with the reader's reasons (shown, never kept). */
    public record Result(ProfileData data, List<ProfileBuilder.Failure> failures) {
        /** Why nothing was kept when no message could be read: none found, or none readable. */
        public String nothingRead() {
            return data.messages() == 0 ? "No message was found (HL7 v2 messages start with MSH), so nothing was kept."
                    : "None of the " + Suggestions.messages(data.messages()) + " could be read, so nothing was kept.";
        }
    }

    private Profiler() {
    }

    /** Reads the text as JSON if it starts with { or [, else as HL7 v2. */
    public static Result profile(String text) {
        return isJson(text) ? JsonSamples.profile(text) : Hl7Samples.profile(text);
    }

    public static Result profileHl7(String text) {
        return Hl7Samples.profile(text);
    }

    public static Result profileJson(String text) {
        return JsonSamples.profile(text);
    }

    static boolean isJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '{' || c == '[';
            }
        }
        return false;
    }
}
