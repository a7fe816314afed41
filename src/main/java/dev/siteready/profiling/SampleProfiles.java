package dev.siteready.profiling;

import dev.siteready.profiling.Suggestions.Suggested;
import dev.siteready.project.Project;
import dev.siteready.scoping.Answering;
import dev.siteready.scoping.Questionnaire;
import dev.siteready.scoping.QuestionnaireViews;
import dev.siteready.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** Stores profiles (aggregates only) and turns accepted suggestions into questionnaire answers. */
@ApplicationScoped
public class SampleProfiles {

    public enum Outcome { ACCEPTED, IGNORED, GONE, NO_QUESTIONNAIRE, CONFLICT, LOCKED }

    @Inject
    Answering answering;

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
    public Suggested suggestion(SampleProfile profile, Questionnaire questionnaire, String questionKey, String subject) {
        return Suggestions.of(profile.data, questionnaire.definition(), views.subjects(questionnaire)).stream()
                .filter(s -> s.questionKey().equals(questionKey) && s.subject().equals(subject)).findFirst().orElse(null);
    }

    /**
     * Accepts a suggestion: saves its value as the answer through the questionnaire (history kept; refused if the
     * answer changed since the page showed {@code expectedVersion}) and records the decision.
     */
    public Outcome accept(SampleProfile profile, String questionKey, String subject, String expectedVersion, String actor) {
        Questionnaire questionnaire = Questionnaire.forProject(profile.project.id);
        if (questionnaire == null) {
            return Outcome.NO_QUESTIONNAIRE;
        }
        Suggested s = suggestion(profile, questionnaire, questionKey, subject);
        if (s == null) {
            return Outcome.GONE;
        }
        Answering.Result saved = answering.save(questionnaire, s.question(), s.subject(), s.value(), expectedVersion,
                actor + " (from sample messages)", false);
        return switch (saved.outcome()) {
            case CONFLICT -> Outcome.CONFLICT;
            case LOCKED -> Outcome.LOCKED;
            default -> {
                decide(profile, questionKey, subject, SuggestionDecision.Decision.ACCEPTED, actor);
                yield Outcome.ACCEPTED;
            }
        };
    }

    public Outcome ignore(SampleProfile profile, String questionKey, String subject, String actor) {
        Questionnaire questionnaire = Questionnaire.forProject(profile.project.id);
        if (questionnaire == null) {
            return Outcome.NO_QUESTIONNAIRE;
        }
        if (suggestion(profile, questionnaire, questionKey, subject) == null) {
            return Outcome.GONE;
        }
        decide(profile, questionKey, subject, SuggestionDecision.Decision.IGNORED, actor);
        return Outcome.IGNORED;
    }

    /** One decision per question and subject of a profile; two at once both land (the later one counts). */
    private void decide(SampleProfile profile, String questionKey, String subject, SuggestionDecision.Decision decision, String actor) {
        SampleProfile.getEntityManager().createNativeQuery("""
                INSERT INTO sample_suggestion_decision (workspace_id, id, profile_id, question_key, subject, decision, decided_by)
                VALUES (:ws, :id, :profile, :key, :subject, :decision, :by)
                ON CONFLICT (workspace_id, profile_id, question_key, subject)
                DO UPDATE SET decision = EXCLUDED.decision, decided_by = EXCLUDED.decided_by, decided_at = now(),
                              version = sample_suggestion_decision.version + 1
                """).setParameter("ws", tenant.requireWorkspaceId()).setParameter("id", UUID.randomUUID())
                .setParameter("profile", profile.id).setParameter("key", questionKey).setParameter("subject", subject)
                .setParameter("decision", decision.name()).setParameter("by", actor).executeUpdate();
    }
}
