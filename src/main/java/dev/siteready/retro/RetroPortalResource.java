package dev.siteready.retro;

import dev.siteready.web.Dates;
import dev.siteready.partner.ClientAddress;
import dev.siteready.partner.PartnerCookie;
import dev.siteready.partner.PartnerLink;
import dev.siteready.partner.PartnerLinks;
import dev.siteready.partner.InvalidLinks;
import dev.siteready.project.Project;
import dev.siteready.scoping.QuestionnaireViews;
import dev.siteready.tenant.TenantContext;
import dev.siteready.tenant.Workspace;
import dev.siteready.web.Flash;
import dev.siteready.web.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
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

    public record SectionOption(String value, String label, String prompt, boolean selected) {
    }

    public record Contribution(UUID id, String section, String title, RawString notes, String when) {
    }

    public record Portal(String workspaceName, String siteName, String projectName, String label, String base, String expires,
            List<SectionOption> sections, List<Contribution> contributions, Map<String, String> input, String problem) {
        public String in(String field) {
            return input.getOrDefault(field, "");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance portal(Portal portal);
    }

    private record Visit(PartnerLink link, Project project, Retrospective retro) {
    }

    @Inject
    PartnerCookie cookies;

    @Inject
    PartnerLinks links;

    @Inject
    TenantContext tenant;

    @Inject
    RoutingContext routing;

    @GET
    @Transactional
    public Response show(@RestPath UUID projectId, @CookieParam(PartnerCookie.NAME) String cookie) {
        Optional<Visit> visit = visit(projectId, cookie);
        if (visit.isEmpty()) {
            return invalid(projectId);
        }
        return Response.ok(Templates.portal(portal(visit.get(), Map.of(), null))).build();
    }

    @POST
    @Path("items")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response add(@RestPath UUID projectId, @CookieParam(PartnerCookie.NAME) String cookie, MultivaluedMap<String, String> form) {
        Optional<Visit> visit = visit(projectId, cookie);
        if (visit.isEmpty()) {
            return invalid(projectId);
        }
        Map<String, String> in = Forms.flat(form);
        in.remove("tags");
        in.remove("link");
        RetroItem.Section section = RetroItem.Section.parse(in.get("section"));
        RetroItem item = new RetroItem();
        String problem = section == null ? "Choose the section your note belongs to." : RetrospectiveResource.fill(item, section, in, null);
        if (problem != null) {
            return Response.status(400).entity(Templates.portal(portal(visit.get(), in, problem))).build();
        }
        Retrospective retro = visit.get().retro();
        item.retrospective = retro;
        item.author = RetrospectiveResource.clip(visit.get().link().label, 180) + " (health system)";
        item.partnerLink = visit.get().link();
        item.persist();
        retro.updatedAt = OffsetDateTime.now();
        links.log(visit.get().link(), ClientAddress.network(routing), "Added to the retrospective: " + item.title);
        return Flash.seeOther(PartnerLink.Purpose.RETROSPECTIVE.path(projectId) + "#yours", "Thank you: your note was added.");
    }

    private Optional<Visit> visit(UUID projectId, String cookie) {
        return links.activeProjectLink(projectId, cookie, PartnerLink.Purpose.RETROSPECTIVE)
                .map(link -> new Visit(link, link.project, Retrospective.of(link.project)))
                .filter(visit -> visit.retro() != null); // links are made on a started retrospective, which stays
    }

    private Portal portal(Visit visit, Map<String, String> input, String problem) {
        Workspace workspace = Workspace.findById(tenant.requireWorkspaceId());
        String chosen = input.getOrDefault("section", RetroItem.Section.WENT_WELL.name());
        List<SectionOption> sections = Arrays.stream(RetroItem.Section.values())
                .map(s -> new SectionOption(s.name(), s.label, s.prompt, s.name().equals(chosen))).toList();
        List<Contribution> mine = RetroItem.listBy(visit.link()).stream().map(i -> new Contribution(i.id, i.section.label, i.title,
                Markdown.render(i.notes), Dates.utc(i.createdAt))).toList();
        return new Portal(workspace.name, visit.project().site.name, visit.project().name, visit.link().label,
                PartnerLink.Purpose.RETROSPECTIVE.path(visit.project().id), Dates.utc(visit.link().expiresAt), sections,
                mine, input, problem);
    }

    private Response invalid(UUID projectId) {
        return InvalidLinks.clearing(cookies.clear(PartnerLink.Purpose.RETROSPECTIVE.path(projectId)));
    }
}
