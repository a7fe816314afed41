package dev.siteready.scoping;

import dev.siteready.project.ConnectionMethod;
import dev.siteready.project.Hl7Tables;
import dev.siteready.scoping.QuestionnaireDefinition.Choice;
import dev.siteready.scoping.QuestionnaireDefinition.Column;
import dev.siteready.scoping.QuestionnaireDefinition.Condition;
import dev.siteready.scoping.QuestionnaireDefinition.Question;
import dev.siteready.scoping.QuestionnaireDefinition.Section;

import java.util.Arrays;
import java.util.List;

/**
 * The scoping questions every workspace starts with: what an implementation team must learn from the
 * health system before judging feasibility. Question keys are stable: feasibility rules read them.
 */
public final class StandardQuestionnaire {

    public static final String NAME = "Standard scoping";

    public static final String CONNECTION_METHODS = "connection.methods";
    public static final String FIELD_PROVIDED = "data.field_provided";
    public static final String FIELD_EFFORT = "data.change_effort";
    public static final String PATIENT_ID_COUNT = "patient.id_count";
    public static final String PATIENT_ID_TYPES = "patient.id_types";
    public static final String HAS_EMPI = "patient.has_empi";
    public static final String EMPI_ID = "patient.empi_id";
    public static final String VISIT_IDS = "visit.ids";
    public static final String PROVIDER_IDS = "provider.ids";
    public static final String CODE_SYSTEMS = "codes.systems";
    public static final String LOCAL_CODES = "codes.local_mapping";
    public static final String DAILY_VOLUME = "golive.daily_volume";
    public static final String PEAK_VOLUME = "golive.peak_per_hour";
    public static final String FREEZES = "golive.freezes";
    public static final String BUSINESS_HOURS = "golive.business_hours";
    public static final String TARGET_DATE = "golive.target_date";

    private StandardQuestionnaire() {
    }

