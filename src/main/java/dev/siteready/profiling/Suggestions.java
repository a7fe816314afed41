package dev.siteready.profiling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.siteready.profiling.ProfileData.CodedField;
import dev.siteready.profiling.ProfileData.IdStat;
import dev.siteready.profiling.ProfileData.Presence;
import dev.siteready.profiling.ProfileData.ProviderStat;
import dev.siteready.profiling.ProfileData.SystemShare;
import dev.siteready.scoping.AnswerKey;
import dev.siteready.scoping.AnswerValues;
import dev.siteready.scoping.QuestionType;
import dev.siteready.scoping.QuestionnaireDefinition.Column;
import dev.siteready.scoping.QuestionnaireDefinition.Question;
import dev.siteready.scoping.QuestionnaireDefinition;
import dev.siteready.scoping.Repeat;
import dev.siteready.scoping.StandardQuestionnaire;
import dev.siteready.scoping.Subjects.Subject;
import dev.siteready.scoping.Subjects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The questionnaire answers a profile suggests, for the standard scoping questions a project's questionnaire asks:
 * patient identifier types and their count, the enterprise ID, visit and provider identifiers, and the code systems
 * of each data model in scope. A suggestion is only made where the samples say something; each value passes the
 * questionnaire's own validation before it is offered.
 */
public final class Suggestions {

    /** A suggested answer for one question and subject, with the evidence in words. */
    public record Suggested(String questionKey, String subject, String subjectLabel, Question question, JsonNode value,
            String evidence) {

        /** The answer the suggestion is for. */
        public AnswerKey key() {
            return AnswerKey.of(questionKey, subject);
        }
    }

    private Suggestions() {
    }

    public static List<Suggested> of(ProfileData data, QuestionnaireDefinition definition, Subjects subjects) {
        List<Suggested> out = new ArrayList<>();
        String from = " — derived from " + messages(data.profiled());
        patientIdTypes(data, definition, from, out);
        patientIdCount(data, definition, from, out);
        empi(data, definition, from, out);
        visitIds(data, definition, from, out);
        providerIds(data, definition, from, out);
        codes(data, definition, subjects, from, out);
        return out;
    }

