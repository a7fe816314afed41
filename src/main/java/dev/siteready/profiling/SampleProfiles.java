package dev.siteready.profiling;

import dev.siteready.profiling.Suggestions.Suggested;
import dev.siteready.project.Project;
import dev.siteready.scoping.AnswerKey;
import dev.siteready.scoping.Answering;
import dev.siteready.scoping.Questionnaire;
import dev.siteready.scoping.QuestionnaireViews;
import dev.siteready.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Stores profiles (aggregates only) and turns accepted suggestions into questionnaire answers. */
@ApplicationScoped
public class SampleProfiles {

    /**
     * What became of a decision on a suggestion: the status its card comes back with, and either what was done or the
     * problem (the card or the page says which).
     */
    public enum Outcome {
        ACCEPTED(200, "Suggestion accepted: the answer is saved in the questionnaire.", null),
        IGNORED(200, "Suggestion ignored.", null),
        GONE(422, null, "This suggestion no longer applies: the questionnaire or the project's scope changed."),
        NO_QUESTIONNAIRE(422, null, "Start the project's questionnaire first; suggestions become its answers."),
        CONFLICT(409, null, "The answer changed since this page was loaded. Its current value is shown; accept again to replace it."),
        LOCKED(409, null, "The questionnaire is locked (reviewed). Reopen it to change answers.");

        public final int status;
        public final String done;
        public final String problem;

        Outcome(int status, String done, String problem) {
            this.status = status;
            this.done = done;
            this.problem = problem;
        }

        /** The suggestion is still there to show (with the problem, if any). */
        public boolean stillSuggested() {
            return this != GONE && this != NO_QUESTIONNAIRE;
        }
    }

    @Inject
    Answering answering;

    @Inject
    Clock clock;

    @Inject
    QuestionnaireViews views;

    @Inject
    TenantContext tenant;

    /** Keeps the profile of a result that profiled at least one message. */
    public SampleProfile store(Project project, Profiler.Result result, SampleInput input, SampleProfile.Source source, String actor) {
        SampleProfile profile = new SampleProfile();
        profile.project = project;
        profile.format = result.data().format();
        profile.source = source;
        profile.messageCount = result.data().messages();
        profile.failedCount = result.data().failed();
        profile.inputBytes = input.bytes();
        profile.data = result.data();
        profile.createdBy = actor;
        profile.persist();
        return profile;
    }

    /** The suggestion the profile makes for the question and subject now (scope and questionnaire as they are), or null. */
    public Suggested suggestion(SampleProfile profile, Questionnaire questionnaire, AnswerKey key) {
        return Suggestions.of(profile.data, questionnaire.definition(), views.subjects(questionnaire)).stream()
                .filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }

    /**
     * Accepts a suggestion: saves its value as the answer through the questionnaire (history kept; refused if the
     * answer changed since the page showed {@code expectedVersion}) and records the decision.
     */
    public Outcome accept(SampleProfile profile, AnswerKey key, String expectedVersion, String actor) {
        Questionnaire questionnaire = Questionnaire.forProject(profile.project.id);
        if (questionnaire == null) {
            return Outcome.NO_QUESTIONNAIRE;
        }
        Suggested s = suggestion(profile, questionnaire, key);
        if (s == null) {
            return Outcome.GONE;
        }
        Answering.Result saved = answering.save(questionnaire, s.question(), s.subject(), s.value(), expectedVersion,
                actor + " (from sample messages)", false);
        return switch (saved.outcome()) {
            case CONFLICT -> Outcome.CONFLICT;
            case LOCKED -> Outcome.LOCKED;
            default -> {
                decide(profile, key, SuggestionDecision.Decision.ACCEPTED, actor);
                yield Outcome.ACCEPTED;
            }
        };
    }

    public Outcome ignore(SampleProfile profile, AnswerKey key, String actor) {
        Questionnaire questionnaire = Questionnaire.forProject(profile.project.id);
        if (questionnaire == null) {
            return Outcome.NO_QUESTIONNAIRE;
        }
        if (suggestion(profile, questionnaire, key) == null) {
            return Outcome.GONE;
        }
        decide(profile, key, SuggestionDecision.Decision.IGNORED, actor);
        return Outcome.IGNORED;
    }

    /** One decision per question and subject of a profile; two at once both land (the later one counts). */
    private void decide(SampleProfile profile, AnswerKey key, SuggestionDecision.Decision decision, String actor) {
        SampleProfile.getEntityManager().createNativeQuery("""
                INSERT INTO sample_suggestion_decision (workspace_id, id, profile_id, question_key, subject, decision, decided_by,
                    decided_at)
                VALUES (:ws, :id, :profile, :key, :subject, :decision, :by, :at)
                ON CONFLICT (workspace_id, profile_id, question_key, subject)
                DO UPDATE SET decision = EXCLUDED.decision, decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at,
                              version = sample_suggestion_decision.version + 1
                """).setParameter("ws", tenant.requireWorkspaceId()).setParameter("id", UUID.randomUUID())
                .setParameter("profile", profile.id).setParameter("key", key.question()).setParameter("subject", key.subject())
                .setParameter("decision", decision.name()).setParameter("by", actor)
                .setParameter("at", OffsetDateTime.now(clock)).executeUpdate();
    }
}
