package dev.siteready.onboarding;

import dev.siteready.account.MemberRole;
import dev.siteready.project.ScopeSpec;
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
import org.jboss.resteasy.reactive.RestPath;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The workspace's onboarding templates: what a new site's first project starts with. */
@Path("/templates")
@Produces(MediaType.TEXT_HTML)
public class TemplateResource {

    public record TemplateView(UUID id, String name, String description, List<String> rows, String requirements,
            List<String> workflows, String newSiteLink) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance templates(List<TemplateView> templates);
    }

    @GET
    @Transactional
    public TemplateInstance list() {
        return Templates.templates(OnboardingTemplate.listByName().stream().map(TemplateResource::view).toList());
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response delete(@RestPath UUID id) {
        OnboardingTemplate template = OnboardingTemplate.findById(id);
        if (template == null) {
            throw new NotFoundException();
        }
        template.delete();
        return Flash.seeOther("/templates", "Template " + template.name + " deleted. Sites made from it keep their scope.");
    }

    static TemplateView view(OnboardingTemplate t) {
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
        return new TemplateView(t.id, t.name, t.description, rows, requirements, workflows,
                "/sites/new?template=" + URLEncoder.encode(t.name, StandardCharsets.UTF_8));
    }

    private static String join(List<String> values) {
        return values == null || values.isEmpty() ? "none" : String.join(", ", values);
    }
}
