package dev.siteready.profiling;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.GenericModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads HL7 v2 samples with HAPI: splits the text into messages (newlines or MLLP framing, any segment ending),
 * parses each with validation off into v2.5.1 structures, and hands what it finds to a {@link ProfileBuilder}.
 */
final class Hl7Samples {

    /** The version HAPI parses every message as (its structures are on the class path); MSH-12 is reported as sent. */
    static final String PARSE_AS = "2.5.1";

    /**
     * One parser per thread: HAPI's parser holds state while parsing. Each keeps a lenient setup: no validation,
     * unknown versions allowed, every version read with the v2.5.1 structures.
     */
    private static final ThreadLocal<PipeParser> PARSER = ThreadLocal.withInitial(Hl7Samples::newParser);

    /** For messages whose MSH-9 names no trigger event, so no structure: every segment is read as a generic one. */
    private static final ThreadLocal<PipeParser> GENERIC = ThreadLocal.withInitial(() -> {
        HapiContext context = new DefaultHapiContext(new GenericModelClassFactory());
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.getParserConfiguration().setValidating(false);
        context.getParserConfiguration().setAllowUnknownVersions(true);
        return context.getPipeParser();
    });

    /**
     * Limits per message, checked before HAPI sees it. HAPI builds objects per repetition and places segments it does
     * not know (Z-segments, typos) with work that grows with the square of their number, so one crafted message could
     * otherwise take minutes or all the memory. Real messages stay far below these.
     */
    static final int MAX_SEGMENTS = 2_000;
    static final int MAX_UNKNOWN_SEGMENTS = 50;
    static final int MAX_REPETITIONS = 5_000;
    static final int MAX_MESSAGE_CHARS = 2 * 1024 * 1024;

    private static final java.util.concurrent.ConcurrentMap<String, Boolean> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

    private static final String[] XCN_PV1 = { "PV1-7", "PV1-8", "PV1-9", "PV1-17" };
    private static final int[] XCN_PV1_FIELDS = { 7, 8, 9, 17 };

    private Hl7Samples() {
    }

    static PipeParser newParser() {
        HapiContext context = new DefaultHapiContext(new RememberingFactory());
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.getParserConfiguration().setValidating(false);
        context.getParserConfiguration().setAllowUnknownVersions(true);
        return context.getPipeParser();
    }

    /**
     * Every version read with the v2.5.1 structures. HAPI looks a segment class up by name for every segment it parses
     * and does not remember a miss, so each Z-segment costs a search of the class path; this remembers the answers
     * (for a bounded number of names, as they come from the input).
     */
    private static final class RememberingFactory extends CanonicalModelClassFactory {
        private static final long serialVersionUID = 1L;
        private final transient java.util.concurrent.ConcurrentMap<String, java.util.Optional<Class<? extends Segment>>> segments =
                new java.util.concurrent.ConcurrentHashMap<>();

        RememberingFactory() {
            super(PARSE_AS);
        }

        @Override
        public Class<? extends Segment> getSegmentClass(String name, String version) throws HL7Exception {
            java.util.Optional<Class<? extends Segment>> found = segments.get(name);
            if (found == null) {
                found = java.util.Optional.ofNullable(super.getSegmentClass(name, version));
                if (segments.size() < 1_000) {
                    segments.put(name, found);
                }
            }
            return found.orElse(null);
        }
    }

    /** The parser of this thread, for the benchmark's bare-parse comparison. */
    static PipeParser parser() {
        return PARSER.get();
    }

    static Profiler.Result profile(String text) {
        ProfileBuilder builder = new ProfileBuilder(Profiler.HL7_V2, "PID-18", "PV1-19");
        PipeParser parser = PARSER.get();
        for (Raw raw : split(text)) {
            if (raw.problem() != null) {
                builder.failed(raw.problem());
                continue;
            }
            try {
                Message message = (raw.generic() ? GENERIC.get() : parser).parse(raw.text());
                read(message, raw, builder);
            } catch (HL7Exception | RuntimeException | StackOverflowError e) {
                builder.failed(reason(e));
            }
        }
        return new Profiler.Result(builder.build(), builder.failures());
    }

    /**
     * A message as text, the MSH-12 it was sent with ("" when missing), whether it is read without a structure
     * (MSH-9 names no trigger event), or why it cannot be one.
     */
    record Raw(String text, String version, boolean generic, String type, String problem) {
        static Raw failed(String problem) {
            return new Raw(null, "", false, "", problem);
        }
    }

