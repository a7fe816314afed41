package dev.siteready.scoping;

import dev.siteready.web.Forms;
import dev.siteready.web.Dates;
import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.project.Project;
import dev.siteready.scoping.QuestionnaireDefinition.Question;
import dev.siteready.scoping.QuestionnaireViews.Viewer;
import dev.siteready.web.Flash;
import dev.siteready.account.PageContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.UUID;

/** A project's scoping questionnaire for members: answering, follow-ups, comments, history, status, export. */
@Path("/sites/{siteId}/projects/{projectId}/questionnaire")
@Produces(MediaType.TEXT_HTML)
public class QuestionnaireResource {

    public record Option(String value, String label) {
    }

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

    @CheckedTemplate
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
    AnswerSubmissions submissions;

    @Inject
    QuestionnaireTemplates templates;

    @Inject
    SecurityIdentity identity;

    @Inject
    PageContext pageContext;

    @Inject
    QuestionnaireLinks links;

    @GET
    @Transactional
    public TemplateInstance show(@RestPath UUID siteId, @RestPath UUID projectId) {
        Project project = Project.require(siteId, projectId);
        Questionnaire questionnaire = Questionnaire.forProject(project.id);
        if (questionnaire == null) {
            templates.ensureStandard();
            return Templates.start(new StartPage(siteId, project.site.name, projectId, project.name,
                    QuestionnaireTemplate.listByName().stream().map(t -> new Option(t.id.toString(), t.name)).toList()));
        }
        return Templates.questionnaire(page(questionnaire, null, null));
    }

    @POST
    @Path("start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response start(@RestPath UUID siteId, @RestPath UUID projectId, @RestForm String template) {
        Project project = Project.require(siteId, projectId);
        if (Questionnaire.forProject(project.id) != null) {
            return Flash.seeOther(Questionnaire.path(siteId, projectId), "This project's questionnaire exists already.");
        }
        UUID templateId = Forms.uuid(template);
        QuestionnaireTemplate chosen = templateId == null ? null : QuestionnaireTemplate.findById(templateId);
        if (chosen == null) {
            return Flash.seeOtherWithError(Questionnaire.path(siteId, projectId), "Choose a questionnaire template.");
        }
        templates.start(project, chosen);
        return Flash.seeOther(Questionnaire.path(siteId, projectId), "Questionnaire started from " + chosen.name + ".");
    }

    @POST
    @Path("answers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response answer(@RestPath UUID siteId, @RestPath UUID projectId, MultivaluedMap<String, String> form,
            @HeaderParam("HX-Request") boolean htmx) {
        Questionnaire questionnaire = Questionnaire.require(siteId, projectId);
        return respond(questionnaire, submissions.answer(questionnaire, viewer(questionnaire), form, author()), htmx);
    }

    @POST
    @Path("follow-up")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response followUp(@RestPath UUID siteId, @RestPath UUID projectId, MultivaluedMap<String, String> form,
            @HeaderParam("HX-Request") boolean htmx) {
        Questionnaire questionnaire = Questionnaire.require(siteId, projectId);
        return respond(questionnaire, submissions.followUp(questionnaire, viewer(questionnaire), form, author()), htmx);
    }

    @POST
    @Path("comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response comment(@RestPath UUID siteId, @RestPath UUID projectId, MultivaluedMap<String, String> form,
            @HeaderParam("HX-Request") boolean htmx) {
        Questionnaire questionnaire = Questionnaire.require(siteId, projectId);
        return respond(questionnaire, submissions.comment(questionnaire, viewer(questionnaire), form, author()), htmx);
    }

    @GET
    @Path("history")
    @Transactional
    public TemplateInstance history(@RestPath UUID siteId, @RestPath UUID projectId, @RestQuery String question,
            @RestQuery String subject, @HeaderParam("HX-Request") boolean htmx) {
        Questionnaire questionnaire = Questionnaire.require(siteId, projectId);
        String key = question == null ? "" : question;
        String about = subject == null ? "" : subject;
        Question q = questionnaire.definition().question(key).orElseThrow(NotFoundException::new);
        List<HistoryEntry> entries = AnswerChange.listFor(questionnaire, key, about).stream().map(c -> new HistoryEntry(
                Dates.utc(c.changedAt), c.changedBy,
                c.kind == AnswerChange.Kind.FOLLOW_UP ? "Needs follow-up" : "Answer",
                c.kind == AnswerChange.Kind.FOLLOW_UP ? yesNo(c.oldValue) : AnswerValues.display(q, c.oldValue),
                c.kind == AnswerChange.Kind.FOLLOW_UP ? yesNo(c.newValue) : AnswerValues.display(q, c.newValue))).toList();
        Project project = questionnaire.project;
        HistoryPage page = new HistoryPage(siteId, project.site.name, projectId, project.name, Questionnaire.path(siteId, projectId),
                q.label().replace("{subject}", about.replace("|", " ")), AnswerKey.of(key, about).domId(), entries);
        return htmx ? Templates.history$entries(page) : Templates.history(page);
    }

