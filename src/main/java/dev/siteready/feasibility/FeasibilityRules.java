package dev.siteready.feasibility;

import dev.siteready.scoping.AnswerKey;
import static dev.siteready.feasibility.Finding.Effort;
import static dev.siteready.feasibility.Finding.Severity;
import static dev.siteready.feasibility.Finding.Status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dev.siteready.feasibility.Finding.Area;
import dev.siteready.feasibility.Finding.Source;
import dev.siteready.project.ConnectionMethod;
import dev.siteready.project.Hl7Tables;
import dev.siteready.scoping.AnswerValues;
import dev.siteready.scoping.QuestionnaireDefinition;
import dev.siteready.scoping.QuestionnaireDefinition.Question;
import dev.siteready.scoping.QuestionnaireView.Progress;
import dev.siteready.scoping.StandardQuestionnaire;
import dev.siteready.scoping.Subjects;
import dev.siteready.scoping.Subjects.Subject;

/**
 * The feasibility rule set. Each rule has an id, a title, what it checks, and a table of outcomes: the
 * status, severity and effort each outcome stands for, with an explanation template whose {placeholders}
 * are filled from the answers. The rules read the scope and the questionnaire answers by their stable
 * question keys (see {@link StandardQuestionnaire}); docs/feasibility.md lists them all.
 */
public final class FeasibilityRules {

    /** A peak above this many messages an hour gets a capacity note. */
    public static final int HIGH_PEAK_PER_HOUR = 5_000;

    /** Data models whose messages are about a visit: scoping them needs the visit identifier. */
    static final Set<String> VISIT_MODELS = Set.of("PatientAdmin", "Scheduling");

    public record Outcome(String key, Status status, Severity severity, Effort effort, String explanation) {
    }

    public record Rule(String id, Area area, String title, String checks, List<Outcome> outcomes) {
        public Outcome outcome(String key) {
            return outcomes.stream().filter(o -> o.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(id + " has no outcome " + key));
        }
    }

    static Outcome outcome(String key, Status status, Severity severity, Effort effort, String explanation) {
        return new Outcome(key, status, severity, effort, explanation);
    }

    /** Every rule that reads a question also has this outcome, for templates that no longer ask it. */
    static final Outcome NOT_ASKED = outcome("not_asked", Status.UNKNOWN, Severity.MEDIUM, Effort.NONE,
            "The questionnaire ({template}) does not ask this. Add the question to the template or record the answer in a comment.");

    public static final Rule SCOPE = new Rule("SCOPE-1", Area.SCOPE, "Scope and questionnaire in place",
            "Each project has data models in scope and a scoping questionnaire.", List.of(
                    outcome("no_project", Status.UNKNOWN, Severity.MEDIUM, Effort.NONE,
                            "{site} has no project yet, so there is nothing to judge. Add a project and its scope."),
                    outcome("no_scope", Status.UNKNOWN, Severity.MEDIUM, Effort.NONE,
                            "{project} has no data models in scope yet. Define the scope first."),
                    outcome("no_questionnaire", Status.UNKNOWN, Severity.MEDIUM, Effort.NONE,
                            "{project} has no scoping questionnaire yet. Start it and send a link to {site}.")));

    public static final Rule CONNECTION = new Rule("CONN-1", Area.CONNECTION, "Connection method available",
            "For each data set in scope: can the site exchange it by the connection method the scope plans?", List.of(
                    outcome("met", Status.MET, Severity.NONE, Effort.NONE,
                            "{site} can exchange {subject} by {method}, the method planned."),
                    outcome("alternative", Status.WORK, Severity.MEDIUM, Effort.M,
                            "Alternative method needed: {method} is planned for {subject}, but {site} offers {offered}."),
                    outcome("not_supported", Status.BLOCKED, Severity.HIGH, Effort.L,
                            "{site} supports none of the standard methods for {subject} (only: {offered}); {method} is planned."),
                    outcome("unknown", Status.UNKNOWN, Severity.MEDIUM, Effort.NONE,
                            "Not answered yet: which connection methods {site} supports for {subject}."),
                    NOT_ASKED));