    private static final String NO_MSH = "No MSH segment: the text before it is not an HL7 v2 message.";

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
        String[] fields = msh.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
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
            String[] copy = fields.length > 11 ? fields.clone() : java.util.Arrays.copyOf(fields, 12);
            for (int i = 0; i < copy.length; i++) {
                copy[i] = copy[i] == null ? "" : copy[i];
            }
            copy[8] = (sent.isEmpty() ? "ZZZ" : sent) + component + "Z99";
            if (version.isEmpty()) {
                copy[11] = PARSE_AS;
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
            if (!isKnown(segment.substring(0, 3))) {
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

    /** Whether HL7 v2.5.1 defines the segment (HAPI has a class for it); Z-segments and typos are not. */
    static boolean isKnown(String name) {
        Boolean known = KNOWN.get(name);
        if (known != null) {
            return known;
        }
        boolean found;
        try {
            Class.forName("ca.uhn.hl7v2.model.v251.segment." + name, false, Hl7Samples.class.getClassLoader());
            found = true;
        } catch (ClassNotFoundException | LinkageError e) {
            found = false;
        }
        if (KNOWN.size() < 1_000) { // made-up names must not grow the cache without end
            KNOWN.put(name, found);
        }
        return found;
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
            msh.append(i == 11 ? PARSE_AS : i < fields.length ? fields[i] : "");
        }
        return msh.toString();
    }

    private static void read(Message message, Raw raw, ProfileBuilder builder) throws HL7Exception {
        List<Segment> segments = new ArrayList<>(24);
        collect(message, segments);
        Segment msh = segments.isEmpty() ? null : segments.get(0);
        if (msh == null || !"MSH".equals(msh.getName())) {
            throw new HL7Exception("The message has no MSH segment.");
        }
        String typeKey = raw.generic() ? raw.type() : text(msh, 9, 1) + "^" + text(msh, 9, 2);
        String orderControl = "";
        for (Segment s : segments) {
            if ("ORC".equals(s.getName())) {
                orderControl = text(s, 1, 1);
                break;
            }
        }
        MessageTypes.Target target = MessageTypes.of(typeKey, orderControl);
        ProfileBuilder.Message m = builder.begin(typeKey, target.model(), target.event(), raw.version());
        for (Segment s : segments) {
            switch (s.getName()) {
                case "PID" -> pid(s, m);
                case "PV1" -> pv1(s, m);
                case "ORC" -> providers(s, 12, "ORC-12", m);
                case "OBR" -> {
                    providers(s, 16, "OBR-16", m);
                    coded(s, 4, "OBR-4", m);
                }
                case "OBX" -> {
                    coded(s, 3, "OBX-3", m);
                    String valueType = text(s, 2, 1);
                    if (valueType.equals("CE") || valueType.equals("CWE") || valueType.equals("CNE")) {
                        coded(s, 5, "OBX-5", m);
                    }
                }
                case "DG1" -> coded(s, 3, "DG1-3", m);
                case "RXA" -> coded(s, 5, "RXA-5", m);
                case "AIS" -> coded(s, 3, "AIS-3", m);
                case "PR1" -> coded(s, 3, "PR1-3", m);
                case "AL1" -> coded(s, 3, "AL1-3", m);
                default -> {
                }
            }
        }
        m.end();
    }

    /** Every segment of the message in order, through its groups; repetitions that were never sent are not created. */
    private static void collect(Group group, List<Segment> into) throws HL7Exception {
        for (String name : group.getNames()) {
            for (Structure s : group.getAll(name)) {
                if (s instanceof Segment segment) {
                    into.add(segment);
                } else if (s instanceof Group g) {
                    collect(g, into);
                }
            }
        }
    }

    private static void pid(Segment pid, ProfileBuilder.Message m) throws HL7Exception {
        ProfileBuilder.Patient patient = m.patient();
        Type[] ids = pid.getField(3);
        for (Type cx : ids) {
            String authority = value(cx, 4, 1);
            if (authority.isEmpty()) {
                authority = value(cx, 4, 2);
            }
            patient.id(value(cx, 5, 1), authority, value(cx, 1, 1));
        }
        patient.end();
        m.field("PID-3", ids.length > 0 && !value(ids[0], 1, 1).isEmpty());
        String account = text(pid, 18, 1);
        m.account(account);
        m.field("PID-18", !account.isEmpty());
    }

    private static void pv1(Segment pv1, ProfileBuilder.Message m) throws HL7Exception {
        Type[] visit = pv1.getField(19);
        String number = visit.length == 0 ? "" : value(visit[0], 1, 1);
        m.visit(number, visit.length == 0 ? "" : value(visit[0], 5, 1));
        m.field("PV1-19", !number.isEmpty());
        for (int i = 0; i < XCN_PV1_FIELDS.length; i++) {
            providers(pv1, XCN_PV1_FIELDS[i], XCN_PV1[i], m);
        }
    }

    /** Providers (XCN): ID type XCN.13, assigning authority XCN.9; one without a type is counted as such. */
    private static void providers(Segment segment, int field, String label, ProfileBuilder.Message m) throws HL7Exception {
        boolean any = false;
        for (Type xcn : segment.getField(field)) {
            String id = value(xcn, 1, 1);
            String family = value(xcn, 2, 1);
            if (id.isEmpty() && family.isEmpty()) {
                continue;
            }
            any = true;
            String authority = value(xcn, 9, 1);
            if (authority.isEmpty()) {
                authority = value(xcn, 9, 2);
            }
            m.provider(label, value(xcn, 13, 1), authority, id);
        }
        m.field(label, any);
    }

    /** A coded field (CE/CWE): identifier and coding system (components 1 and 3), and the alternate (4 and 6). */
    private static void coded(Segment segment, int field, String label, ProfileBuilder.Message m) throws HL7Exception {
        boolean any = false;
        for (Type ce : segment.getField(field)) {
            Type t = ce instanceof Varies v ? v.getData() : ce;
            String code = value(t, 1, 1);
            String alternate = value(t, 4, 1);
            if (!code.isEmpty()) {
                any = true;
                m.coded(label, code, value(t, 3, 1));
            }
            if (!alternate.isEmpty()) {
                any = true;
                m.coded(label, alternate, value(t, 6, 1));
            }
        }
        m.field(label, any);
    }

    private static String text(Segment segment, int field, int component) throws HL7Exception {
        Type[] reps = segment.getField(field);
        return reps.length == 0 ? "" : value(reps[0], component, 1);
    }

    private static String value(Type type, int component, int subcomponent) {
        Primitive p = Terser.getPrimitive(type, component, subcomponent);
        String v = p == null ? null : p.getValue();
        return v == null ? "" : v.strip();
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
