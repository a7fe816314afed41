package dev.siteready.retro;

import dev.siteready.partner.ClientAddress;
import dev.siteready.partner.InvalidLinks;
import dev.siteready.partner.PartnerCookie;
import dev.siteready.partner.PartnerLink;
import dev.siteready.partner.PartnerLinks;
import dev.siteready.tenant.TenantContext;
import dev.siteready.tenant.Workspace;
import dev.siteready.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the health system's contact sees through a retrospective link: the sections, what they wrote through this
 * link, and a form to add more. They do not see what the vendor's team wrote. The link works like every partner link:
 * its secret is traded for a cookie on this path, and each request checks it is still active.
 */
@Path("/partner/retro/{projectId}")
@Produces(MediaType.TEXT_HTML)
public class RetroPortalResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance portal(RetroPortal portal);
    }

    private record Visit(PartnerLink link, Retrospective retro) {
    }

    @Inject
    PartnerCookie cookies;

    @Inject
    PartnerLinks links;

    @Inject
    TenantContext tenant;

    @Inject
    RoutingContext routing;

    @Inject
    Retrospectives retrospectives;

    @GET
    @Transactional
    public Response show(@RestPath UUID projectId, @CookieParam(PartnerCookie.NAME) String cookie) {
        Optional<Visit> visit = visit(projectId, cookie);
        if (visit.isEmpty()) {
            return invalid(projectId);
        }
        return Response.ok(Templates.portal(portal(visit.get(), PartnerNoteForm.empty().typed(), null))).build();
    }

    @POST
    @Path("items")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response add(@RestPath UUID projectId, @CookieParam(PartnerCookie.NAME) String cookie, @BeanParam PartnerNoteForm form) {
        Optional<Visit> visit = visit(projectId, cookie);
        if (visit.isEmpty()) {
            return invalid(projectId);
        }
        PartnerLink link = visit.get().link();
        Outcome<RetroItem> added = retrospectives.addPartnerNote(visit.get().retro(), link, form);
        if (added.isRefused()) {
            return Response.status(400).entity(Templates.portal(portal(visit.get(), added.refused().values(),
                    added.refused().problem()))).build();
        }
        links.log(link, ClientAddress.network(routing), "Added to the retrospective: " + added.done().title);
        return Flash.seeOther(PartnerLink.Purpose.RETROSPECTIVE.path(projectId) + "#yours", "Thank you: your note was added.");
    }

    private Optional<Visit> visit(UUID projectId, String cookie) {
        return links.activeProjectLink(projectId, cookie, PartnerLink.Purpose.RETROSPECTIVE)
                .map(link -> new Visit(link, Retrospective.of(link.project)))
                .filter(visit -> visit.retro() != null); // links are made on a started retrospective, which stays
    }

    private RetroPortal portal(Visit visit, Map<String, String> input, String problem) {
        Workspace workspace = Workspace.findById(tenant.requireWorkspaceId());
        return RetroPortal.of(workspace.name, visit.link(), input, problem);
    }

    private Response invalid(UUID projectId) {
        return InvalidLinks.clearing(cookies.clear(PartnerLink.Purpose.RETROSPECTIVE.path(projectId)));
    }
}