    public static final Rule DATA = new Rule("DATA-1", Area.DATA, "Required field in the default feed",
            "For each field the product requires: does the site's default feed provide it, and if not, what does adding it take?",
            List.of(
                    outcome("met", Status.MET, Severity.NONE, Effort.NONE, "The default feed provides {subject}."),
                    outcome("modify_none", Status.WORK, Severity.LOW, Effort.S,
                            "{subject} is not in the default feed; {site} expects no effort to add it."),
                    outcome("modify_small", Status.WORK, Severity.LOW, Effort.S,
                            "Needs modification: {subject} is not in the default feed; adding it takes days by {site}'s estimate."),
                    outcome("modify_medium", Status.WORK, Severity.MEDIUM, Effort.M,
                            "Needs modification: {subject} is not in the default feed; adding it takes weeks by {site}'s estimate."),
                    outcome("modify_large", Status.WORK, Severity.HIGH, Effort.L,
                            "Needs modification: {subject} is not in the default feed; adding it takes months by {site}'s estimate."),
                    outcome("not_possible", Status.BLOCKED, Severity.HIGH, Effort.L,
                            "{subject} is not in the default feed and {site} cannot add it."),
                    outcome("effort_unknown", Status.UNKNOWN, Severity.MEDIUM, Effort.NONE,
                            "{subject} is not in the default feed; the effort to add it is not stated yet."),
                    outcome("unknown", Status.UNKNOWN, Severity.MEDIUM, Effort.NONE,
                            "Not known yet whether the default feed provides {subject}."),
                    NOT_ASKED));

    public static final Rule PATIENT_IDS = new Rule("PAT-1", Area.PATIENT, "Required patient identifier types",
            "For each patient identifier type the product requires: does the site send it?", List.of(
                    outcome("met", Status.MET, Severity.NONE, Effort.NONE, "{site} sends {subject} (assigning authority: {authority})."),
                    outcome("missing", Status.WORK, Severity.HIGH, Effort.L,
                            "The product requires {subject}, but {site} sends only {sent}. The identifier must be added to the feed or looked up."),
                    outcome("unknown", Status.UNKNOWN, Severity.MEDIUM, Effort.NONE,
                            "Not answered yet: which patient identifier types {site} sends (the product requires {subject})."),
                    NOT_ASKED));

    public static final Rule ENTERPRISE_IDS = new Rule("PAT-2", Area.PATIENT, "Patient identity across the enterprise",
            "Several patient identifiers across the enterprise need an EMPI, or else reconciliation.", List.of(
                    outcome("single", Status.MET, Severity.NONE, Effort.NONE, "{site} has a single patient identifier across the enterprise."),
                    outcome("empi", Status.MET, Severity.NONE, Effort.NONE,
                            "{count} patient identifiers across the enterprise, tied together by an EMPI{empiType}."),
                    outcome("reconciliation", Status.WORK, Severity.HIGH, Effort.L,
                            "ID reconciliation needed: {count} patient identifiers across the enterprise and no EMPI."),
                    outcome("unknown", Status.UNKNOWN, Severity.MEDIUM, Effort.NONE,
                            "Not answered yet: {missing}."),
                    NOT_ASKED));

    public static final Rule AUTHORITIES = new Rule("PAT-3", Area.PATIENT, "Assigning authority for every patient identifier",
            "Every patient identifier type listed has an assigning authority, so identifiers from different systems cannot collide.",
            List.of(
                    outcome("met", Status.MET, Severity.NONE, Effort.NONE, "Every patient identifier type has an assigning authority."),
                    outcome("missing", Status.WARNING, Severity.LOW, Effort.S,
                            "No assigning authority for {types}: identifiers from different systems could collide. Ask {site} which system issues them."),
                    NOT_ASKED));