    private static void patientIdTypes(ProfileData data, QuestionnaireDefinition definition, String from, List<Suggested> out) {
        Question q = table(definition, StandardQuestionnaire.PATIENT_ID_TYPES, "type", "authority", "format");
        if (q == null || data.patientIds().isEmpty()) {
            return;
        }
        Column type = column(q, "type");
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> said = new ArrayList<>();
        List<String> notOffered = new ArrayList<>();
        for (IdStat id : data.patientIds()) {
            said.add(id.type().isEmpty() ? "no type" : id.type() + (id.authority().isEmpty() ? "" : " from " + id.authority()));
            String choice = choice(type, id.type().isEmpty() ? "U" : id.type());
            if (choice == null) {
                notOffered.add(id.type());
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            row.put("type", choice);
            row.put("authority", id.authority());
            row.put("format", id.shapes().isEmpty() ? "" : id.shapes().get(0).shape());
            rows.add(row);
        }
        int patients = data.idsPerPatient() == null ? 0 : data.idsPerPatient().patients();
        String evidence = joinAnd(said) + " (" + patients + (patients == 1 ? " patient" : " patients") + ")" + from
                + (notOffered.isEmpty() ? "" : ". Not among the question's types, so left out: " + String.join(", ", notOffered));
        table(q, rows, evidence, out);
    }

    private static void patientIdCount(ProfileData data, QuestionnaireDefinition definition, String from, List<Suggested> out) {
        Question q = question(definition, StandardQuestionnaire.PATIENT_ID_COUNT, QuestionType.NUMBER);
        if (q == null || data.patientIds().isEmpty() || data.idsPerPatient() == null) {
            return;
        }
        int distinct = data.patientIds().size();
        String evidence = distinct + (distinct == 1 ? " identifier type and authority" : " identifier types and authorities")
                + " seen; one patient carried " + data.idsPerPatient().min()
                + (data.idsPerPatient().max() == data.idsPerPatient().min() ? "" : " to " + data.idsPerPatient().max())
                + from + ". The enterprise may hold identifiers its feeds do not send.";
        single(q, String.valueOf(distinct), evidence, out);
    }

    private static void empi(ProfileData data, QuestionnaireDefinition definition, String from, List<Suggested> out) {
        IdStat pe = data.patientIds().stream().filter(i -> i.type().equals("PE")).findFirst().orElse(null);
        if (pe == null) {
            return;
        }
        String evidence = "PE (enterprise number)" + (pe.authority().isEmpty() ? "" : " from " + pe.authority()) + " for "
                + pe.patients() + (pe.patients() == 1 ? " patient" : " patients") + from;
        Question has = question(definition, StandardQuestionnaire.HAS_EMPI, QuestionType.YES_NO_UNKNOWN);
        if (has != null) {
            single(has, "YES", evidence, out);
        }
        Question which = question(definition, StandardQuestionnaire.EMPI_ID, QuestionType.SINGLE_CHOICE);
        if (which != null && which.option("PE").isPresent()) {
            single(which, "PE", evidence, out);
        }
    }

    private static void visitIds(ProfileData data, QuestionnaireDefinition definition, String from, List<Suggested> out) {
        Question q = table(definition, StandardQuestionnaire.VISIT_IDS, "type", "location");
        if (q == null) {
            return;
        }
        Column type = column(q, "type");
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> said = new ArrayList<>();
        Presence visit = data.visitNumber();
        if (visit != null && visit.present() > 0) {
            String sent = visit.types().isEmpty() ? "VN" : visit.types().get(0);
            String choice = choice(type, sent);
            rows.add(Map.of("type", choice == null ? "VN" : choice, "location", visit.field()));
            said.add(visit.field() + " in " + visit.present() + " of " + visit.of() + shape(visit));
        }
        Presence account = data.accountNumber();
        if (account != null && account.present() > 0 && choice(type, "AN") != null) {
            rows.add(Map.of("type", "AN", "location", account.field()));
            said.add(account.field() + " in " + account.present() + " of " + account.of() + shape(account));
        }
        if (!rows.isEmpty()) {
            table(q, rows, String.join("; ", said) + from, out);
        }
    }

    private static void providerIds(ProfileData data, QuestionnaireDefinition definition, String from, List<Suggested> out) {
        Question q = table(definition, StandardQuestionnaire.PROVIDER_IDS, "type", "authority", "fields");
        if (q == null || data.providers().isEmpty()) {
            return;
        }
        Column type = column(q, "type");
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ProviderStat p : data.providers()) {
            String key = (p.type().isEmpty() ? "U" : p.type()) + "|" + p.authority();
            fields.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(p.field());
            counts.merge(key, p.count(), Integer::sum);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> said = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : fields.entrySet()) {
            String[] parts = e.getKey().split("\\|", 2);
            String where = String.join(", ", e.getValue());
            said.add((parts[0].equals("U") ? "no ID type" : parts[0]) + (parts[1].isEmpty() ? "" : " from " + parts[1]) + " in "
                    + where + " (" + counts.get(e.getKey()) + "×)");
            String choice = choice(type, parts[0]);
            if (choice != null) {
                rows.add(Map.of("type", choice, "authority", parts[1], "fields", where));
            }
        }
        table(q, rows, String.join("; ", said) + from, out);
    }

    private static void codes(ProfileData data, QuestionnaireDefinition definition, Subjects subjects, String from,
            List<Suggested> out) {
        Question systems = question(definition, StandardQuestionnaire.CODE_SYSTEMS, QuestionType.MULTI_CHOICE);
        Question local = question(definition, StandardQuestionnaire.LOCAL_CODES, QuestionType.YES_NO_UNKNOWN);
        for (Subject model : subjects.of(Repeat.DATA_MODEL)) {
            List<CodedField> fields = data.codes().stream()
                    .filter(c -> c.model().toLowerCase(Locale.ROOT).equals(model.key().toLowerCase(Locale.ROOT))).toList();
            if (fields.isEmpty()) {
                continue;
            }
            String evidence = fields.stream().map(Suggestions::describe).collect(Collectors.joining("; ")) + from;
            if (systems != null && systems.repetition() == Repeat.DATA_MODEL) {
                List<String> chosen = fields.stream().flatMap(f -> f.systems().stream()).filter(s -> s.count() > 0).map(SystemShare::choice)
                        .filter(c -> !c.isEmpty() && systems.option(c).isPresent()).distinct().toList();
                if (!chosen.isEmpty()) {
                    add(systems, model, AnswerValues.parse(systems, Map.of("value", chosen)), evidence, out);
                }
            }
            if (local != null && local.repetition() == Repeat.DATA_MODEL) {
                // A local, unknown or missing system, or text without a code: something to map.
                boolean flagged = fields.stream().anyMatch(f -> f.textOnly() > 0)
                        || fields.stream().flatMap(f -> f.systems().stream()).anyMatch(SystemShare::flagged);
                add(local, model, AnswerValues.parse(local, Map.of("value", List.of(flagged ? "YES" : "NO"))), evidence, out);
            }
        }
    }

