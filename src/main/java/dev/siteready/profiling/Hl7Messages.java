package dev.siteready.profiling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Splits pasted or uploaded HL7 v2 text into messages (newlines or MLLP framing, any segment ending), each ready for
 * HAPI or refused with the reason, before HAPI sees it.
 */
final class Hl7Messages {

    /**
     * Limits per message, checked before HAPI sees it. HAPI builds objects per repetition and places segments it does
     * not know (Z-segments, typos) with work that grows with the square of their number, so one crafted message could
     * otherwise take minutes or all the memory. Real messages stay far below these.
     */
    static final int MAX_SEGMENTS = 2_000;
    static final int MAX_UNKNOWN_SEGMENTS = 50;
    static final int MAX_REPETITIONS = 5_000;
    static final int MAX_MESSAGE_CHARS = 2 * 1024 * 1024;

    private static final String NO_MSH = "No MSH segment: the text before the first message is not HL7 v2.";
    private static final String AFTER_FRAME = "Not a segment: this text follows the end of an MLLP frame (FS) and no MSH starts it.";

    /**
     * A message as text: its number in the input (each MSH starts the next), the MSH-12 it was sent with ("" when
     * missing), whether it is read without a structure (MSH-9 names no trigger event), what was odd about it as sent
     * (conformance notes: field positions, never values), or why it cannot be read. Text that is no message has number
     * 0 and the number of the message it follows in {@code after}.
     */
    record Raw(int number, int after, String text, String version, boolean generic, String type, String problem,
            Map<String, Integer> notes) {
        static Raw failed(int number, String problem) {
            return new Raw(number, number - 1, null, "", false, "", problem, Map.of());
        }

        /** Text that is no message, after message {@code after} (0: before the first). */
        static Raw stray(int after) {
            return new Raw(0, after, null, "", false, "", after == 0 ? NO_MSH : AFTER_FRAME, Map.of());
        }
    }

    private Hl7Messages() {
    }

    /**
     * Splits pasted or uploaded text into messages. Segment endings may be \r, \n or \r\n; MLLP start and end bytes,
     * byte order marks and batch envelopes (FHS, BHS, BTS, FTS) are dropped; blank lines are ignored. Each MSH starts
     * a message. Within a message, a line that does not start a segment (three characters A–Z or 0–9 and the field
     * separator) is the rest of the previous segment's last field, broken by an unescaped line break: it is joined
     * back and noted. The end of an MLLP frame (FS) ends its message. Text outside any message (before the first MSH,
     * or after a frame's end) is listed on its own, numbered 0.
     */
    static List<Raw> split(String text) {
        List<Raw> messages = new ArrayList<>();
        Collected current = null;
        boolean stray = false;
        int number = 0;
        int n = text.length();
        int start = 0;
        while (start <= n) {
            int end = start;
            boolean frameEnds = false;
            while (end < n && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
                frameEnds |= text.charAt(end) == 0x1c;
                end++;
            }
            String line = strip(text, start, end);
            start = end + 1;
            if (!line.isEmpty() && !isBatch(line)) {
                if (line.startsWith("MSH") && line.length() > 8) {
                    if (current != null) {
                        messages.add(current.raw());
                    } else if (stray) {
                        messages.add(Raw.stray(number));
                    }
                    stray = false;
                    current = header(++number, line);
                } else if (current == null) {
                    stray = true;
                } else if (current.startsSegment(line)) {
                    current.add(line);
                } else {
                    current.join(line);
                }
            }
            if (frameEnds && current != null) {
                messages.add(current.raw());
                current = null;
            }
        }
        if (current != null) {
            messages.add(current.raw());
        } else if (stray) {
            messages.add(Raw.stray(number));
        }
        return messages;
    }