    public static final Rule VISIT = new Rule("VIS-1", Area.VISIT, "Visit identifier available",
            "When the scope needs visit context (a required Visit field, or PatientAdmin or Scheduling in scope): does the site send a visit identifier?",
            List.of(
                    outcome("met", Status.MET, Severity.NONE, Effort.NONE, "{site} sends {types} as visit identifier."),
                    outcome("reused", Status.WARNING, Severity.MEDIUM, Effort.S,
                            "{site}'s visit identifier ({types}) can be reused; visits must be matched on more than the number."),
                    outcome("unknown", Status.UNKNOWN, Severity.MEDIUM, Effort.NONE,
                            "Not answered yet: which visit identifiers {site} sends ({reason})."),
                    NOT_ASKED));

    public static final Rule PROVIDERS = new Rule("PRV-1", Area.PROVIDER, "Required provider identifier types",
            "For each provider identifier type the product requires (e.g. NPI): does the site send it?", List.of(
                    outcome("met", Status.MET, Severity.NONE, Effort.NONE, "{site} sends {subject} for providers{fields}."),
                    outcome("crosswalk", Status.WORK, Severity.MEDIUM, Effort.S,
                            "Provider crosswalk needed: the product requires {subject}; {site} sends {sent}."),
                    outcome("unknown", Status.UNKNOWN, Severity.MEDIUM, Effort.NONE,
                            "Not answered yet: which provider identifiers {site} sends (the product requires {subject})."),
                    NOT_ASKED));

    public static final Rule CODE_SYSTEMS = new Rule("COD-1", Area.CODES, "Required code systems",
            "For each code system the product requires for a data model: does the site send it?", List.of(
                    outcome("met", Status.MET, Severity.NONE, Effort.NONE, "{site} sends {system} codes for {model}."),
                    outcome("mapping_local", Status.WORK, Severity.MEDIUM, Effort.M,
                            "Code mapping needed for {model}: {site} uses local codes, not {system}."),
                    outcome("mapping_other", Status.WORK, Severity.MEDIUM, Effort.M,
                            "Code mapping needed for {model}: the product requires {system}; {site} sends {sent}."),
                    outcome("unknown", Status.UNKNOWN, Severity.MEDIUM, Effort.NONE,
                            "Not answered yet: which code systems {site} sends for {model} (the product requires {system})."),
                    NOT_ASKED));

    public static final Rule LOCAL_CODES = new Rule("COD-2", Area.CODES, "Local codes",
            "Local codes in a data model whose required code systems are otherwise met still need mapping.", List.of(
                    outcome("local", Status.WARNING, Severity.LOW, Effort.S,
                            "Some {subject} values use local codes that need mapping.")));

    public static final Rule VOLUME = new Rule("VOL-1", Area.VOLUME, "Expected volume recorded",
            "The site states its expected daily message volume.", List.of(
                    outcome("met", Status.MET, Severity.NONE, Effort.NONE, "{site} expects {daily} messages per day (the scope estimates {estimate})."),
                    outcome("unknown", Status.UNKNOWN, Severity.MEDIUM, Effort.NONE, "Not answered yet: the expected messages per day."),
                    NOT_ASKED));

    public static final Rule PEAK = new Rule("VOL-2", Area.VOLUME, "Peak capacity",
            "A peak above " + String.format("%,d", HIGH_PEAK_PER_HOUR) + " messages an hour gets a capacity note.", List.of(
                    outcome("met", Status.MET, Severity.NONE, Effort.NONE, "A peak of {peak} messages an hour is within normal capacity."),
                    outcome("high", Status.WARNING, Severity.MEDIUM, Effort.S,
                            "Capacity note: a peak of {peak} messages an hour is unusually high. Confirm throughput with the integration platform and agree on queueing.")));

    public static final Rule OPEN = new Rule("OPEN-1", Area.OPEN, "Required question unanswered",
            "Every required question shown to the partner that no other rule already reports as unknown.", List.of(
                    outcome("unanswered", Status.UNKNOWN, Severity.LOW, Effort.NONE, "Not answered yet: {question}")));

    public static final List<Rule> ALL = List.of(SCOPE, CONNECTION, DATA, PATIENT_IDS, ENTERPRISE_IDS, AUTHORITIES, VISIT,
            PROVIDERS, CODE_SYSTEMS, LOCAL_CODES, VOLUME, PEAK, OPEN);

