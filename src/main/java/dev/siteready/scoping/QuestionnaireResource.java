package dev.siteready.scoping;

import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.project.Project;
import dev.siteready.web.Downloads;
import dev.siteready.web.Flash;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A project's scoping questionnaire for members: answering, follow-ups, comments, history, status, export. The card
 * posts take the whole form, as a table's cells are fields named by row and column ({@link AnswerPost}).
 */
@Path("/sites/{siteId}/projects/{projectId}/questionnaire")
@Produces(MediaType.TEXT_HTML)
public class QuestionnaireResource {

    @Inject
    QuestionnairePages pages;

    @Inject
    Clock clock;

    @Inject
    QuestionnaireCsv csv;

    @Inject
    AnswerSubmissions submissions;

    @Inject
    QuestionnaireTemplates templates;

    @Inject
    SecurityIdentity identity;

    @GET
    @Transactional
    public TemplateInstance show(@RestPath UUID siteId, @RestPath UUID projectId) {
        Project project = Project.require(siteId, projectId);
        Questionnaire questionnaire = Questionnaire.forProject(project.id);
        return questionnaire == null ? pages.start(project) : pages.questionnaire(questionnaire);
    }

    @POST
    @Path("start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response start(@RestPath UUID siteId, @RestPath UUID projectId, @RestForm String template) {
        return flash(siteId, projectId, templates.startFrom(Project.require(siteId, projectId), template));
    }

    @POST
    @Path("answers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response answer(@RestPath UUID siteId, @RestPath UUID projectId, MultivaluedMap<String, String> form,
            @HeaderParam("HX-Request") boolean htmx) {
        Questionnaire questionnaire = Questionnaire.require(siteId, projectId);
        return respond(questionnaire, submissions.answer(questionnaire, pages.viewer(questionnaire), AnswerPost.of(form), author()), htmx);
    }

    @POST
    @Path("follow-up")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response followUp(@RestPath UUID siteId, @RestPath UUID projectId, MultivaluedMap<String, String> form,
            @HeaderParam("HX-Request") boolean htmx) {
        Questionnaire questionnaire = Questionnaire.require(siteId, projectId);
        return respond(questionnaire, submissions.followUp(questionnaire, pages.viewer(questionnaire), AnswerPost.of(form), author()), htmx);
    }

    @POST
    @Path("comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response comment(@RestPath UUID siteId, @RestPath UUID projectId, MultivaluedMap<String, String> form,
            @HeaderParam("HX-Request") boolean htmx) {
        Questionnaire questionnaire = Questionnaire.require(siteId, projectId);
        return respond(questionnaire, submissions.comment(questionnaire, pages.viewer(questionnaire), AnswerPost.of(form), author()), htmx);
    }

    @GET
    @Path("history")
    @Transactional
    public TemplateInstance history(@RestPath UUID siteId, @RestPath UUID projectId, @RestQuery String question,
            @RestQuery String subject, @HeaderParam("HX-Request") boolean htmx) {
        return pages.history(Questionnaire.require(siteId, projectId), question, subject, htmx);
    }

    @POST
    @Path("status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response status(@RestPath UUID siteId, @RestPath UUID projectId, @RestForm String to) {
        return flash(siteId, projectId, Questionnaire.require(siteId, projectId).moveTo(to, OffsetDateTime.now(clock)));
    }

    @POST
    @Path("upgrade")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response upgrade(@RestPath UUID siteId, @RestPath UUID projectId) {
        return flash(siteId, projectId, Questionnaire.require(siteId, projectId).upgrade());
    }

    @GET
    @Path("print")
    @Transactional
    public TemplateInstance print(@RestPath UUID siteId, @RestPath UUID projectId) {
        return pages.print(Questionnaire.require(siteId, projectId));
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @Transactional
    public Response export(@RestPath UUID siteId, @RestPath UUID projectId) {
        Questionnaire questionnaire = Questionnaire.require(siteId, projectId);
        return Downloads.attachment(csv.export(questionnaire, pages.viewer(questionnaire)), "text/csv; charset=UTF-8",
                "questionnaire-" + questionnaire.project.site.name, "csv");
    }

    /** htmx gets the card (and its dependents); a plain post goes back to the card, or gets the page with the problem. */
    private Response respond(Questionnaire questionnaire, AnswerSubmissions.Reply reply, boolean htmx) {
        if (htmx) {
            return Response.status(reply.status()).entity(Cards.saved(reply)).build();
        }
        if (reply.ok()) {
            return Flash.seeOther(Questionnaire.path(questionnaire.project.site.id, questionnaire.project.id) + "#"
                    + reply.card().id(), reply.message());
        }
        return Response.status(reply.status()).entity(pages.questionnaire(questionnaire, reply.view())).build();
    }

    private static Response flash(UUID siteId, UUID projectId, Questionnaire.Outcome outcome) {
        String page = Questionnaire.path(siteId, projectId);
        return outcome.done() ? Flash.seeOther(page, outcome.message()) : Flash.seeOtherWithError(page, outcome.message());
    }

    private AnswerSubmissions.Author author() {
        return new AnswerSubmissions.Author(Actors.describe(identity), false);
    }
}
