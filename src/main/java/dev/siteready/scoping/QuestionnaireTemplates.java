package dev.siteready.scoping;

import dev.siteready.project.Project;
import dev.siteready.tenant.WorkspaceCreated;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/** Questionnaire templates: the standard one every workspace gets, publishing versions, starting questionnaires. */
@ApplicationScoped
public class QuestionnaireTemplates {

    void seed(@Observes @Priority(30) WorkspaceCreated created) {
        ensureStandard();
    }

    /**
     * The workspace's default template (the first by name), with the standard one created and published
     * first if the workspace has none (workspaces from before questionnaires existed).
     */
    @Transactional
    public QuestionnaireTemplate ensureStandard() {
        QuestionnaireTemplate existing = QuestionnaireTemplate.find("order by lower(name)").firstResult();
        if (existing != null) {
            return existing;
        }
        QuestionnaireTemplate template = new QuestionnaireTemplate();
        template.name = StandardQuestionnaire.NAME;
        template.description = "The standard scoping questions: connection, data requirements, identifiers, code systems, volumes and go-live.";
        template.draft = StandardQuestionnaire.definition();
        template.persist();
        publish(template, "The standard questions.", "SiteReady");
        return template;
    }

    @Transactional
    public QuestionnaireTemplateVersion publish(QuestionnaireTemplate template, String note, String actor) {
        QuestionnaireTemplateVersion version = QuestionnaireTemplateVersion.publish(template, template.draft, note, actor, null);
        template.draftChanged = false;
        return version;
    }

    /**
     * Publishes a change proposed from a retrospective as the template's next version, and makes the same change to the
     * draft, leaving whatever else a manager has pending in the draft unpublished.
     */
    @Transactional
    public QuestionnaireTemplateVersion publishChange(QuestionnaireTemplate template, QuestionnaireDefinition published,
            QuestionnaireDefinition draft, String note, String actor, java.util.UUID proposalId) {
        QuestionnaireTemplateVersion version = QuestionnaireTemplateVersion.publish(template, published, note, actor, proposalId);
        template.draft = draft;
        return version;
    }

    /** Starts the project's questionnaire from the template's latest version. */
    @Transactional
    public Questionnaire start(Project project, QuestionnaireTemplate template) {
        QuestionnaireTemplateVersion version = QuestionnaireTemplateVersion.latest(template);
        return start(project, version == null ? publish(template, "", "SiteReady") : version);
    }

    /** Starts the project's questionnaire from that version (read once when onboarding many sites). */
    @Transactional
    public Questionnaire start(Project project, QuestionnaireTemplateVersion version) {
        Questionnaire questionnaire = new Questionnaire();
        questionnaire.project = project;
        questionnaire.templateVersion = version;
        questionnaire.persist();
        return questionnaire;
    }
}
