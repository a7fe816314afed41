package dev.siteready.testing;

import dev.siteready.account.MemberRole;
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
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;
import java.util.UUID;

/** The workspace's reusable test scripts: saved from a project's script, used when creating new ones. */
@Path("/settings/test-scripts")
@Produces(MediaType.TEXT_HTML)
public class ScriptTemplateResource {

    public record TemplateView(UUID id, String name, String description, List<ScriptStep> steps, String created) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance templates(List<TemplateView> templates);
    }

    @GET
    @Transactional
    public TemplateInstance list() {
        return Templates.templates(TestScriptTemplate.listByName().stream().map(t -> new TemplateView(t.id, t.name,
                t.description, t.steps, t.createdBy + ", " + Dates.utc(t.createdAt))).toList());
    }

    @POST
    @Path("{templateId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response delete(@RestPath UUID templateId) {
        TestScriptTemplate template = TestScriptTemplate.findById(templateId);
        if (template == null) {
            throw new NotFoundException();
        }
        template.delete();
        return Flash.seeOther("/settings/test-scripts", "The script template " + template.name
                + " was deleted. Scripts created from it keep their steps.");
    }
}
