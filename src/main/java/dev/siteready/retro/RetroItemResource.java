package dev.siteready.retro;

import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.project.Project;
import dev.siteready.web.Flash;
import io.quarkus.security.identity.SecurityIdentity;
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
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/** The items of a retrospective's sections: adding, editing and deleting them. A refused form shows the page again. */
@Path("/sites/{siteId}/projects/{projectId}/retrospective")
@Produces(MediaType.TEXT_HTML)
public class RetroItemResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    Retrospectives retrospectives;

    @Inject
    RetrospectivePages pages;

    @POST
    @Path("items")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response addItem(@RestPath UUID siteId, @RestPath UUID projectId, @BeanParam ItemForm form) {
        Project project = Project.require(siteId, projectId);
        Retrospective retro = Retrospectives.started(project);
        Outcome<RetroItem> added = retrospectives.addItem(retro, form, Actors.describe(identity));
        if (added.isRefused()) {
            return pages.refused(project, retro, added.refused());
        }
        return Flash.seeOther(retro.path() + "#item-" + added.done().id, "Added to " + added.done().section.label + ".");
    }

    @POST
    @Path("items/{itemId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response editItem(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID itemId, @BeanParam ItemForm form) {
        Project project = Project.require(siteId, projectId);
        Retrospective retro = Retrospectives.started(project);
        Outcome<RetroItem> saved = retrospectives.editItem(Retrospectives.item(retro, itemId), form);
        return saved.isRefused() ? pages.refused(project, retro, saved.refused())
                : Flash.seeOther(retro.path() + "#item-" + itemId, "Item saved.");
    }

    @POST
    @Path("items/{itemId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response deleteItem(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID itemId) {
        Project project = Project.require(siteId, projectId);
        RetroItem item = Retrospectives.item(Retrospectives.started(project), itemId);
        item.delete();
        return Flash.seeOther(Retrospective.path(project) + "#section-" + item.section.slug(), "Item \"" + item.title
                + "\" deleted. Its action items and proposals stay, without the link to it.");
    }
}
