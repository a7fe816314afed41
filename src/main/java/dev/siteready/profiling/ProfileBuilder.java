package dev.siteready.profiling;

import dev.siteready.profiling.ProfileData.Fill;
import dev.siteready.profiling.ProfileData.Hd;
import dev.siteready.profiling.ProfileData.IdStat;
import dev.siteready.profiling.ProfileData.Presence;
import dev.siteready.profiling.ProfileData.ProviderStat;
import dev.siteready.profiling.ProfileData.Range;
import dev.siteready.profiling.ProfileData.Shape;
import dev.siteready.profiling.ProfileData.TypeStat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds up what the readers find in each message. Only names (types, authorities, systems), counts and shapes go in;
 * the readers hand over values solely to have their shape taken here.
 */
final class ProfileBuilder {

    /** Distinct names kept per list: a feed with thousands of local authorities still gives a bounded profile. */
    static final int MAX_KEYS = 200;
    static final int MAX_SHAPES = 20;
    static final int SHAPES_SHOWN = 3;
    static final int MAX_FAILED_INDEXES = 100;
    /** Failures kept with their reasons for the response; beyond these only the count grows. */
    static final int MAX_FAILURES = 1_000;

    /**
     * A message that could not be read: its number in the input (from 1) and the reader's reason. Text that is no
     * message has number 0 and the number of the message it follows ({@code after}, 0 before the first).
     */
    public record Failure(int index, String reason, int after) {
        /** "#3", or where the text that is no message was. */
        public String label() {
            return index > 0 ? "#" + index : after == 0 ? "Before message 1" : "After message " + after;
        }
    }

    private final String format;
    private int messages;
    private int profiled;
    private int failed;
    private final List<Failure> failures = new ArrayList<>();
    private final Map<String, TypeAcc> types = new LinkedHashMap<>();
    private final Map<String, IdAcc> patientIds = new LinkedHashMap<>();
    private int minIds = Integer.MAX_VALUE;
    private int maxIds = -1;
    private int patients;
    private final PresenceAcc account;
    private final PresenceAcc visit;
    private final Map<String, ProviderAcc> providers = new LinkedHashMap<>();
    private final CodedCounts codes = new CodedCounts();
    private final ConformanceNotes notes = new ConformanceNotes();

    ProfileBuilder(String format, String accountField, String visitField) {
        this.format = format;
        this.account = new PresenceAcc(accountField);
        this.visit = new PresenceAcc(visitField);
    }

    /** The next message (numbered by count) could not be read. */
    void failed(String reason) {
        failed(messages + 1, reason);
    }

    /** Message {@code number} could not be read. */
    void failed(int number, String reason) {
        messages++;
        failed++;
        if (failures.size() < MAX_FAILURES) {
            failures.add(new Failure(number, reason, 0));
        }
    }

    /** Text that is no message, after message {@code after} (0: before the first): listed and noted, not counted. */
    void notMessage(int after, String reason, String note) {
        if (failures.size() < MAX_FAILURES) {
            failures.add(new Failure(0, reason, after));
        }
        notes.add(note, 1, after);
    }

    /** Message {@code number} could not be read; what was odd about it as sent is noted all the same. */
    void failed(int number, String reason, Map<String, Integer> messageNotes) {
        failed(number, reason);
        messageNotes.forEach((note, times) -> notes.add(note, times, number));
    }

    /**
     * Starts the next message, of the given type and catalog event; {@link Message#end()} counts it. One type can map
     * to several events (an ORM^O01 is a new, changed or cancelled order by its order control code), so each pair
     * is counted apart.
     */
    Message begin(String type, String model, String event, String version) {
        return begin(messages + 1, type, model, event, version);
    }

