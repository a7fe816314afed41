package dev.siteready.profiling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    private static final String NO_MSH = "No MSH segment: the text before it is not an HL7 v2 message.";

    /**
     * A message as text, the MSH-12 it was sent with ("" when missing), whether it is read without a structure
     * (MSH-9 names no trigger event), or why it cannot be one.
     */
    record Raw(String text, String version, boolean generic, String type, String problem) {
        static Raw failed(String problem) {
            return new Raw(null, "", false, "", problem);
        }
    }

    private Hl7Messages() {
    }

    /**
     * Splits pasted or uploaded text into messages. Segment endings may be \r, \n or \r\n; MLLP start and end bytes,
     * byte order marks and batch envelopes (FHS, BHS, BTS, FTS) are dropped; blank lines are ignored. A line that is no
     * segment ends the message before it and is listed on its own.
     */
    static List<Raw> split(String text) {
        List<Raw> messages = new ArrayList<>();
        Collected current = null;
        boolean stray = false;
        int n = text.length();
        int start = 0;
        while (start <= n) {
            int end = start;
            while (end < n && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
                end++;
            }
            String segment = strip(text, start, end);
            start = end + 1;
            if (segment.isEmpty() || isBatch(segment)) {
                continue;
            }
            if (segment.startsWith("MSH") && segment.length() > 8) {
                if (current != null) {
                    messages.add(current.raw());
                } else if (stray) {
                    messages.add(Raw.failed(NO_MSH));
                }
                stray = false;
                current = header(segment);
            } else if (current == null) {
                stray = true;
            } else if (!isSegment(segment)) {
                messages.add(current.raw());
                current = null;
                stray = true;
            } else {
                current.add(segment);
            }
        }
        if (current != null) {
            messages.add(current.raw());
        } else if (stray) {
            messages.add(Raw.failed(NO_MSH));
        }
        return messages;
    }

    /**
     * Starts a message at its MSH segment. A missing MSH-12 gets the parse version in the parser's copy only (reported
     * as "(missing)"); an MSH-9 without a trigger event is read without a structure.
     */
    private static Collected header(String msh) {
        char separator = msh.charAt(3);
        String[] fields = msh.split(Pattern.quote(String.valueOf(separator)), -1);
        String encoding = fields[1];
        char component = encoding.isEmpty() ? '^' : encoding.charAt(0);
        char repetition = encoding.length() > 1 ? encoding.charAt(1) : '~';
        String version = fields.length > 11 ? fields[11].strip() : "";
        int end = version.indexOf(component);
        if (end >= 0) {
            version = version.substring(0, end);
        }
        String type = fields.length > 8 ? fields[8] : "";
        int split = type.indexOf(component);
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
            return new Collected(String.join(String.valueOf(separator), copy), version, true, sent, repetition);
        }
        return new Collected(version.isEmpty() ? withVersion(fields, separator) : msh, version, false, null, repetition);
    }

    /** The message being collected while splitting, with what the limits count. */
    private static final class Collected {
        private final StringBuilder text;
        private final String version;
        private final boolean generic;
        private final String type;
        private final char repetition;
        private int segments = 1;
        private int unknown;
        private int repetitions;

        Collected(String msh, String version, boolean generic, String type, char repetition) {
            this.text = new StringBuilder(msh.length() * 12).append(msh);
            this.version = version;
            this.generic = generic;
            this.type = type;
            this.repetition = repetition;
            count(msh);
        }

        void add(String segment) {
            segments++;
            if (!Hl7Parsers.isKnown(segment.substring(0, 3))) {
                unknown++;
            }
            count(segment);
            if (text.length() <= MAX_MESSAGE_CHARS) {
                text.append('\r').append(segment);
            }
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
                return Raw.failed("MSH-9 (the message type) is empty.");
            }
            if (text.length() > MAX_MESSAGE_CHARS) {
                return Raw.failed("Too long to profile: over 2 MB in one message.");
            }
            if (segments > MAX_SEGMENTS) {
                return Raw.failed("Too many segments to profile: " + segments + " (up to " + MAX_SEGMENTS + " per message).");
            }
            if (unknown > MAX_UNKNOWN_SEGMENTS) {
                return Raw.failed(unknown + " segments that HL7 v2.5.1 does not define (such as Z-segments); up to "
                        + MAX_UNKNOWN_SEGMENTS + " per message are profiled.");
            }
            if (repetitions > MAX_REPETITIONS) {
                return Raw.failed("Too many repetitions to profile: " + repetitions + " (up to " + MAX_REPETITIONS + " per message).");
            }
            return new Raw(text.toString(), version, generic, type, null);
        }
    }

    /** A segment starts with its three-character name (letters and digits, e.g. PID, ZPI, OBX) and a field separator. */
    private static boolean isSegment(String line) {
        if (line.length() < 4) {
            return line.length() == 3 && isSegmentName(line);
        }
        return isSegmentName(line.substring(0, 3)) && !Character.isLetterOrDigit(line.charAt(3)) && !Character.isWhitespace(line.charAt(3));
    }

    private static boolean isSegmentName(String name) {
        return Character.isLetter(name.charAt(0)) && Character.isLetterOrDigit(name.charAt(1)) && Character.isLetterOrDigit(name.charAt(2));
    }

    private static boolean isBatch(String segment) {
        return segment.startsWith("FHS") || segment.startsWith("BHS") || segment.startsWith("BTS") || segment.startsWith("FTS");
    }

    private static String strip(String text, int start, int end) {
        while (start < end && ignorable(text.charAt(start))) {
            start++;
        }
        while (end > start && ignorable(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Whitespace, the MLLP frame bytes (VT, FS) and byte order marks (files joined end to end keep theirs). */
    private static boolean ignorable(char c) {
        return Character.isWhitespace(c) || c == 0x0b || c == 0x1c || c == '\uFEFF';
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
