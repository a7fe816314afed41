package dev.siteready.feasibility;

import static dev.siteready.feasibility.Finding.Effort;
import static dev.siteready.feasibility.Finding.Severity;
import static dev.siteready.feasibility.Finding.Status;

import dev.siteready.feasibility.Finding.Area;
import dev.siteready.feasibility.Finding.Source;
import dev.siteready.scoping.QuestionnaireDefinition.Question;
import dev.siteready.scoping.QuestionnaireView.Progress;
import dev.siteready.scoping.StandardQuestionnaire;
import dev.siteready.scoping.Subjects.Subject;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The feasibility rule set. Each rule has an id, a title, what it checks, and a table of outcomes: the
 * status, severity and effort each outcome stands for, with an explanation template whose {placeholders}
 * are filled from the answers. The rules read the scope and the questionnaire answers by their stable
 * question keys (see {@link StandardQuestionnaire}); docs/feasibility.md lists them all. The checks of each
 * area ({@link FeedChecks}, {@link IdentifierChecks}, {@link CodeChecks}, {@link VolumeChecks},
 * {@link OpenQuestions}) choose the outcomes; an {@link Evaluation} turns them into findings.
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
        FeedChecks.connection(e);
        FeedChecks.dataRequirements(e);
        IdentifierChecks.patientIdTypes(e);
        IdentifierChecks.enterpriseIds(e);
        IdentifierChecks.authorities(e);
        IdentifierChecks.visit(e);
        IdentifierChecks.providers(e);
        CodeChecks.codes(e);
        VolumeChecks.volume(e);
        OpenQuestions.open(e);
        return e.findings;
    }

    /** How many shown questions are answered: the answer sheet's completion, as the questionnaire page counts it. */
    public static Progress completion(ProjectFacts facts) {
        return facts.hasQuestionnaire() ? facts.answers().completion() : new Progress(0, 0);
    }

    /** Visits every question shown for the project's current scope (hidden conditional ones left out). */
    static void walk(ProjectFacts facts, BiConsumer<Question, Subject> visit) {
        facts.answers().shown().forEach(asked -> visit.accept(asked.question(), asked.subject()));
    }
}