    private FeasibilityRules() {
    }

    /** The findings for a site without projects. */
    public static List<Finding> forSiteWithoutProjects(String siteName) {
        return List.of(new Evaluation(null).finding(SCOPE, "no_project", "", "", Map.of("site", siteName), List.of()));
    }

    /** Every rule's findings for one project, in rule order. */
    public static List<Finding> evaluate(ProjectFacts facts) {
        Evaluation e = new Evaluation(facts);
        if (facts.rows().isEmpty()) {
            e.add(SCOPE, "no_scope", new Subject("scope", "Scope"), Map.of(), List.of(e.scopeSource("Scope", "")));
        }
        if (!facts.hasQuestionnaire()) {
            e.add(SCOPE, "no_questionnaire", new Subject("questionnaire", "Questionnaire"), Map.of(), List.of(new Source("scope", "Questionnaire",
                    facts.projectHref() + "/questionnaire")));
            return e.findings;
        }
        connection(e);
        dataRequirements(e);
        patientIdTypes(e);
        enterpriseIds(e);
        authorities(e);
        visit(e);
        providers(e);
        codes(e);
        volume(e);
        open(e);
        return e.findings;
    }

    /** How many shown questions are answered: the answer sheet's completion, as the questionnaire page counts it. */
    public static Progress completion(ProjectFacts facts) {
        return facts.hasQuestionnaire() ? facts.answers().completion() : new Progress(0, 0);
    }

    /** Visits every question shown for the project's current scope (hidden conditional ones left out). */
    static void walk(ProjectFacts facts, java.util.function.BiConsumer<Question, Subject> visit) {
        facts.answers().shown().forEach(asked -> visit.accept(asked.question(), asked.subject()));
    }

    // ---- the rules ---------------------------------------------------------------------------------------

    private static void connection(Evaluation e) {
        // The questionnaire asks once per data model and direction; a scope may plan the same data set twice
        // (e.g. by MLLP and by flat file), so each planned method gets its own finding.
        Set<String> seen = new HashSet<>();
        for (ProjectFacts.Row row : e.facts.rows()) {
            Subject asked = row.subject();
            Subject subject = new Subject(asked.key() + "|" + row.method().name(), asked.label());
            if (!seen.add(subject.key())) {
                continue;
            }
            List<Source> sources = List.of(e.scopeSource("Scope: " + asked.label(), "#row-" + row.id()),
                    e.question(StandardQuestionnaire.CONNECTION_METHODS, asked));
            Map<String, String> params = Map.of("method", row.method().label);
            if (e.notAsked(CONNECTION, StandardQuestionnaire.CONNECTION_METHODS, subject, sources)) {
                continue;
            }
            List<String> chosen = AnswerValues.chosen(e.value(StandardQuestionnaire.CONNECTION_METHODS, asked));
            if (chosen.isEmpty()) {
                e.add(CONNECTION, "unknown", subject, params, sources);
            } else if (chosen.contains(row.method().name())) {
                e.add(CONNECTION, "met", subject, params, sources);
            } else {
                List<String> standard = chosen.stream().filter(c -> !ConnectionMethod.OTHER.name().equals(c)).toList();
                String offered = methodLabels(standard.isEmpty() ? chosen : standard);
                e.add(CONNECTION, standard.isEmpty() ? "not_supported" : "alternative", subject,
                        with(params, "offered", offered), sources);
            }
        }
    }

