package dev.siteready.retro;

import dev.siteready.account.MemberRole;
import dev.siteready.project.Project;
import dev.siteready.web.Flash;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import java.util.Locale;
import java.util.UUID;

/** A retrospective's action items: adding one, marking it open, done or dropped (in place with htmx), deleting it. */
@Path("/sites/{siteId}/projects/{projectId}/retrospective")
@Produces(MediaType.TEXT_HTML)
public class RetroActionResource {

    @Inject
    Retrospectives retrospectives;

    @Inject
    RetrospectivePages pages;

    @POST
    @Path("actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response addAction(@RestPath UUID siteId, @RestPath UUID projectId, @BeanParam ActionForm form) {
        Project project = Project.require(siteId, projectId);
        Retrospective retro = Retrospectives.started(project);
        Outcome<RetroAction> added = retrospectives.addAction(retro, form);
        return added.isRefused() ? pages.refused(project, retro, added.refused())
                : Flash.seeOther(retro.path() + "#actions", "Action item added for " + added.done().owner + ".");
    }

    @POST
    @Path("actions/{actionId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response updateAction(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID actionId,
            @RestForm String status, @RestForm String version, @RestHeader("HX-Request") boolean htmx) {
        Project project = Project.require(siteId, projectId);
        RetroAction action = Retrospectives.action(Retrospectives.started(project), actionId);
        Outcome<RetroAction> moved = retrospectives.moveAction(action, status, version);
        if (htmx) {
            return pages.actionRow(project, action, moved.refused());
        }
        String row = Retrospective.path(project) + "#action-" + action.id;
        return moved.isRefused() ? Flash.seeOtherWithError(row, moved.refused().problem())
                : Flash.seeOther(row, "Action item marked " + action.status.label.toLowerCase(Locale.ROOT) + ".");
    }

    @POST
    @Path("actions/{actionId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response deleteAction(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID actionId) {
        Project project = Project.require(siteId, projectId);
        RetroAction action = Retrospectives.action(Retrospectives.started(project), actionId);
        action.delete();
        return Flash.seeOther(Retrospective.path(project) + "#actions", "Action item \"" + action.title + "\" deleted.");
    }
}