    /**
     * Starts a message at its MSH segment. A missing MSH-12 gets the parse version in the parser's copy only (reported
     * as "(missing)"); an MSH-9 without a trigger event is read without a structure. Odd encoding characters and
     * spaces around the type or version are noted.
     */
    private static Collected header(int number, String msh) {
        char separator = msh.charAt(3);
        String[] fields = msh.split(Pattern.quote(String.valueOf(separator)), -1);
        String encoding = fields[1];
        char component = encoding.isEmpty() ? '^' : encoding.charAt(0);
        char repetition = encoding.length() > 1 ? encoding.charAt(1) : '~';
        Map<String, Integer> notes = new LinkedHashMap<>(4);
        encodingNotes(separator, encoding, notes);
        String sentVersion = fields.length > 11 ? fields[11] : "";
        int end = sentVersion.indexOf(component);
        if (end >= 0) {
            sentVersion = sentVersion.substring(0, end);
        }
        spaces(sentVersion, "MSH-12", notes);
        String version = sentVersion.strip();
        String type = fields.length > 8 ? fields[8] : "";
        String[] typeParts = type.split(Pattern.quote(String.valueOf(component)), -1);
        for (int i = 0; i < typeParts.length && i < 3; i++) {
            spaces(typeParts[i], "MSH-9." + (i + 1), notes);
        }
        int split = type.indexOf(component);
        Collected collected;
        if (split < 0 || type.substring(split + 1).isBlank()) {
            // HAPI needs a trigger event to parse at all; the parser's copy gets a placeholder, the profile the type as sent.
            String sent = split < 0 ? type.strip() : type.substring(0, split).strip();
            String[] copy = fields.length > 11 ? fields.clone() : Arrays.copyOf(fields, 12);
            for (int i = 0; i < copy.length; i++) {
                copy[i] = copy[i] == null ? "" : copy[i];
            }
            copy[8] = (sent.isEmpty() ? "ZZZ" : sent) + component + "Z99";
            if (version.isEmpty()) {
                copy[11] = Hl7Parsers.PARSE_AS;
            }
            collected = new Collected(number, String.join(String.valueOf(separator), copy), version, true, sent, separator, repetition);
        } else {
            collected = new Collected(number, version.isEmpty() ? withVersion(fields, separator) : msh, version, false, null,
                    separator, repetition);
        }
        notes.forEach((note, count) -> collected.notes.merge(note, count, Integer::sum));
        return collected;
    }

    /** MSH-1 other than | and MSH-2 other than ^~\&amp; (or ^~\&amp;# from v2.7): legal in part, but often trouble. */
    private static void encodingNotes(char separator, String encoding, Map<String, Integer> notes) {
        if (separator != '|') {
            notes.merge("MSH-1 (field separator) is " + (isMark(separator) ? "\"" + separator + "\"" : "a letter, digit or space")
                    + ", not |", 1, Integer::sum);
        }
        if (encoding.equals("^~\\&") || encoding.equals("^~\\&#")) {
            return;
        }
        boolean marks = !encoding.isEmpty() && encoding.length() <= 5 && encoding.chars().allMatch(c -> isMark((char) c));
        boolean distinct = encoding.chars().distinct().count() == encoding.length() && encoding.indexOf(separator) < 0;
        String note;
        if (encoding.isEmpty()) {
            note = "MSH-2 (encoding characters) is empty; ^~\\& assumed";
        } else if (!marks) {
            note = "MSH-2 does not hold encoding characters";
        } else if (!distinct) {
            note = "MSH-2 repeats a separator: \"" + encoding + "\"";
        } else if (encoding.length() < 4) {
            note = "MSH-2 has " + encoding.length() + " encoding characters (\"" + encoding + "\"), not 4 (^~\\&)";
        } else {
            note = "MSH-2 is \"" + encoding + "\", not ^~\\&";
        }
        notes.merge(note, 1, Integer::sum);
    }

    /** Punctuation that can serve as a separator (never a letter, digit, space or control character). */
    private static boolean isMark(char c) {
        return c > 0x20 && c < 0x7f && !Character.isLetterOrDigit(c);
    }

    /** Notes spaces before or after a coded or typed value (a receiver that compares exactly would not match it). */
    static void spaces(String value, String where, Map<String, Integer> notes) {
        if (value.isEmpty() || value.isBlank()) {
            return;
        }
        if (Character.isWhitespace(value.charAt(value.length() - 1))) {
            notes.merge("Trailing space in " + where, 1, Integer::sum);
        }
        if (Character.isWhitespace(value.charAt(0))) {
            notes.merge("Leading space in " + where, 1, Integer::sum);
        }
    }

    /** The message being collected while splitting, with what the limits count. */
    private static final class Collected {
        private final int number;
        private final StringBuilder text;
        private final String version;
        private final boolean generic;
        private final String type;
        private final char separator;
        private final char repetition;
        private final Map<String, Integer> notes = new LinkedHashMap<>(4);
        private int segments = 1;
        private int unknown;
        private int repetitions;
        /** The last segment's name and the number of its last field (where a broken line continues). */
        private String lastName = "MSH";
        private int lastField;