    private static void dataRequirements(Evaluation e) {
        for (ProjectFacts.FieldNeed field : e.facts.fields()) {
            Subject subject = field.subject();
            List<Source> sources = new ArrayList<>(List.of(e.scopeSource("Required field: " + subject.label(), "#requirements-heading"),
                    e.question(StandardQuestionnaire.FIELD_PROVIDED, subject)));
            if (e.notAsked(DATA, StandardQuestionnaire.FIELD_PROVIDED, subject, sources)) {
                continue;
            }
            String provided = AnswerValues.text(e.value(StandardQuestionnaire.FIELD_PROVIDED, subject));
            if ("YES".equals(provided)) {
                e.add(DATA, "met", subject, Map.of(), sources);
            } else if ("NO".equals(provided)) {
                sources.add(e.question(StandardQuestionnaire.FIELD_EFFORT, subject));
                String effort = AnswerValues.text(e.value(StandardQuestionnaire.FIELD_EFFORT, subject));
                String outcome = switch (effort) {
                    case "NONE" -> "modify_none";
                    case "SMALL" -> "modify_small";
                    case "MEDIUM" -> "modify_medium";
                    case "LARGE" -> "modify_large";
                    case "NOT_POSSIBLE" -> "not_possible";
                    default -> "effort_unknown";
                };
                e.add(DATA, outcome, subject, Map.of(), sources);
            } else {
                e.add(DATA, "unknown", subject, Map.of(), sources);
            }
        }
    }

    private static void patientIdTypes(Evaluation e) {
        if (e.facts.patientIdTypes().isEmpty()) {
            return;
        }
        Subject none = Subject.NONE;
        List<Source> sources = List.of(e.scopeSource("Required patient identifiers", "#requirements-heading"),
                e.question(StandardQuestionnaire.PATIENT_ID_TYPES, none));
        List<Map<String, String>> rows = AnswerValues.rows(e.value(StandardQuestionnaire.PATIENT_ID_TYPES, none));
        for (String type : new LinkedHashSet<>(e.facts.patientIdTypes())) {
            Subject subject = new Subject(type, Hl7Tables.label(Hl7Tables.IDENTIFIER_TYPES, type));
            if (!e.asks(StandardQuestionnaire.PATIENT_ID_TYPES)) {
                e.add(PATIENT_IDS, NOT_ASKED.key(), subject, Map.of(), sources);
                continue;
            }
            if (rows.isEmpty()) {
                e.add(PATIENT_IDS, "unknown", subject, Map.of(), sources);
                continue;
            }
            Map<String, String> row = rows.stream().filter(r -> type.equals(r.get("type"))).findFirst().orElse(null);
            if (row == null) {
                e.add(PATIENT_IDS, "missing", subject, Map.of("sent", types(rows)), sources);
            } else {
                String authority = row.getOrDefault("authority", "");
                e.add(PATIENT_IDS, "met", subject, Map.of("authority", authority.isBlank() ? "not stated" : authority), sources);
            }
        }
    }

    private static void enterpriseIds(Evaluation e) {
        Subject none = Subject.NONE;
        List<Source> sources = List.of(e.question(StandardQuestionnaire.PATIENT_ID_COUNT, none),
                e.question(StandardQuestionnaire.HAS_EMPI, none));
        if (e.notAsked(ENTERPRISE_IDS, StandardQuestionnaire.PATIENT_ID_COUNT, none, sources)) {
            return;
        }
        BigDecimal count = number(e.value(StandardQuestionnaire.PATIENT_ID_COUNT, none));
        if (count == null) {
            e.add(ENTERPRISE_IDS, "unknown", none, Map.of("missing", "how many patient identifiers exist across the enterprise"),
                    sources.subList(0, 1));
            return;
        }
        Map<String, String> params = Map.of("count", count.toPlainString());
        if (count.compareTo(BigDecimal.ONE) <= 0) {
            e.add(ENTERPRISE_IDS, "single", none, params, sources.subList(0, 1));
            return;
        }
        String empi = AnswerValues.text(e.value(StandardQuestionnaire.HAS_EMPI, none));
        if ("YES".equals(empi)) {
            String type = AnswerValues.text(e.value(StandardQuestionnaire.EMPI_ID, none));
            e.add(ENTERPRISE_IDS, "empi", none, with(params, "empiType",
                    type.isEmpty() ? "" : " (" + Hl7Tables.label(Hl7Tables.IDENTIFIER_TYPES, type) + ")"), sources);
        } else if ("NO".equals(empi)) {
            e.add(ENTERPRISE_IDS, "reconciliation", none, params, sources);
        } else {
            e.add(ENTERPRISE_IDS, "unknown", none, with(params, "missing", "whether an EMPI ties the "
                    + count.toPlainString() + " patient identifiers together"), sources);
        }
    }