    /** Starts message {@code number} of the input (HL7 v2 numbers messages by their MSH). */
    Message begin(int number, String type, String model, String event, String version) {
        messages++;
        String name = Shapes.name(type, 40);
        String m = Shapes.name(model, 40);
        String e = Shapes.name(event, 40);
        String key = name + "|" + m + "|" + e;
        TypeAcc acc = types.get(key);
        if (acc == null) {
            if (types.size() >= MAX_KEYS) {
                acc = types.computeIfAbsent("(other types)||", k -> new TypeAcc("(other types)", "", ""));
            } else {
                acc = new TypeAcc(name, m, e);
                types.put(key, acc);
            }
        }
        acc.messages++;
        acc.versions.merge(version == null || version.isBlank() ? "(missing)" : Shapes.name(version, 12), 1, Integer::sum);
        return new Message(acc, number);
    }

    List<Failure> failures() {
        return failures;
    }

    final class Message {
        private final TypeAcc type;
        private final int number;
        private final Map<String, Boolean> fields = new LinkedHashMap<>(16); // in reading order: PID, PV1, ORC, OBR, OBX…
        private final Map<String, Integer> notes = new LinkedHashMap<>(4);

        private Message(TypeAcc type, int number) {
            this.type = type;
            this.number = number;
        }

        /** Something odd about this message as sent (a field position, never a value), {@code times} times. */
        void note(String note, int times) {
            if (notes.size() < MAX_KEYS || notes.containsKey(note)) {
                notes.merge(note, times, Integer::sum);
            }
        }

        /** The message's segment (or object) that can carry the field was there; present: the field had a value. */
        void field(String field, boolean present) {
            if (fields.size() < MAX_KEYS || fields.containsKey(field)) {
                fields.merge(field, present, Boolean::logicalOr);
            }
        }

        /** One patient's identifiers (a PID segment's PID-3, or a Redox/FHIR patient). */
        Patient patient() {
            return new Patient();
        }

        void account(String value) {
            account.add(value, null);
        }

        void visit(String value, String type) {
            visit.add(value, type);
        }

        void provider(String field, String type, Hd authority, String id) {
            String t = Shapes.name(type, 20);
            Hd a = kept(authority);
            ProviderAcc acc = bounded(providers, field + "|" + t + "|" + a.label(), () -> new ProviderAcc(field, t, a));
            acc.count++;
            acc.shapes.add(id);
        }

        /**
         * One occurrence of a coded field (an HL7 v2 field in one segment, with all its repetitions; a FHIR coding array;
         * a Redox code object): give it its codes, then {@link Coded#end()}.
         */
        CodedCounts.Occurrence coded(String field) {
            return codes.occurrence(field, type.model, this::field);
        }

        void end() {
            profiled++;
            notes.forEach((note, times) -> ProfileBuilder.this.notes.add(note, times, number));
            for (Map.Entry<String, Boolean> f : fields.entrySet()) {
                int[] counts = type.fill.get(f.getKey());
                if (counts == null) {
                    if (type.fill.size() >= MAX_KEYS) {
                        continue;
                    }
                    counts = new int[2];
                    type.fill.put(f.getKey(), counts);
                }
                counts[1]++;
                if (f.getValue()) {
                    counts[0]++;
                }
            }
        }
    }

    final class Patient {
        private final Map<String, Boolean> seen = new HashMap<>(8);
        private int ids;

        void id(String type, Hd authority, String value) {
            if ((value == null || value.isBlank()) && (type == null || type.isBlank())) {
                return;
            }
            ids++;
            String t = Shapes.name(type, 20);
            Hd a = kept(authority);
            String key = t + "|" + a.label();
            IdAcc acc = bounded(patientIds, key, () -> new IdAcc(t, a));
            if (seen.put(key, Boolean.TRUE) == null) {
                acc.patients++;
            }
            acc.shapes.add(value);
        }

        void end() {
            patients++;
            minIds = Math.min(minIds, ids);
            maxIds = Math.max(maxIds, ids);
        }
    }