        Collected(int number, String msh, String version, boolean generic, String type, char separator, char repetition) {
            this.number = number;
            this.text = new StringBuilder(msh.length() * 12).append(msh);
            this.version = version;
            this.generic = generic;
            this.type = type;
            this.separator = separator;
            this.repetition = repetition;
            count(msh);
            lastField = fields(msh) + 1; // MSH-1 is the field separator itself
        }

        /** Three characters A–Z or 0–9 and this message's field separator (or a bare segment name HL7 v2.5.1 defines). */
        boolean startsSegment(String line) {
            if (line.length() == 3) {
                return isSegmentName(line) && Hl7Parsers.isKnown(line);
            }
            return line.length() > 3 && isSegmentName(line) && line.charAt(3) == separator;
        }

        void add(String segment) {
            segments++;
            String name = segment.substring(0, 3);
            if (!Hl7Parsers.isKnown(name)) {
                unknown++;
            }
            count(segment);
            lastName = name;
            lastField = fields(segment);
            if (text.length() <= MAX_MESSAGE_CHARS) {
                text.append('\r').append(segment);
            }
        }

        /** The rest of the last field after an unescaped line break: joined back with a space, and noted. */
        void join(String rest) {
            notes.merge("Line break inside " + lastName + "-" + lastField + ", joined", 1, Integer::sum);
            count(rest);
            lastField += fields(rest);
            if (text.length() <= MAX_MESSAGE_CHARS) {
                text.append(' ').append(rest);
            }
        }

        private int fields(String line) {
            int count = 0;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == separator) {
                    count++;
                }
            }
            return count;
        }

        private void count(String segment) {
            for (int i = 0; i < segment.length(); i++) {
                if (segment.charAt(i) == repetition) {
                    repetitions++;
                }
            }
        }

        Raw raw() {
            if (generic && type.isEmpty()) {
                return Raw.failed(number, "MSH-9 (the message type) is empty.");
            }
            if (text.length() > MAX_MESSAGE_CHARS) {
                return Raw.failed(number, "Too long to profile: over 2 MB in one message.");
            }
            if (segments > MAX_SEGMENTS) {
                return Raw.failed(number, "Too many segments to profile: " + segments + " (up to " + MAX_SEGMENTS + " per message).");
            }
            if (unknown > MAX_UNKNOWN_SEGMENTS) {
                return Raw.failed(number, unknown + " segments that HL7 v2.5.1 does not define (such as Z-segments); up to "
                        + MAX_UNKNOWN_SEGMENTS + " per message are profiled.");
            }
            if (repetitions > MAX_REPETITIONS) {
                return Raw.failed(number, "Too many repetitions to profile: " + repetitions + " (up to " + MAX_REPETITIONS + " per message).");
            }
            return new Raw(number, number - 1, text.toString(), version, generic, type, null, notes);
        }
    }

    /** A segment name: three characters, A–Z or 0–9 (PID, OBX, ZPI). */
    private static boolean isSegmentName(String line) {
        for (int i = 0; i < 3; i++) {
            char c = line.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBatch(String segment) {
        return segment.startsWith("FHS") || segment.startsWith("BHS") || segment.startsWith("BTS") || segment.startsWith("FTS");
    }

    /**
     * A line without what surrounds it: leading whitespace, MLLP bytes and byte order marks, and those bytes at its end.
     * Spaces at the end stay: they belong to the segment's last field (and are noted when that field is read as a code).
     * A line of only whitespace is empty.
     */
    private static String strip(String text, int start, int end) {
        while (start < end && ignorable(text.charAt(start))) {
            start++;
        }
        while (end > start && frame(text.charAt(end - 1))) {
            end--;
        }
        int last = end;
        while (last > start && ignorable(text.charAt(last - 1))) {
            last--;
        }
        return last == start ? "" : text.substring(start, end);
    }

    /** Whitespace, the MLLP frame bytes (VT, FS) and byte order marks (files joined end to end keep theirs). */
    private static boolean ignorable(char c) {
        return Character.isWhitespace(c) || frame(c);
    }

    private static boolean frame(char c) {
        return c == 0x0b || c == 0x1c || c == '\uFEFF';
    }

    private static String withVersion(String[] fields, char separator) {
        StringBuilder msh = new StringBuilder();
        int count = Math.max(fields.length, 12);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                msh.append(separator);
            }
            msh.append(i == 11 ? Hl7Parsers.PARSE_AS : i < fields.length ? fields[i] : "");
        }
        return msh.toString();
    }
}