    private static void authorities(Evaluation e) {
        Subject none = Subject.NONE;
        if (!e.asks(StandardQuestionnaire.PATIENT_ID_TYPES)) {
            return; // PAT-1 reports the missing question where identifiers are required
        }
        List<Map<String, String>> rows = AnswerValues.rows(e.value(StandardQuestionnaire.PATIENT_ID_TYPES, none));
        if (rows.isEmpty()) {
            return;
        }
        List<Source> sources = List.of(e.question(StandardQuestionnaire.PATIENT_ID_TYPES, none));
        List<Map<String, String>> without = rows.stream().filter(r -> r.getOrDefault("authority", "").isBlank()).toList();
        if (without.isEmpty()) {
            e.add(AUTHORITIES, "met", none, Map.of(), sources);
        } else {
            e.add(AUTHORITIES, "missing", none, Map.of("types", types(without)), sources);
        }
    }

    private static void visit(Evaluation e) {
        String reason = e.facts.fields().stream().filter(f -> f.path().startsWith("Visit")).findFirst()
                .map(f -> "the product requires " + f.subject().label())
                .orElse(e.facts.rows().stream().map(ProjectFacts.Row::model).filter(VISIT_MODELS::contains).findFirst()
                        .map(m -> m + " is in scope").orElse(null));
        if (reason == null) {
            return;
        }
        Subject none = Subject.NONE;
        List<Source> sources = List.of(e.question(StandardQuestionnaire.VISIT_IDS, none));
        Map<String, String> params = Map.of("reason", reason);
        if (e.notAsked(VISIT, StandardQuestionnaire.VISIT_IDS, none, sources)) {
            return;
        }
        List<Map<String, String>> rows = AnswerValues.rows(e.value(StandardQuestionnaire.VISIT_IDS, none));
        if (rows.isEmpty()) {
            e.add(VISIT, "unknown", none, params, sources);
        } else if (rows.stream().allMatch(r -> "REUSED".equals(r.get("uniqueness")))) {
            e.add(VISIT, "reused", none, with(params, "types", types(rows)), sources);
        } else {
            e.add(VISIT, "met", none, with(params, "types", types(rows)), sources);
        }
    }

    private static void providers(Evaluation e) {
        if (e.facts.providerIdTypes().isEmpty()) {
            return;
        }
        Subject none = Subject.NONE;
        List<Source> sources = List.of(e.scopeSource("Required provider identifiers", "#requirements-heading"),
                e.question(StandardQuestionnaire.PROVIDER_IDS, none));
        List<Map<String, String>> rows = AnswerValues.rows(e.value(StandardQuestionnaire.PROVIDER_IDS, none));
        for (String type : new LinkedHashSet<>(e.facts.providerIdTypes())) {
            Subject subject = new Subject(type, Hl7Tables.label(Hl7Tables.IDENTIFIER_TYPES, type));
            if (!e.asks(StandardQuestionnaire.PROVIDER_IDS)) {
                e.add(PROVIDERS, NOT_ASKED.key(), subject, Map.of(), sources);
            } else if (rows.isEmpty()) {
                e.add(PROVIDERS, "unknown", subject, Map.of(), sources);
            } else {
                Map<String, String> row = rows.stream().filter(r -> type.equals(r.get("type"))).findFirst().orElse(null);
                if (row == null) {
                    e.add(PROVIDERS, "crosswalk", subject, Map.of("sent", types(rows)), sources);
                } else {
                    String fields = row.getOrDefault("fields", "");
                    e.add(PROVIDERS, "met", subject, Map.of("fields", fields.isBlank() ? "" : " in " + fields), sources);
                }
            }
        }
    }

