package dev.siteready.profiling;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sample text as it arrives: at most {@link #MAX_BYTES}, text and not a binary file. A refusal says why, with the
 * HTTP status to answer; nothing is profiled or stored for it.
 */
public record SampleInput(String text, int bytes, int status, String problem) {

    /** What a refusal of nothing to profile says (also the samples form's check). */
    public static final String NOTHING_SENT = "Paste at least one message: HL7 v2 (starting with MSH) or JSON (Redox or FHIR).";

    /** 10 MB: a few thousand messages at a time. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    public boolean refused() {
        return problem != null;
    }

    /** From a request body: UTF-8, or (for feeds in a single-byte code page) read as windows-1252. */
    public static SampleInput of(byte[] body) {
        if (body == null || body.length == 0) {
            return empty();
        }
        if (body.length > MAX_BYTES) {
            return tooLarge(body.length);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            text = new String(body, java.nio.charset.Charset.forName("windows-1252"));
        }
        return checked(text, body.length);
    }

    /** From a form field (the page's text box; a chosen file is read into it by the browser). */
    public static SampleInput of(String text) {
        if (text == null || text.isBlank()) {
            return empty();
        }
        int bytes = utf8Length(text);
        if (bytes > MAX_BYTES) {
            return tooLarge(bytes);
        }
        return checked(text, bytes);
    }

    /** The text's size in UTF-8, without encoding it. */
    static int utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return (int) Math.min(bytes, Integer.MAX_VALUE);
    }

    private static SampleInput checked(String text, int bytes) {
        if (text.isBlank()) {
            return empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Tab, line endings and the MLLP frame bytes (VT, FS) belong in samples; other control characters mean a binary file.
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0b && c != 0x1c) || c == 0x7f) {
                return new SampleInput(null, bytes, 415, "This does not look like text: it holds control characters (such as NUL) that "
                        + "HL7 v2 and JSON samples never contain. Send the messages as text: HL7 v2 (pipe-delimited) or JSON.");
            }
        }
        return new SampleInput(text.charAt(0) == '\uFEFF' ? text.substring(1) : text, bytes, 200, null);
    }

    private static SampleInput empty() {
        return new SampleInput(null, 0, 400, NOTHING_SENT);
    }

    private static SampleInput tooLarge(int bytes) {
        return new SampleInput(null, bytes, 413, "That is " + megabytes(bytes) + "; SiteReady profiles up to 10 MB of samples at a "
                + "time. Split them into smaller batches: a few hundred messages say as much as thousands.");
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