    public static QuestionnaireDefinition definition() {
        List<Choice> methods = Arrays.stream(ConnectionMethod.values()).map(m -> new Choice(m.name(), m.label)).toList();
        List<Choice> effort = List.of(new Choice("NONE", "None"), new Choice("SMALL", "Small (days)"),
                new Choice("MEDIUM", "Medium (weeks)"), new Choice("LARGE", "Large (months)"),
                new Choice("NOT_POSSIBLE", "Not possible"));
        List<Choice> patientTypes = choices(Hl7Tables.IDENTIFIER_TYPES, Hl7Tables.PATIENT_ID_CODES);
        List<Choice> providerTypes = choices(Hl7Tables.IDENTIFIER_TYPES, Hl7Tables.PROVIDER_ID_CODES);
        List<Choice> codeSystems = Hl7Tables.codes(Hl7Tables.CODE_SYSTEMS).stream()
                .map(c -> new Choice(c.code(), c.code() + " · " + c.label())).toList();
        List<Choice> visitTypes = choices(Hl7Tables.IDENTIFIER_TYPES, List.of("VN", "AN", "U"));
        List<Choice> uniqueness = List.of(new Choice("ENCOUNTER", "Unique per encounter"),
                new Choice("FACILITY", "Unique within one facility"), new Choice("ENTERPRISE", "Unique across the enterprise"),
                new Choice("REUSED", "Can be reused"));

        return new QuestionnaireDefinition(List.of(
                new Section("connection", "Connection", "How each data set in scope can be exchanged.", List.of(
                        q(CONNECTION_METHODS, QuestionType.MULTI_CHOICE, "Which connection methods and standards can you support for {subject}?",
                                "Tick every option you could use today; we pick the best fit together.", true, methods, Repeat.SCOPE_ROW, null),
                        q("connection.other", QuestionType.SHORT_TEXT, "Which other method for {subject}?", "", true, List.of(),
                                Repeat.SCOPE_ROW, new Condition(CONNECTION_METHODS, "OTHER")))),
                new Section("data", "Data requirements", "Whether your default feeds already carry what the product needs.", List.of(
                        q(FIELD_PROVIDED, QuestionType.YES_NO_UNKNOWN, "Does your default feed provide {subject}?", "", true,
                                List.of(), Repeat.REQUIRED_FIELD, null),
                        q(FIELD_EFFORT, QuestionType.SINGLE_CHOICE, "What effort would it take to add {subject} to the feed?",
                                "Your estimate for changing the existing interface.", true, effort, Repeat.REQUIRED_FIELD,
                                new Condition(FIELD_PROVIDED, "NO")))),
                new Section("patient", "Patient identification", "How patients are identified across your enterprise. "
                        + "Describe the formats only: never send real identifiers.", List.of(
                        q(PATIENT_ID_COUNT, QuestionType.NUMBER, "How many patient identifiers exist across your enterprise?",
                                "Count every identifier a patient can have in the systems that feed this interface.", true, List.of(), Repeat.ONCE, null),
                        new Question(PATIENT_ID_TYPES, QuestionType.TABLE.name(), "Which patient identifier types do you send?",
                                "One row per identifier type. Example format as a pattern (A999999), not a real value.", true, List.of(),
                                List.of(new Column("type", "Type (HL7 0203)", "CHOICE", patientTypes),
                                        new Column("authority", "Assigning authority", "TEXT", List.of()),
                                        new Column("format", "Example format", "TEXT", List.of()),
                                        new Column("system", "Issuing system", "TEXT", List.of())),
                                Repeat.ONCE.name(), null),
                        q(HAS_EMPI, QuestionType.YES_NO_UNKNOWN, "Do you have an enterprise master patient index (EMPI)?", "", true,
                                List.of(), Repeat.ONCE, null),
                        q(EMPI_ID, QuestionType.SINGLE_CHOICE, "Which identifier type is the enterprise ID?", "", true, patientTypes,
                                Repeat.ONCE, new Condition(HAS_EMPI, "YES")))),
                new Section("visit", "Visits and encounters", "The identifiers you send for a visit or encounter.", List.of(
                        new Question(VISIT_IDS, QuestionType.TABLE.name(), "Which visit or encounter identifiers do you send?",
                                "For example the visit number in PV1-19.", true, List.of(),
                                List.of(new Column("type", "Type", "CHOICE", visitTypes),
                                        new Column("location", "Where it appears", "TEXT", List.of()),
                                        new Column("uniqueness", "Uniqueness", "CHOICE", uniqueness)),
                                Repeat.ONCE.name(), null))),
                new Section("provider", "Providers", "How ordering, attending and other providers are identified.", List.of(
                        new Question(PROVIDER_IDS, QuestionType.TABLE.name(), "Which provider identifiers do you send?", "", true, List.of(),
                                List.of(new Column("type", "Type", "CHOICE", providerTypes),
                                        new Column("authority", "Assigning authority", "TEXT", List.of()),
                                        new Column("fields", "Fields (e.g. ORC-12, PV1-7)", "TEXT", List.of())),
                                Repeat.ONCE.name(), null))),
                new Section("codes", "Coded clinical values", "The code systems your coded values use.", List.of(
                        q(CODE_SYSTEMS, QuestionType.MULTI_CHOICE, "Which code systems do you send for {subject}?",
                                "HL7 table 0396 codes.", true, codeSystems, Repeat.DATA_MODEL, null),
                        q(LOCAL_CODES, QuestionType.YES_NO_UNKNOWN, "Do any {subject} values use local codes that would need mapping?",
                                "", true, List.of(), Repeat.DATA_MODEL, null))),
                new Section("golive", "Volumes and go-live", "Sizing the connection and planning the go-live.", List.of(
                        q(DAILY_VOLUME, QuestionType.NUMBER, "Expected messages per day across all feeds", "", true, List.of(), Repeat.ONCE, null),
                        q(PEAK_VOLUME, QuestionType.NUMBER, "Expected peak messages per hour", "", false, List.of(), Repeat.ONCE, null),
                        q(FREEZES, QuestionType.LONG_TEXT, "Change freezes or blackout periods we should plan around",
                                "Upgrade windows, year-end freezes, other go-lives.", false, List.of(), Repeat.ONCE, null),
                        q(BUSINESS_HOURS, QuestionType.SHORT_TEXT, "Your business hours",
                                "Production testing is scheduled outside them, e.g. Mon–Fri 07:00–19:00.", false, List.of(), Repeat.ONCE, null),
                        q(TARGET_DATE, QuestionType.DATE, "Target go-live date", "", false, List.of(), Repeat.ONCE, null)))));
    }

    private static Question q(String key, QuestionType type, String label, String help, boolean required, List<Choice> options,
            Repeat repeat, Condition showIf) {
        return new Question(key, type.name(), label, help, required, options, List.of(), repeat.name(), showIf);
    }

    private static List<Choice> choices(java.util.Map<String, String> table, List<String> codes) {
        return Hl7Tables.codes(table, codes).stream().map(c -> new Choice(c.code(), c.code() + " · " + c.label())).toList();
    }
}
