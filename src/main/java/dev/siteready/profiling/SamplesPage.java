package dev.siteready.profiling;

import dev.siteready.profiling.Suggestions.Suggested;
import dev.siteready.project.Project;
import dev.siteready.scoping.Answer;
import dev.siteready.scoping.AnswerKey;
import dev.siteready.scoping.AnswerValues;
import dev.siteready.scoping.Questionnaire;
import dev.siteready.scoping.QuestionnaireViews;
import dev.siteready.web.Dates;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sample messages page: the project's profiles, the one shown with the answers it suggests (beside the current
 * answers and earlier decisions), and what could not be profiled. Built in a fixed number of queries.
 */
@ApplicationScoped
class SamplesPage {

    /** Unreadable messages listed with their reasons after profiling; the rest are counted. */
    static final int FAILURES_SHOWN = 100;

    /** Pasted text longer than this is not shown again after a refusal. */
    static final int INPUT_KEPT = 200_000;

    public record ProfileRow(UUID id, String when, String by, String format, int messages, int failed, boolean current) {
    }

    public record SuggestionView(String id, String questionKey, String subject, String question, String value, String evidence,
            String current, String version, String state, boolean matches, String action, String questionLink, String problem) {
        SuggestionView withProblem(String text) {
            return new SuggestionView(id, questionKey, subject, question, value, evidence, current, version, state, matches, action,
                    questionLink, text);
        }
    }

    public record Page(UUID siteId, String siteName, UUID projectId, String projectName, String base,
            List<ProfileRow> profiles, ProfileView profile, List<SuggestionView> suggestions, String suggestionsNote,
            List<ProfileBuilder.Failure> failures, int moreFailures, String problem, String input, boolean justProfiled) {
    }

    @CheckedTemplate(basePath = "SamplesResource")
    static class Templates {
        static native TemplateInstance samples(Page page);

        static native TemplateInstance samples$suggestion(SuggestionView s);
    }

    @Inject
    QuestionnaireViews views;

    /** The page with the latest profile, if any. */
    public TemplateInstance latest(Project project) {
        List<SampleProfile> list = SampleProfile.latestFor(project);
        return Templates.samples(page(project, list, list.isEmpty() ? null : list.get(0), null, null, "", false));
    }

    /** The page with the chosen profile. */
    public TemplateInstance showing(Project project, SampleProfile chosen) {
        return Templates.samples(page(project, SampleProfile.latestFor(project), chosen, null, null, "", false));
    }

    /** The page right after profiling: the stored profile and, this once, the messages that could not be read. */
    public TemplateInstance profiled(Project project, SampleProfile stored, Profiler.Result result) {
        return Templates.samples(page(project, SampleProfile.latestFor(project), stored, result, null, "", true));
    }

    /** The page refusing the samples: why, the messages that could not be read (if read at all), the text kept. */
    public TemplateInstance refused(Project project, String problem, String input, Profiler.Result result) {
        String kept = input == null || input.length() > INPUT_KEPT ? "" : input;
        return Templates.samples(page(project, SampleProfile.latestFor(project), null, result, problem, kept, false));
    }

    /** One suggestion's card (for htmx) with the problem, or null when the profile no longer suggests it. */
    public TemplateInstance card(Project project, SampleProfile profile, AnswerKey key, String problem) {
        SuggestionView view = suggestionViews(project, profile, Questionnaire.forProject(project.id)).stream()
                .filter(s -> AnswerKey.of(s.questionKey(), s.subject()).equals(key)).findFirst().orElse(null);
        return view == null ? null : Templates.samples$suggestion(problem == null ? view : view.withProblem(problem));
    }

    /** Where the suggestion's card is on the profile's page. */
    static String anchor(SampleProfile profile, AnswerKey key) {
        return SampleProfile.path(profile.project) + "/" + profile.id + "#" + cardId(key);
    }

    private static String cardId(AnswerKey key) {
        return key.domId().replaceFirst("^q-", "s-");
    }

    private Page page(Project project, List<SampleProfile> list, SampleProfile shown, Profiler.Result result, String problem,
            String input, boolean justProfiled) {
        // The questionnaire's query brings the site along: read it first, so that the site costs no query of its own.
        Questionnaire questionnaire = shown == null ? null : Questionnaire.forProject(project.id);
        String zone = project.site.timeZone;
        List<ProfileRow> rows = list.stream().map(p -> new ProfileRow(p.id, Dates.at(p.createdAt, zone), p.createdBy, p.format,
                p.messageCount, p.failedCount, shown != null && p.id.equals(shown.id))).toList();
        List<SuggestionView> suggestions = shown == null ? List.of() : suggestionViews(project, shown, questionnaire);
        String note = shown == null ? null : questionnaire == null
                ? "Start the project's questionnaire to see the answers these samples suggest."
                : suggestions.isEmpty() ? "These samples suggest no answers for this project's questionnaire." : null;
        List<ProfileBuilder.Failure> failures = result == null ? List.of()
                : result.failures().stream().limit(FAILURES_SHOWN).toList();
        int moreFailures = result == null ? 0 : Math.max(0, result.data().failed() - FAILURES_SHOWN);
        return new Page(project.site.id, project.site.name, project.id, project.name, SampleProfile.path(project), rows,
                shown == null ? null : ProfileView.of(shown, zone), suggestions, note, failures, moreFailures, problem, input,
                justProfiled);
    }

    /** The profile's suggestions with the current answers and decisions, from a fixed number of queries. */
    private List<SuggestionView> suggestionViews(Project project, SampleProfile profile, Questionnaire questionnaire) {
        if (questionnaire == null) {
            return List.of();
        }
        QuestionnaireViews.Data data = views.load(questionnaire);
        Map<AnswerKey, SuggestionDecision> decisions = SuggestionDecision.listFor(profile).stream()
                .collect(Collectors.toMap(SuggestionDecision::key, Function.identity()));
        String questionnairePath = Questionnaire.path(project.site.id, project.id);
        String action = SampleProfile.path(project) + "/" + profile.id + "/suggestions";
        List<SuggestionView> out = new ArrayList<>();
        for (Suggested s : Suggestions.of(profile.data, questionnaire.definition(), data.subjects())) {
            Answer answer = data.answers().get(s.key());
            boolean answered = answer != null && AnswerValues.isAnswered(answer.value);
            SuggestionDecision decision = decisions.get(s.key());
            String label = s.question().label().replace("{subject}", s.subjectLabel());
            out.add(new SuggestionView(cardId(s.key()), s.questionKey(), s.subject(), label,
                    AnswerValues.display(s.question(), s.value()), s.evidence(),
                    answered ? AnswerValues.display(s.question(), answer.value) : "",
                    answer == null ? "" : String.valueOf(answer.version),
                    decision == null ? "" : decision.decision.name(), answered && answer.value.equals(s.value()),
                    action, questionnairePath + "#" + s.key().domId(), null));
        }
        return out;
    }
}
