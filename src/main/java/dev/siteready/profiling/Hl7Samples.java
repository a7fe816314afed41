package dev.siteready.profiling;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;

/**
 * Reads HL7 v2 samples with HAPI: splits the text into messages ({@link Hl7Messages}), parses each with validation
 * off into v2.5.1 structures ({@link Hl7Parsers}), and hands what it finds ({@link Hl7Segments}) to a
 * {@link ProfileBuilder}.
 */
final class Hl7Samples {

    private Hl7Samples() {
    }

    static Profiler.Result profile(String text) {
        ProfileBuilder builder = new ProfileBuilder(Profiler.HL7_V2, "PID-18", "PV1-19");
        for (Hl7Messages.Raw raw : Hl7Messages.split(text)) {
            if (raw.problem() != null) {
                if (raw.number() > 0) {
                    builder.failed(raw.number(), raw.problem());
                } else {
                    builder.notMessage(raw.after(), raw.problem(), raw.after() == 0 ? "Text before the first MSH segment, not read"
                            : "Text after the end of an MLLP frame (not a segment), not read");
                }
                continue;
            }
            try {
                Message message = Hl7Parsers.parserFor(raw).parse(raw.text());
                Hl7Segments.read(message, raw, builder);
            } catch (HL7Exception | RuntimeException | StackOverflowError e) {
                builder.failed(raw.number(), reason(e), raw.notes());
            }
        }
        return new Profiler.Result(builder.build(), builder.failures());
    }

    /** The parser's reason, on one line and not too long (it is shown to the person who sent the samples, never kept). */
    private static String reason(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "Too deeply nested to profile.";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