    @POST
    @Path("status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response status(@RestPath UUID siteId, @RestPath UUID projectId, @RestForm String to) {
        Questionnaire questionnaire = Questionnaire.require(siteId, projectId);
        String base = Questionnaire.path(siteId, projectId);
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        return switch (to == null ? "" : to) {
            case "LOCKED" -> questionnaire.lock(now)
                    ? Flash.seeOther(base, "Reviewed and locked: nobody can change answers until you reopen it.")
                    : Flash.seeOtherWithError(base, "The questionnaire is locked already.");
            case "IN_PROGRESS" -> questionnaire.reopen()
                    ? Flash.seeOther(base, "Reopened: answers can be changed again, also through partner links.")
                    : Flash.seeOtherWithError(base, "Only a submitted or locked questionnaire can be reopened.");
            case "SUBMITTED" -> {
                String before = questionnaire.status.label.toLowerCase();
                yield questionnaire.markSubmitted(now) ? Flash.seeOther(base, "Marked as submitted for review.")
                        : Flash.seeOtherWithError(base, "The questionnaire is " + before + " already.");
            }
            default -> Flash.seeOtherWithError(base, "Choose what to do with the questionnaire.");
        };
    }

    @POST
    @Path("upgrade")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response upgrade(@RestPath UUID siteId, @RestPath UUID projectId) {
        Questionnaire questionnaire = Questionnaire.require(siteId, projectId);
        QuestionnaireTemplateVersion latest = QuestionnaireTemplateVersion.latest(questionnaire.templateVersion.template);
        if (latest.number == questionnaire.templateVersion.number) {
            return Flash.seeOther(Questionnaire.path(siteId, projectId), "The questionnaire already uses the latest version.");
        }
        if (questionnaire.status.isLocked()) {
            return Flash.seeOtherWithError(Questionnaire.path(siteId, projectId), "Reopen the questionnaire before pulling in a new version.");
        }
        questionnaire.templateVersion = latest;
        return Flash.seeOther(Questionnaire.path(siteId, projectId), "Now asking version " + latest.number
                + " of the template. Answers to questions it keeps were kept.");
    }

    @GET
    @Path("print")
    @Transactional
    public TemplateInstance print(@RestPath UUID siteId, @RestPath UUID projectId) {
        Questionnaire questionnaire = Questionnaire.require(siteId, projectId);
        return Templates.print(page(questionnaire, null, null));
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @Transactional
    public Response export(@RestPath UUID siteId, @RestPath UUID projectId) throws IOException {
        Questionnaire questionnaire = Questionnaire.require(siteId, projectId);
        QuestionnaireViews.Data data = views.load(questionnaire);
        QuestionnaireView view = views.build(data, viewer(questionnaire), null, null);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("Section", "Question", "Subject",
                "Answer", "Required", "Shown", "Needs follow-up", "Last changed by", "Last changed at", "Comments").get())) {
            for (QuestionnaireView.SectionView section : view.sections()) {
                for (QuestionView card : section.questions()) {
                    Answer answer = data.answer(card.key(), card.subject());
                    csv.printRecord(cell(section.title()), cell(card.title()), cell(card.subject().replace("|", " ")),
                            cell(card.display()), card.required() ? "yes" : "no", card.visible() ? "yes" : "no",
                            card.followUp() ? "yes" : "no", answer == null ? "" : cell(answer.updatedBy),
                            answer == null ? "" : answer.updatedAt.toString(), card.comments().size());
                }
            }
        }
        return dev.siteready.web.Downloads.attachment(out.toString(), "text/csv; charset=UTF-8",
                "questionnaire-" + questionnaire.project.site.name, "csv");
    }

    static String cell(String value) {
        return dev.siteready.web.Downloads.csvCell(value);
    }

    private Response respond(Questionnaire questionnaire, AnswerSubmissions.Reply reply, boolean htmx) {
        if (htmx) {
            return Response.status(reply.status()).entity(Cards.saved(reply)).build();
        }
        String base = Questionnaire.path(questionnaire.project.site.id, questionnaire.project.id);
        if (reply.ok()) {
            return Flash.seeOther(base + "#" + reply.card().id(), reply.message());
        }
        return Response.status(reply.status()).entity(Templates.questionnaire(pageFrom(questionnaire, reply.view()))).build();
    }

    private Page page(Questionnaire questionnaire, QuestionnaireViews.Typed typed, String savedId) {
        return pageFrom(questionnaire, views.build(views.load(questionnaire), viewer(questionnaire), typed, savedId));
    }

    private Page pageFrom(Questionnaire questionnaire, QuestionnaireView view) {
        Project project = questionnaire.project;
        QuestionnaireTemplateVersion latest = QuestionnaireTemplateVersion.latest(questionnaire.templateVersion.template);
        long linkCount = links.count(questionnaire);
        return new Page(project.site.id, project.site.name, project.id, project.name, Questionnaire.path(project.site.id, project.id),
                questionnaire.status, questionnaire.templateVersion.template.name, questionnaire.templateVersion.number,
                latest.number > questionnaire.templateVersion.number ? latest.number : null, linkCount, view);
    }

    private Viewer viewer(Questionnaire questionnaire) {
        return new Viewer(Questionnaire.path(questionnaire.project.site.id, questionnaire.project.id), pageContext.canEdit(), false, s -> true);
    }

    private AnswerSubmissions.Author author() {
        return new AnswerSubmissions.Author(Actors.describe(identity), false);
    }



    private static String yesNo(com.fasterxml.jackson.databind.JsonNode value) {
        return value != null && value.asBoolean() ? "Yes" : "No";
    }
}
