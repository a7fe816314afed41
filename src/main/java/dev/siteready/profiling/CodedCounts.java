package dev.siteready.profiling;

import dev.siteready.profiling.ProfileData.CodedField;
import dev.siteready.profiling.ProfileData.SystemShare;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Coded fields counted per occurrence (an HL7 v2 field in one segment with all its repetitions, a FHIR coding array, a
 * Redox code object): with a code, text only or empty, and per coding system the occurrences with a code in it, as the
 * primary and the alternate code apart, and those naming it with text only. Each system counts once per occurrence.
 */
final class CodedCounts {

    private final Map<String, FieldAcc> fields = new LinkedHashMap<>();

    /** Starts an occurrence of the field in a message of the data model; {@code filled} learns whether it had a value. */
    Occurrence occurrence(String field, String model, BiConsumer<String, Boolean> filled) {
        return new Occurrence(field, model, filled);
    }

    List<CodedField> build() {
        return fields.values().stream().sorted(Comparator.comparing((FieldAcc a) -> a.model).thenComparing(a -> a.field))
                .map(a -> new CodedField(a.field, a.model, a.occurrences, a.systems.values().stream()
                        .sorted(Comparator.comparingInt((SystemAcc s) -> -s.count).thenComparingInt(s -> -s.textOnly)
                                .thenComparing(s -> s.system))
                        .map(s -> {
                            CodeSystems.Judged judged = CodeSystems.judge(s.system);
                            return new SystemShare(s.system, judged.kind().name(), judged.choice(), s.count, s.primary, s.alternate,
                                    s.textOnly);
                        }).toList(), a.occurrences, a.withCode, a.textOnly, a.noCode))
                .toList();
    }

    /** One occurrence of a coded field: give it its codes, then {@link #end()}. */
    final class Occurrence {
        private final String field;
        private final String model;
        private final BiConsumer<String, Boolean> filled;
        private final Set<String> primary = new LinkedHashSet<>(2);
        private final Set<String> alternate = new LinkedHashSet<>(2);
        private final Set<String> textOnly = new LinkedHashSet<>(2);
        private boolean text;

        private Occurrence(String field, String model, BiConsumer<String, Boolean> filled) {
            this.field = field;
            this.model = model;
            this.filled = filled;
        }

        /** A code with its text and coding system (HL7 v2 components 1–3; FHIR and Redox codes). */
        Occurrence primary(String code, String text, String system) {
            return add(primary, code, text, system);
        }

        /** The alternate code (HL7 v2 components 4–6). */
        Occurrence alternate(String code, String text, String system) {
            return add(alternate, code, text, system);
        }

        private Occurrence add(Set<String> into, String code, String text, String system) {
            String name = system == null ? "" : Shapes.name(system, 60);
            if (code != null && !code.isBlank()) {
                into.add(name);
            } else if (text != null && !text.isBlank()) {
                this.text = true;
                textOnly.add(name);
            }
            return this;
        }

        /** Counts the occurrence: with a code, with text only, or empty; each system once. */
        void end() {
            boolean code = !primary.isEmpty() || !alternate.isEmpty();
            filled.accept(field, code || text);
            FieldAcc acc = ProfileBuilder.bounded(fields, field + "|" + model, () -> new FieldAcc(field, model));
            acc.occurrences++;
            if (code) {
                acc.withCode++;
            } else if (text) {
                acc.textOnly++;
            } else {
                acc.noCode++;
            }
            Set<String> any = new LinkedHashSet<>(primary);
            any.addAll(alternate);
            for (String system : any) {
                SystemAcc s = acc.system(system);
                if (s != null) {
                    s.count++;
                    s.primary += primary.contains(system) ? 1 : 0;
                    s.alternate += alternate.contains(system) ? 1 : 0;
                }
            }
            if (!code) {
                for (String system : textOnly) {
                    SystemAcc s = acc.system(system);
                    if (s != null) {
                        s.textOnly++;
                    }
                }
            }
        }
    }

    private static final class FieldAcc {
        final String field;
        final String model;
        int occurrences;
        int withCode;
        int textOnly;
        int noCode;
        final Map<String, SystemAcc> systems = new HashMap<>();

        FieldAcc(String field, String model) {
            this.field = field;
            this.model = model;
        }

        /** The system's counts; null once {@link ProfileBuilder#MAX_KEYS} other systems are counted. */
        SystemAcc system(String name) {
            SystemAcc acc = systems.get(name);
            if (acc == null && systems.size() < ProfileBuilder.MAX_KEYS) {
                acc = new SystemAcc(name);
                systems.put(name, acc);
            }
            return acc;
        }
    }

    private static final class SystemAcc {
        final String system;
        int count;
        int primary;
        int alternate;
        int textOnly;

        SystemAcc(String system) {
            this.system = system;
        }
    }
}
