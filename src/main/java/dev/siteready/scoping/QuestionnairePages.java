package dev.siteready.scoping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.siteready.account.PageContext;
import dev.siteready.project.Project;
import dev.siteready.scoping.QuestionnaireDefinition.Question;
import dev.siteready.scoping.QuestionnaireViews.Viewer;
import dev.siteready.web.Dates;
import dev.siteready.web.Option;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import java.util.List;
import java.util.UUID;

/** A project's questionnaire pages for members: the questionnaire, starting one, an answer's history, the printable page. */
@ApplicationScoped
class QuestionnairePages {

    public record Page(UUID siteId, String siteName, UUID projectId, String projectName, String base,
            QuestionnaireStatus status, String templateName, int templateVersion, Integer newerVersion, long links,
            QuestionnaireView view) {

        public boolean canLock() {
            return status != QuestionnaireStatus.LOCKED;
        }

        public boolean canReopen() {
            return status == QuestionnaireStatus.LOCKED || status == QuestionnaireStatus.SUBMITTED;
        }

        public boolean canMarkSubmitted() {
            return status != QuestionnaireStatus.LOCKED && status != QuestionnaireStatus.SUBMITTED;
        }
    }

    public record StartPage(UUID siteId, String siteName, UUID projectId, String projectName, List<Option> templates) {
    }

    public record HistoryEntry(String at, String by, String what, String from, String to) {
    }

    public record HistoryPage(UUID siteId, String siteName, UUID projectId, String projectName, String base, String title,
            String cardId, List<HistoryEntry> entries) {
    }

    @CheckedTemplate(basePath = "QuestionnaireResource")
    static class Templates {
        static native TemplateInstance questionnaire(Page page);

        static native TemplateInstance start(StartPage page);

        static native TemplateInstance history(HistoryPage page);

        static native TemplateInstance history$entries(HistoryPage page);

        static native TemplateInstance print(Page page);
    }

    @Inject
    QuestionnaireViews views;

    @Inject
    QuestionnaireTemplates templates;

    @Inject
    QuestionnaireLinks links;

    @Inject
    PageContext pageContext;

    /** The page of a project without a questionnaire: which template to start from (the standard one at least). */
    public TemplateInstance start(Project project) {
        templates.ensureStandard();
        return Templates.start(new StartPage(project.site.id, project.site.name, project.id, project.name,
                QuestionnaireTemplate.listByName().stream().map(t -> Option.of(t.id.toString(), t.name)).toList()));
    }

    public TemplateInstance questionnaire(Questionnaire questionnaire) {
        return Templates.questionnaire(page(questionnaire, build(questionnaire)));
    }

    /** The page with the cards as a refused post left them. */
    public TemplateInstance questionnaire(Questionnaire questionnaire, QuestionnaireView view) {
        return Templates.questionnaire(page(questionnaire, view));
    }

    public TemplateInstance print(Questionnaire questionnaire) {
        return Templates.print(page(questionnaire, build(questionnaire)));
    }

    /** The changes of one answer, newest first, in the site's time zone; only the table for htmx. */
    public TemplateInstance history(Questionnaire questionnaire, String question, String subject, boolean htmx) {
        String key = question == null ? "" : question;
        String about = subject == null ? "" : subject;
        Question q = questionnaire.definition().question(key).orElseThrow(NotFoundException::new);
        Project project = questionnaire.project;
        List<HistoryEntry> entries = AnswerChange.listFor(questionnaire, key, about).stream().map(c -> {
            boolean followUp = c.kind == AnswerChange.Kind.FOLLOW_UP;
            return new HistoryEntry(Dates.at(c.changedAt, project.site.timeZone), c.changedBy,
                    followUp ? "Needs follow-up" : "Answer",
                    followUp ? yesNo(c.oldValue) : AnswerValues.display(q, c.oldValue),
                    followUp ? yesNo(c.newValue) : AnswerValues.display(q, c.newValue));
        }).toList();
        HistoryPage page = new HistoryPage(project.site.id, project.site.name, project.id, project.name,
                Questionnaire.path(project.site.id, project.id), q.label().replace("{subject}", about.replace("|", " ")),
                AnswerKey.of(key, about).domId(), entries);
        return htmx ? Templates.history$entries(page) : Templates.history(page);
    }

    /** A member looking at the questionnaire: they may edit if their role allows it, and see every section. */
    public Viewer viewer(Questionnaire questionnaire) {
        return new Viewer(Questionnaire.path(questionnaire.project.site.id, questionnaire.project.id), pageContext.canEdit(),
                false, s -> true);
    }

    private QuestionnaireView build(Questionnaire questionnaire) {
        return views.build(views.load(questionnaire), viewer(questionnaire), null, null);
    }

    private Page page(Questionnaire questionnaire, QuestionnaireView view) {
        Project project = questionnaire.project;
        int latest = QuestionnaireTemplateVersion.latestNumber(questionnaire.templateVersion.template.id);
        long linkCount = links.count(questionnaire);
        return new Page(project.site.id, project.site.name, project.id, project.name, Questionnaire.path(project.site.id, project.id),
                questionnaire.status, questionnaire.templateVersion.template.name, questionnaire.templateVersion.number,
                latest > questionnaire.templateVersion.number ? latest : null, linkCount, view);
    }

    private static String yesNo(JsonNode value) {
        return value != null && value.asBoolean() ? "Yes" : "No";
    }
}