    private static void codes(Evaluation e) {
        Set<String> mapped = new HashSet<>();
        Set<String> inScope = new HashSet<>();
        e.facts.subjects().dataModels().forEach(m -> inScope.add(m.key()));
        for (ProjectFacts.CodeNeed need : e.facts.codeSystems()) {
            if (!inScope.contains(need.model())) {
                continue; // the questionnaire asks code systems only for data models in scope
            }
            Subject model = Subjects.dataModel(need.model());
            Subject subject = new Subject(need.model() + "|" + need.code(), need.model() + " · " + codeLabel(need.code()));
            List<Source> sources = List.of(e.scopeSource("Required code system: " + subject.label(), "#requirements-heading"),
                    e.question(StandardQuestionnaire.CODE_SYSTEMS, model));
            Map<String, String> params = Map.of("model", need.model(), "system", codeLabel(need.code()));
            if (!e.asks(StandardQuestionnaire.CODE_SYSTEMS)) {
                e.add(CODE_SYSTEMS, NOT_ASKED.key(), subject, params, sources);
                continue;
            }
            List<String> sent = AnswerValues.chosen(e.value(StandardQuestionnaire.CODE_SYSTEMS, model));
            if (sent.isEmpty()) {
                e.add(CODE_SYSTEMS, "unknown", subject, params, sources);
            } else if (sent.contains(need.code())) {
                e.add(CODE_SYSTEMS, "met", subject, params, sources);
            } else {
                boolean localOnly = sent.stream().allMatch("L"::equals);
                e.add(CODE_SYSTEMS, localOnly ? "mapping_local" : "mapping_other", subject,
                        with(params, "sent", sent.stream().map(FeasibilityRules::codeLabel).collect(Collectors.joining(", "))), sources);
                mapped.add(need.model());
            }
        }
        if (!e.asks(StandardQuestionnaire.LOCAL_CODES)) {
            return;
        }
        for (Subject model : e.facts.subjects().dataModels()) {
            if (!mapped.contains(model.key())
                    && "YES".equals(AnswerValues.text(e.value(StandardQuestionnaire.LOCAL_CODES, model)))) {
                e.add(LOCAL_CODES, "local", model, Map.of(), List.of(e.question(StandardQuestionnaire.LOCAL_CODES, model)));
            }
        }
    }

    private static void volume(Evaluation e) {
        Subject none = Subject.NONE;
        List<Source> sources = List.of(e.question(StandardQuestionnaire.DAILY_VOLUME, none));
        if (!e.notAsked(VOLUME, StandardQuestionnaire.DAILY_VOLUME, none, sources)) {
            BigDecimal daily = number(e.value(StandardQuestionnaire.DAILY_VOLUME, none));
            long estimate = e.facts.rows().stream().mapToLong(r -> r.messagesPerDay() == null ? 0 : r.messagesPerDay()).sum();
            if (daily == null) {
                e.add(VOLUME, "unknown", none, Map.of(), sources);
            } else {
                e.add(VOLUME, "met", none, Map.of("daily", format(daily),
                        "estimate", estimate == 0 ? "no volume" : String.format("%,d", estimate)), sources);
            }
        }
        BigDecimal peak = e.asks(StandardQuestionnaire.PEAK_VOLUME) ? number(e.value(StandardQuestionnaire.PEAK_VOLUME, none)) : null;
        if (peak != null) {
            e.add(PEAK, peak.compareTo(BigDecimal.valueOf(HIGH_PEAK_PER_HOUR)) > 0 ? "high" : "met", none,
                    Map.of("peak", format(peak)), List.of(e.question(StandardQuestionnaire.PEAK_VOLUME, none)));
        }
    }

