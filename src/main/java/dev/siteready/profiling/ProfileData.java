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
        List<ProviderStat> providers, List<CodedField> codes, List<Note> notes) {

    public ProfileData {
        failedIndexes = nn(failedIndexes);
        types = nn(types);
        patientIds = nn(patientIds);
        providers = nn(providers);
        codes = nn(codes);
        notes = nn(notes);
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

    /**
     * A patient identifier type from one assigning authority, the number of patients (PID segments) carrying it.
     * {@code authority} is the whole authority in HL7 notation ({@link Hd#label()}); profiles from before HD parts were
     * kept have only the namespace (or the universal ID) there, and no {@code assigningAuthority}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IdStat(String type, String authority, int patients, List<Shape> shapes, Hd assigningAuthority) {
        public IdStat {
            authority = authority == null ? "" : authority;
            shapes = nn(shapes);
            assigningAuthority = assigningAuthority == null ? Hd.namespace(authority) : assigningAuthority;
        }
    }

    /**
     * An assigning authority as HL7 v2's HD data type: namespace ID, universal ID and universal ID type (HD.1–3), for
     * example {@code MAINHOSP&2.16.840.1.113883.19.5&ISO}. FHIR keeps the identifier's system as the namespace.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hd(String namespace, String universalId, String universalIdType) {
        public Hd {
            namespace = namespace == null ? "" : namespace;
            universalId = universalId == null ? "" : universalId;
            universalIdType = universalIdType == null ? "" : universalIdType;
        }

        static final Hd NONE = new Hd("", "", "");

        static Hd namespace(String namespace) {
            return new Hd(namespace, "", "");
        }

        @JsonIgnore
        public boolean isEmpty() {
            return namespace.isEmpty() && universalId.isEmpty() && universalIdType.isEmpty();
        }

        /** The whole authority in HL7 notation, empty parts at the end left out: "MAIN", "MAIN&1.2.3&ISO", "&1.2.3&ISO". */
        @JsonIgnore
        public String label() {
            if (universalId.isEmpty() && universalIdType.isEmpty()) {
                return namespace;
            }
            return namespace + "&" + universalId + (universalIdType.isEmpty() ? "" : "&" + universalIdType);
        }

        /** The name to show first: the namespace, else the universal ID. */
        @JsonIgnore
        public String shortName() {
            return !namespace.isEmpty() ? namespace : !universalId.isEmpty() ? universalId : "";
        }

        /** What HL7 asks of an HD that this one lacks ("" when nothing): a universal ID needs its type, and a type its ID. */
        @JsonIgnore
        public String problem() {
            if (universalId.isEmpty() && !universalIdType.isEmpty()) {
                return namespace.isEmpty() ? "only a universal ID type" : "a universal ID type without the ID";
            }
            if (!universalId.isEmpty() && universalIdType.isEmpty()) {
                return "a universal ID without its type";
            }
            return "";
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

    /** Provider identifiers of one type and authority (as in {@link IdStat}) in one field ("" type: the ID came without one). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProviderStat(String field, String type, String authority, int count, List<Shape> shapes, Hd assigningAuthority) {
        public ProviderStat {
            authority = authority == null ? "" : authority;
            shapes = nn(shapes);
            assigningAuthority = assigningAuthority == null ? Hd.namespace(authority) : assigningAuthority;
        }
    }

    /**
     * A coded field of a data model, counted per field occurrence (one per segment or coded element that can carry it):
     * how many had a code, only text, or neither, and the coding systems they named. {@code values} equals
     * {@code occurrences}; in profiles from before occurrences were counted, {@code occurrences} is 0 and {@code values}
     * and the systems' {@code count} are numbers of codes.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CodedField(String field, String model, int values, List<SystemShare> systems, int occurrences, int withCode,
            int textOnly, int noCode) {
        public CodedField {
            systems = nn(systems);
        }

        /** Counted per occurrence (profiles from before that count codes). */
        @JsonIgnore
        public boolean perOccurrence() {
            return occurrences > 0;
        }
    }

    /**
     * A coding system named in a coded field. {@code count}: occurrences with a code in this system, as the primary
     * code (components 1–3 in HL7 v2) or the alternate (4–6), each counted once; {@code primary} and {@code alternate}
     * apart; {@code textOnly}: occurrences naming this system with text but no code. {@code choice}: the questionnaire's
     * code system (HL7 0396) for it, "" when it has none.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SystemShare(String system, String kind, String choice, int count, int primary, int alternate, int textOnly) {
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

    /**
     * Something in the messages as sent that a receiving engine could trip on, which the profiler read past (a line
     * break inside a field, spaces around a coded value, odd encoding characters): in how many places, in how many
     * messages, and the first of those messages' numbers. Names a field position, never a value.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Note(String note, int occurrences, int messages, List<Integer> examples) {
        public Note {
            examples = nn(examples);
        }
    }

    private static <T> List<T> nn(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