    ProfileData build() {
        List<Integer> failedIndexes = failures.stream().map(Failure::index).filter(i -> i > 0).limit(MAX_FAILED_INDEXES).toList();
        List<TypeStat> typeStats = types.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, TypeAcc> e) -> -e.getValue().messages).thenComparing(Map.Entry::getKey))
                .map(e -> new TypeStat(e.getValue().type, e.getValue().model, e.getValue().event, e.getValue().messages,
                        new TreeMap<>(e.getValue().versions), e.getValue().fill.entrySet().stream()
                                .map(f -> new Fill(f.getKey(), f.getValue()[0], f.getValue()[1])).toList()))
                .toList();
        List<IdStat> ids = patientIds.values().stream().sorted(Comparator.comparingInt((IdAcc a) -> -a.patients)
                .thenComparing(a -> a.type).thenComparing(a -> a.authority.label()))
                .map(a -> new IdStat(a.type, a.authority.label(), a.patients, a.shapes.top(), a.authority)).toList();
        List<ProviderStat> providerStats = providers.values().stream().sorted(Comparator.comparing((ProviderAcc a) -> a.field)
                .thenComparingInt(a -> -a.count).thenComparing(a -> a.type))
                .map(a -> new ProviderStat(a.field, a.type, a.authority.label(), a.count, a.shapes.top(), a.authority)).toList();
        return new ProfileData(format, messages, profiled, failed, failedIndexes, typeStats, ids,
                maxIds < 0 ? null : new Range(minIds, maxIds, patients), account.build(), visit.build(), providerStats,
                codes.build(), notes.build());
    }

    /** An authority as kept: each part a name of at most 60 characters. */
    private static Hd kept(Hd authority) {
        if (authority == null) {
            return Hd.NONE;
        }
        return new Hd(Shapes.name(authority.namespace(), 60), Shapes.name(authority.universalId(), 60),
                Shapes.name(authority.universalIdType(), 20));
    }

    static <A> A bounded(Map<String, A> map, String key, java.util.function.Supplier<A> create) {
        A acc = map.get(key);
        if (acc == null) {
            acc = create.get();
            if (map.size() < MAX_KEYS) {
                map.put(key, acc);
            }
        }
        return acc;
    }

    private static final class TypeAcc {
        final String type;
        final String model;
        final String event;
        int messages;
        final Map<String, Integer> versions = new HashMap<>();
        final Map<String, int[]> fill = new LinkedHashMap<>();

        TypeAcc(String type, String model, String event) {
            this.type = type;
            this.model = model;
            this.event = event;
        }
    }

    private static final class IdAcc {
        final String type;
        final Hd authority;
        int patients;
        final ShapeCounts shapes = new ShapeCounts();

        IdAcc(String type, Hd authority) {
            this.type = type;
            this.authority = authority;
        }
    }

    private static final class ProviderAcc {
        final String field;
        final String type;
        final Hd authority;
        int count;
        final ShapeCounts shapes = new ShapeCounts();

        ProviderAcc(String field, String type, Hd authority) {
            this.field = field;
            this.type = type;
            this.authority = authority;
        }
    }

    private static final class PresenceAcc {
        final String field;
        int present;
        int of;
        final ShapeCounts shapes = new ShapeCounts();
        final Map<String, Integer> types = new HashMap<>();

        PresenceAcc(String field) {
            this.field = field;
        }

        void add(String value, String type) {
            of++;
            if (value != null && !value.isBlank()) {
                present++;
                shapes.add(value);
                if (type != null && !type.isBlank() && types.size() < 20) {
                    types.merge(Shapes.name(type, 20), 1, Integer::sum);
                }
            }
        }

        Presence build() {
            if (of == 0) {
                return null;
            }
            return new Presence(field, present, of, shapes.top(), types.entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, Integer> e) -> -e.getValue())).map(Map.Entry::getKey).toList());
        }
    }

    /** The most frequent shapes of a field's values (the values themselves are never kept). */
    private static final class ShapeCounts {
        final Map<String, Integer> counts = new HashMap<>(4);

        void add(String value) {
            if (value == null || value.isBlank()) {
                return;
            }
            String shape = Shapes.of(value.strip());
            if (counts.size() < MAX_SHAPES || counts.containsKey(shape)) {
                counts.merge(shape, 1, Integer::sum);
            }
        }

        List<Shape> top() {
            return counts.entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
                    .limit(SHAPES_SHOWN).map(e -> new Shape(e.getKey(), e.getValue())).toList();
        }
    }
}
