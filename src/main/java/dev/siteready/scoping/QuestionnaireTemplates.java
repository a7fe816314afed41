package dev.siteready.scoping;

import dev.siteready.project.Project;
import dev.siteready.scoping.QuestionnaireDefinition.Question;
import dev.siteready.scoping.QuestionnaireDefinition.Section;
import dev.siteready.tenant.WorkspaceCreated;
import dev.siteready.web.FormErrors;
import dev.siteready.web.Forms;
import dev.siteready.web.Names;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;

import java.util.UUID;

/**
 * Questionnaire templates: the standard one every workspace gets, new templates, editing a draft, publishing versions,
 * starting questionnaires.
 */
@ApplicationScoped
public class QuestionnaireTemplates {

    @Inject
    Validator validator;

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

    /** A new template starting from the standard questions, published as its first version. */
    @Transactional
    public TemplateEdit create(TemplateNameForm form, String actor) {
        String problem = problem(form);
        if (problem == null) {
            QuestionnaireTemplate.claimName("questionnaire_template", Names.key(form.name()));
        }
        if (problem == null && QuestionnaireTemplate.findByName(form.name()) != null) {
            problem = "A questionnaire template called " + form.name() + " exists already.";
        }
        if (problem != null) {
            return TemplateEdit.refused(400, problem);
        }
        QuestionnaireTemplate template = new QuestionnaireTemplate();
        template.name = form.name();
        template.description = "Starts from the standard scoping questions.";
        template.draft = StandardQuestionnaire.definition();
        template.persist();
        publish(template, "Copied from the standard questions.", actor);
        return TemplateEdit.done(path(template.id), "Template " + form.name() + " created with the standard questions.");
    }

    @Transactional
    public TemplateEdit addSection(QuestionnaireTemplate template, SectionForm form) {
        template.lockFresh();
        if (template.changedSince(form.version())) {
            return TemplateEdit.stale();
        }
        String problem = problem(form);
        if (problem != null) {
            return TemplateEdit.refused(400, problem);
        }
        Section section = template.addSection(form.title(), form.intro());
        return TemplateEdit.done(path(template.id) + "#add-question", "Section " + section.title() + " added to the draft.");
    }

    @Transactional
    public TemplateEdit addQuestion(QuestionnaireTemplate template, QuestionForm form) {
        template.lockFresh();
        if (template.changedSince(form.version())) {
            return TemplateEdit.stale();
        }
        Question question;
        try {
            question = QuestionForms.question(template.draft, form);
        } catch (IllegalArgumentException e) {
            return TemplateEdit.refused(400, e.getMessage());
        }
        return template.addQuestion(form.section(), question)
                .map(s -> TemplateEdit.done(path(template.id) + "#section-" + s.key(),
                        "Question added to " + s.title() + ". Publish the draft to use it in new questionnaires."))
                .orElseGet(() -> TemplateEdit.refused(400, "Choose the section the question belongs to."));
    }

    /** Removes a question from the draft shown at that version; 404 if it has none with that key. */
    @Transactional
    public TemplateEdit removeQuestion(QuestionnaireTemplate template, String key, String version) {
        template.lockFresh();
        if (template.changedSince(version)) {
            return TemplateEdit.stale();
        }
        template.removeQuestion(key).orElseThrow(NotFoundException::new);
        return TemplateEdit.done(path(template.id), "Question removed from the draft. Questionnaires keep their answers to it.");
    }

    /** Removes a section and its questions from the draft shown at that version; 404 if it has none with that key. */
    @Transactional
    public TemplateEdit removeSection(QuestionnaireTemplate template, String key, String version) {
        template.lockFresh();
        if (template.changedSince(version)) {
            return TemplateEdit.stale();
        }
        Section section = template.removeSection(key).orElseThrow(NotFoundException::new);
        return TemplateEdit.done(path(template.id), "Section " + section.title() + " removed from the draft.");
    }

    /** Publishes the draft as the next version, with the note, if it is still the draft the form was shown with. */
    @Transactional
    public TemplateEdit publishDraft(QuestionnaireTemplate template, PublishForm form, String actor) {
        template.lockFresh();
        if (template.changedSince(form.version())) {
            return TemplateEdit.stale();
        }
        String problem = problem(form);
        if (problem != null) {
            return TemplateEdit.refused(400, problem);
        }
        QuestionnaireTemplateVersion version = publish(template, form.note(), actor);
        return TemplateEdit.done(path(template.id), "Version " + version.number
                + " published. New questionnaires use it; existing ones can pull it in from their page.");
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

    /** Starts the project's questionnaire from the template a manager chose (by id, as the form sends it). */
    @Transactional
    public Questionnaire.Outcome startFrom(Project project, String templateId) {
        if (Questionnaire.forProject(project.id) != null) {
            return Questionnaire.Outcome.done("This project's questionnaire exists already.");
        }
        UUID id = Forms.uuid(templateId);
        QuestionnaireTemplate chosen = id == null ? null : QuestionnaireTemplate.findById(id);
        if (chosen == null) {
            return Questionnaire.Outcome.refused("Choose a questionnaire template.");
        }
        start(project, chosen);
        return Questionnaire.Outcome.done("Questionnaire started from " + chosen.name + ".");
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

    /** The template's editor page. */
    public static String path(UUID templateId) {
        return "/templates/questionnaires/" + templateId;
    }

    /** The message a refused form shows (the editor shows one), or null when the form is valid. */
    private String problem(Object form) {
        FormErrors errors = FormErrors.of(validator.validate(form));
        return errors.any() ? errors.all().values().iterator().next() : null;
    }
}
