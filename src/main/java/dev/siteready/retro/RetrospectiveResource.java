package dev.siteready.retro;

import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.project.Project;
import dev.siteready.web.Flash;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/**
 * A project's retrospective page: starting it, its date and summary, and who took part. Items, action items and
 * partner links have their own resources on the same path.
 */
@Path("/sites/{siteId}/projects/{projectId}/retrospective")
@Produces(MediaType.TEXT_HTML)
public class RetrospectiveResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    Retrospectives retrospectives;

    @Inject
    RetrospectivePages pages;

    @GET
    @Transactional
    public TemplateInstance show(@RestPath UUID siteId, @RestPath UUID projectId) {
        Project project = Project.require(siteId, projectId);
        return pages.page(project, Retrospective.of(project));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response start(@RestPath UUID siteId, @RestPath UUID projectId) {
        Project project = Project.require(siteId, projectId);
        retrospectives.start(project, Actors.describe(identity));
        return Flash.seeOther(Retrospective.path(project), "Retrospective started. Add what the team learned, section by section.");
    }

    @POST
    @Path("details")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response details(@RestPath UUID siteId, @RestPath UUID projectId, @BeanParam DetailsForm form) {
        Project project = Project.require(siteId, projectId);
        Retrospective retro = Retrospectives.started(project);
        Outcome<Retrospective> saved = retrospectives.saveDetails(retro, form);
        return saved.isRefused() ? pages.refused(project, retro, saved.refused())
                : Flash.seeOther(retro.path() + "#summary", "Summary saved.");
    }

    @POST
    @Path("participants")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response addParticipant(@RestPath UUID siteId, @RestPath UUID projectId, @BeanParam ParticipantForm form) {
        Project project = Project.require(siteId, projectId);
        Retrospective retro = Retrospectives.started(project);
        Outcome<RetroParticipant> added = retrospectives.addParticipant(retro, form);
        return added.isRefused() ? pages.refused(project, retro, added.refused())
                : Flash.seeOther(retro.path() + "#participants", added.done().name + " added to the participants.");
    }

    @POST
    @Path("participants/{participantId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response removeParticipant(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID participantId) {
        Project project = Project.require(siteId, projectId);
        RetroParticipant participant = Retrospectives.participant(Retrospectives.started(project), participantId);
        participant.delete();
        return Flash.seeOther(Retrospective.path(project) + "#participants", participant.name + " removed from the participants.");
    }
}
