package dev.siteready.profiling;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * What SiteReady keeps of a set of sample messages: counts, type codes, identifier types and assigning authorities,
 * code-system names and value shapes. Never a value. Stored as JSON; unknown properties are ignored on reading
 * (tolerant reader), so profiles written by older or newer versions still show.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProfileData(String format, int messages, int profiled, int failed, List<Integer> failedIndexes,
        List<TypeStat> types, List<IdStat> patientIds, Range idsPerPatient, Presence accountNumber, Presence visitNumber,
        List<ProviderStat> providers, List<CodedField> codes) {

    public ProfileData {
        failedIndexes = nn(failedIndexes);
        types = nn(types);
        patientIds = nn(patientIds);
        providers = nn(providers);
        codes = nn(codes);
    }

    /** One message type (HL7 v2 "ADT^A04", Redox "Results.New", FHIR "FHIR Observation") and its catalog event. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TypeStat(String type, String model, String event, int messages, Map<String, Integer> versions, List<Fill> fill) {
        public TypeStat {
            versions = versions == null ? Map.of() : versions;
            fill = nn(fill);
        }
    }

    /** In how many of the type's messages a key field had a value ({@code of}: messages with the field's segment). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Fill(String field, int present, int of) {
    }

    /** A patient identifier type from one assigning authority, the number of patients (PID segments) carrying it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IdStat(String type, String authority, int patients, List<Shape> shapes) {
        public IdStat {
            shapes = nn(shapes);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Shape(String shape, int count) {
    }

    /** Fewest and most identifiers one patient carried, over this many patients (PID segments, patient resources). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Range(int min, int max, int patients) {
    }

    /** Whether a field had a value, in how many of the messages that could carry it, and its shapes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Presence(String field, int present, int of, List<Shape> shapes, List<String> types) {
        public Presence {
            shapes = nn(shapes);
            types = nn(types);
        }
    }

    /** Provider identifiers of one type and authority in one field ("" type: the ID came without one). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProviderStat(String field, String type, String authority, int count, List<Shape> shapes) {
        public ProviderStat {
            shapes = nn(shapes);
        }
    }

    /** A coded field of a data model and the coding systems its values named. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CodedField(String field, String model, int values, List<SystemShare> systems) {
        public CodedField {
            systems = nn(systems);
        }
    }

    /** {@code choice}: the questionnaire's code system (HL7 0396) for it, "" when it has none. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SystemShare(String system, String kind, String choice, int count) {
        @JsonIgnore
        public boolean flagged() {
            return judged().flagged();
        }

        @JsonIgnore
        public String kindLabel() {
            return judged().label;
        }

        private CodeSystems.Kind judged() {
            try {
                return CodeSystems.Kind.valueOf(kind == null ? "UNKNOWN" : kind);
            } catch (IllegalArgumentException e) {
                return CodeSystems.Kind.UNKNOWN;
            }
        }
    }

    private static <T> List<T> nn(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
