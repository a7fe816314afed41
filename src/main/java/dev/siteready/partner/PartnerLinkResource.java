package dev.siteready.partner;

import dev.siteready.web.Dates;
import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.project.Project;
import dev.siteready.scoping.Questionnaire;
import dev.siteready.scoping.QuestionnaireDefinition;
import dev.siteready.scoping.QuestionnaireViews;
import dev.siteready.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The partner links of a project's questionnaire: create one per partner contact, revoke, read the access log. */
@Path("/sites/{siteId}/projects/{projectId}/questionnaire/links")
@Produces(MediaType.TEXT_HTML)
public class PartnerLinkResource {

    public record SectionOption(String key, String title, boolean checked) {
    }

    public record LinkView(UUID id, String label, String sections, String createdBy, String createdAt, String expiresAt,
            String state, String lastUsed) {
        public boolean active() {
            return "Active".equals(state);
        }
    }

    public record AccessView(String at, String link, String client, String action) {
    }

    /** What was typed into the new-link form. */
    public record Input(String label, String days, Set<String> sections) {
        static final Input NONE = new Input("", String.valueOf(PartnerLink.DEFAULT_DAYS), Set.of());
    }

    public record Page(UUID siteId, String siteName, UUID projectId, String projectName, String base,
            List<SectionOption> sections, List<LinkView> links, List<AccessView> accesses, Input input, String problem,
            String newUrl, String newLabel) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance links(Page page);
    }

    @Inject
    PartnerLinks partnerLinks;

    @Inject
    SecurityIdentity identity;

    @GET
    @Transactional
    public TemplateInstance show(@RestPath UUID siteId, @RestPath UUID projectId) {
        return Templates.links(page(Questionnaire.require(siteId, projectId), Input.NONE, null, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response create(@RestPath UUID siteId, @RestPath UUID projectId, @RestForm String label, @RestForm String days,
            @RestForm List<String> sections, @Context UriInfo uri) {
        Questionnaire questionnaire = Questionnaire.require(siteId, projectId);
        Input input = new Input(label == null ? "" : label.trim(), days == null ? "" : days.trim(),
                sections == null ? Set.of() : sections.stream().filter(v -> v != null && !v.isBlank())
                        .collect(java.util.stream.Collectors.toSet()));
        String problem = problem(questionnaire.definition(), input.label(), input.days(), List.copyOf(input.sections()));
        if (problem != null) {
            return Response.status(400).entity(Templates.links(page(questionnaire, input, problem, null))).build();
        }
        PartnerLinks.Created created = partnerLinks.create(questionnaire, input.label(), Integer.parseInt(input.days()),
                ordered(questionnaire.definition(), input.sections()), Actors.describe(identity), uri.getBaseUri().toString());
        PartnerLink.flush();
        return Response.ok(Templates.links(page(questionnaire, Input.NONE, null, created))).build();
    }

    @POST
    @Path("{linkId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response revoke(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID linkId) {
        Questionnaire questionnaire = Questionnaire.require(siteId, projectId);
        PartnerLink link = PartnerLink.find("id = ?1 and questionnaire = ?2", linkId, questionnaire).firstResult();
        if (link == null) {
            throw new NotFoundException();
        }
        partnerLinks.revoke(link);
        return Flash.seeOther(Questionnaire.path(siteId, projectId) + "/links",
                "The link for " + link.label + " was revoked: it no longer opens the questionnaire.");
    }

    /** What is wrong with a new link's label, days and sections, or null. Shared with the API. */
    static String problem(QuestionnaireDefinition definition, String label, String days, List<String> sections) {
        String problem = PartnerLinks.problem(label, days);
        if (problem != null) {
            return problem;
        }
        for (String s : sections) {
            if (definition.section(s).isEmpty()) {
                return "Choose sections of this questionnaire only.";
            }
        }
        return null;
    }

    static List<String> ordered(QuestionnaireDefinition definition, Set<String> chosen) {
        return definition.sections().stream().map(QuestionnaireDefinition.Section::key).filter(chosen::contains).toList();
    }

    private Page page(Questionnaire questionnaire, Input input, String problem, PartnerLinks.Created created) {
        QuestionnaireDefinition definition = questionnaire.definition();
        List<LinkView> links = PartnerLink.listFor(questionnaire).stream().map(l -> new LinkView(l.id, l.label,
                l.sections.isEmpty() ? "All sections" : String.join(", ", l.sections.stream()
                        .map(k -> definition.section(k).map(QuestionnaireDefinition.Section::title).orElse(k)).toList()),
                l.createdBy, Dates.utc(l.createdAt), Dates.utc(l.expiresAt), l.state(),
                l.lastUsedAt == null ? "Never" : Dates.utc(l.lastUsedAt))).toList();
        List<AccessView> accesses = PartnerLinkAccess.recentFor(questionnaire, 100).stream()
                .map(a -> new AccessView(Dates.utc(a.at), a.link.label, a.client, a.action)).toList();
        Project project = questionnaire.project;
        return new Page(project.site.id, project.site.name, project.id, project.name,
                Questionnaire.path(project.site.id, project.id),
                definition.sections().stream().map(s -> new SectionOption(s.key(), s.title(), input.sections().contains(s.key()))).toList(),
                links, accesses, input, problem, created == null ? null : created.url(), created == null ? null : created.link().label);
    }
}
