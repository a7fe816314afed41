package dev.siteready.onboarding;

import dev.siteready.account.MemberRole;
import dev.siteready.project.ScopeSpec;
import dev.siteready.web.Dates;
import dev.siteready.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The workspace's onboarding templates: what a new site's first project starts with. */
@Path("/templates")
@Produces(MediaType.TEXT_HTML)
public class TemplateResource {

    public record TemplateView(UUID id, long version, String name, String description, List<String> rows, String requirements,
            String requiredFields, List<String> workflows, String newSiteLink, List<VersionView> versions) {
    }

    /** A published version; retrospectiveLink leads to the retrospective whose proposal made it. */
    public record VersionView(int number, String publishedAt, String publishedBy, String note, String retrospectiveLink) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance templates(List<TemplateView> templates, String problem);
    }

    @GET
    @Transactional
    public TemplateInstance list() {
        return list(null);
    }

    private static TemplateInstance list(String problem) {
        Map<UUID, List<VersionView>> versions = versions();
        return Templates.templates(OnboardingTemplate.listByName().stream()
                .map(t -> view(t, versions.getOrDefault(t.id, List.of()))).toList(), problem);
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response delete(@RestPath UUID id, @RestForm Long version) {
        OnboardingTemplate template = OnboardingTemplate.findById(id);
        if (template == null) {
            throw new NotFoundException();
        }
        template.lockFresh();
        if (version == null || !version.equals(template.version)) {
            return Response.status(409).entity(list("Someone else changed the template " + template.name + " since the page"
                    + " was shown, so it was not deleted. Check it below and delete it again if you still want to.")).build();
        }
        template.delete();
        return Flash.seeOther("/templates", "Template " + template.name + " deleted. Sites made from it keep their scope.");
    }

    /**
     * Every template's versions, newest first: one query. A version a retrospective's proposal made links to the
     * proposal's address, which leads to its retrospective (retro's own route: onboarding does not read its tables).
     */
    private static Map<UUID, List<VersionView>> versions() {
        Map<UUID, List<VersionView>> byTemplate = new java.util.LinkedHashMap<>();
        for (Object[] r : OnboardingTemplate.getEntityManager().createQuery("select v.template.id, v.number, v.publishedAt,"
                + " v.publishedBy, v.note, v.proposalId from OnboardingTemplateVersion v order by v.number desc", Object[].class)
                .getResultList()) {
            byTemplate.computeIfAbsent((UUID) r[0], k -> new java.util.ArrayList<>()).add(new VersionView((Integer) r[1],
                    Dates.utc((java.time.OffsetDateTime) r[2]), (String) r[3], (String) r[4],
                    r[5] == null ? null : "/retrospectives/proposals/" + r[5]));
        }
        return byTemplate;
    }

    static TemplateView view(OnboardingTemplate t, List<VersionView> versions) {
        ScopeSpec s = t.scope == null ? ScopeSpec.empty() : t.scope;
        List<String> rows = s.rows().stream().filter(java.util.Objects::nonNull)
                .map(r -> r.dataModel() + " " + String.join(", ", r.events() == null ? List.of() : r.events())
                        + " · " + (r.direction() == null ? "" : r.direction().toLowerCase()))
                .toList();
        String requirements = "Patient IDs: " + join(s.patientIdentifierTypes()) + " · Provider IDs: "
                + join(s.providerIdentifierTypes()) + " · Code systems: " + (s.codeSystems().isEmpty() ? "none"
                        : s.codeSystems().entrySet().stream().map(e -> e.getKey() + " " + join(e.getValue()))
                                .collect(Collectors.joining("; ")));
        List<String> workflows = s.workflows().stream().filter(java.util.Objects::nonNull)
                .map(ScopeSpec.WorkflowSpec::name).toList();
        String fields = s.requiredFields().isEmpty() ? "none" : s.requiredFields().entrySet().stream()
                .map(e -> e.getKey() + " " + String.join(", ", e.getValue())).collect(Collectors.joining("; "));
        return new TemplateView(t.id, t.version, t.name, t.description, rows, requirements, fields, workflows,
                "/sites/new?template=" + URLEncoder.encode(t.name, StandardCharsets.UTF_8), versions);
    }

    private static String join(List<String> values) {
        return values == null || values.isEmpty() ? "none" : String.join(", ", values);
    }
}