    /**
     * "OBX-3 (14): LN present in 79% (as primary 0%, as alternate 79%), L (local) 79%"; text without a code and empty
     * occurrences are named. Profiles from before occurrences were counted: "OBX-3: LN 60%, 99RIV (local) 40% of 300 codes".
     */
    static String describe(CodedField field) {
        String systems = field.systems().stream().filter(s -> s.count() > 0)
                .map(s -> (s.system().isEmpty() ? "no system" : s.system()) + (s.flagged() && !s.system().isEmpty()
                        ? " (" + s.kindLabel().toLowerCase(Locale.ROOT) + ")" : "")
                        + (field.perOccurrence() ? " present in " : " ") + percent(s.count(), field.values())
                        + (split(s, field.values()).isEmpty() ? "" : " (" + split(s, field.values()) + ")"))
                .collect(Collectors.joining(", "));
        if (!field.perOccurrence()) {
            return field.field() + ": " + systems + " of " + field.values() + (field.values() == 1 ? " code" : " codes");
        }
        List<String> parts = new ArrayList<>();
        if (!systems.isEmpty()) {
            parts.add(systems);
        }
        if (field.textOnly() > 0) {
            String named = field.systems().stream().filter(s -> s.textOnly() > 0 && !s.system().isEmpty())
                    .map(SystemShare::system).collect(Collectors.joining(", "));
            parts.add(percent(field.textOnly(), field.occurrences()) + " text without a code" + (named.isEmpty() ? "" : " (" + named + ")"));
        }
        if (field.noCode() > 0) {
            parts.add(percent(field.noCode(), field.occurrences()) + " empty");
        }
        return field.field() + " (" + field.occurrences() + "): " + String.join(", ", parts);
    }

    /** "as primary 0%, as alternate 79%" when the system was ever the alternate code, else "". */
    static String split(SystemShare s, int occurrences) {
        return s.alternate() == 0 ? "" : "as primary " + percent(s.primary(), occurrences) + ", as alternate "
                + percent(s.alternate(), occurrences);
    }

    static String percent(int part, int whole) {
        return whole == 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
    }

    private static String shape(Presence p) {
        return p.shapes().isEmpty() ? "" : " (shaped " + p.shapes().get(0).shape() + ")";
    }

    static String messages(int n) {
        return String.format(Locale.ROOT, "%,d", n) + (n == 1 ? " message" : " messages");
    }

    private static String joinAnd(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static Question question(QuestionnaireDefinition definition, String key, QuestionType type) {
        return definition.question(key).filter(q -> q.kind() == type).orElse(null);
    }

    /** The table question, if this questionnaire has it with the named columns and asks it once. */
    private static Question table(QuestionnaireDefinition definition, String key, String... columns) {
        Question q = question(definition, key, QuestionType.TABLE);
        if (q == null || q.repetition() != Repeat.ONCE) {
            return null;
        }
        for (String c : columns) {
            if (column(q, c) == null) {
                return null;
            }
        }
        return q;
    }

    private static Column column(Question q, String key) {
        return q.columns().stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    }

    /** The column's option for the code, if it offers one (any text for a text column). */
    private static String choice(Column column, String code) {
        if (!"CHOICE".equals(column.type())) {
            return code;
        }
        return column.options().stream().anyMatch(o -> o.value().equals(code)) ? code : null;
    }

    private static void table(Question q, List<Map<String, String>> rows, String evidence, List<Suggested> out) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < rows.size() && i < AnswerValues.MAX_ROWS; i++) {
            for (Map.Entry<String, String> cell : rows.get(i).entrySet()) {
                form.put("cell-" + i + "-" + cell.getKey(), List.of(cell.getValue()));
            }
        }
        add(q, Subject.NONE, AnswerValues.parse(q, form), evidence, out);
    }

    private static void single(Question q, String value, String evidence, List<Suggested> out) {
        if (q.repetition() == Repeat.ONCE) {
            add(q, Subject.NONE, AnswerValues.parse(q, Map.of("value", List.of(value))), evidence, out);
        }
    }

    private static void add(Question q, Subject subject, AnswerValues.Parsed parsed, String evidence, List<Suggested> out) {
        if (parsed.isValid() && parsed.value() != null) {
            out.add(new Suggested(q.key(), subject.key(), subject.label(), q, parsed.value(), evidence));
        }
    }
}