    /** Required questions shown and unanswered that no rule above already reports as unknown. */
    private static void open(Evaluation e) {
        Set<String> reported = new HashSet<>();
        e.findings.stream().filter(f -> f.status() == Status.UNKNOWN).flatMap(f -> f.sources().stream())
                .forEach(s -> reported.add(s.href()));
        walk(e.facts, (question, subject) -> {
            if (question.required() && !AnswerValues.isAnswered(e.value(question.key(), subject))) {
                Source source = e.question(question.key(), subject);
                if (!reported.contains(source.href())) {
                    e.add(OPEN, "unanswered", new Subject(question.key() + "|" + subject.key(), source.label()),
                            Map.of("question", source.label()), List.of(source));
                }
            }
        });
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** One project's evaluation in progress: the facts, the findings so far, and how to point at sources. */
    static final class Evaluation {
        final ProjectFacts facts;
        final List<Finding> findings = new ArrayList<>();

        Evaluation(ProjectFacts facts) {
            this.facts = facts;
        }

        JsonNode value(String key, Subject subject) {
            return facts.answers().value(key, subject.key());
        }

        boolean asks(String key) {
            return facts.answers().definition().question(key).isPresent();
        }

        /** Adds the not-asked outcome when the questionnaire's template lacks the question. */
        boolean notAsked(Rule rule, String key, Subject subject, List<Source> sources) {
            if (asks(key)) {
                return false;
            }
            add(rule, NOT_ASKED.key(), subject, Map.of(), sources);
            return true;
        }

        Source question(String key, Subject subject) {
            String label = facts.answers().definition().question(key)
                    .map(q -> q.label().replace("{subject}", subject.label()))
                    .orElse(key + (subject.key().isEmpty() ? "" : " · " + subject.label()));
            return new Source("question", label, facts.projectHref() + "/questionnaire#" + AnswerKey.of(key, subject.key()).domId());
        }

        Source scopeSource(String label, String anchor) {
            return new Source("scope", label, facts.projectHref() + anchor);
        }

        void add(Rule rule, String outcome, Subject subject, Map<String, String> params, List<Source> sources) {
            findings.add(finding(rule, outcome, subject.key(), subject.label(), params, sources));
        }

        Finding finding(Rule rule, String outcomeKey, String subjectKey, String subject, Map<String, String> params,
                List<Source> sources) {
            Outcome outcome = rule.outcome(outcomeKey);
            Map<String, String> all = new LinkedHashMap<>(params);
            all.put("subject", subject);
            if (facts != null) {
                all.putIfAbsent("site", facts.siteName());
                all.put("project", facts.projectName());
                all.put("template", facts.templateLabel());
            }
            return new Finding(rule.id(), rule.area(), rule.title(), facts == null ? null : facts.projectId(),
                    facts == null ? "" : facts.projectName(), subjectKey, subject, outcome.key(), outcome.status(),
                    outcome.severity(), outcome.effort(), fill(outcome.explanation(), all), sources);
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    static String fill(String template, Map<String, String> params) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = params.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> with(Map<String, String> params, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.put(key, value);
        return copy;
    }

    private static String methodLabels(List<String> names) {
        return names.stream().map(n -> {
            ConnectionMethod m = ConnectionMethod.parse(n);
            return m == null ? n : m.label;
        }).collect(Collectors.joining(", "));
    }

    private static String types(List<Map<String, String>> rows) {
        String types = rows.stream().map(r -> r.getOrDefault("type", "")).filter(t -> !t.isBlank()).distinct()
                .map(t -> Hl7Tables.label(Hl7Tables.IDENTIFIER_TYPES, t)).collect(Collectors.joining(", "));
        return types.isEmpty() ? "identifiers without a type" : types;
    }

    static String codeLabel(String code) {
        String label = Hl7Tables.CODE_SYSTEMS.get(code);
        return label == null ? code : label;
    }

    /** A count or volume: a positive number, else null (zero or less cannot be meant, and is treated as unanswered). */
    static BigDecimal number(JsonNode value) {
        String text = AnswerValues.text(value);
        try {
            BigDecimal n = text.isEmpty() ? null : new BigDecimal(text);
            return n == null || n.signum() <= 0 ? null : n;
        } catch (NumberFormatException e) {
            return null; // a value of another shape (the question's type changed): treated as unanswered
        }
    }

    private static String format(BigDecimal n) {
        return n.scale() <= 0 ? String.format("%,d", n.toBigInteger()) : n.toPlainString();
    }
}
