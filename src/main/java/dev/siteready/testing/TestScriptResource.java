package dev.siteready.testing;

import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.project.Project;
import dev.siteready.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/** Integrated test scripts of a project: create (optionally from a workspace template), edit steps, start runs. */
@Path("/sites/{siteId}/projects/{projectId}/testing/scripts")
@Produces(MediaType.TEXT_HTML)
public class TestScriptResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance script(ScriptPage page);
    }

    @Inject
    TestScripts scripts;

    @Inject
    TestRuns runs;

    @Inject
    TestPlans plans;

    @Inject
    TestingPages pages;

    @Inject
    SecurityIdentity identity;

    /** A new script; refused, the testing page shows the new-script form again. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response create(@RestPath UUID siteId, @RestPath UUID projectId, @BeanParam NewScriptForm form) {
        Project project = Project.require(siteId, projectId);
        Outcome outcome = scripts.create(project, form, Actors.describe(identity));
        if (outcome.refused()) {
            return Response.status(outcome.status()).entity(pages.testing(plans.of(project), RefusedInput.script(form,
                    outcome.problem()))).build();
        }
        return Flash.seeOther(outcome.location(), outcome.message());
    }

    @GET
    @Path("{scriptId}")
    @Transactional
    public TemplateInstance show(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID scriptId) {
        return Templates.script(TestScriptPages.page(script(siteId, projectId, scriptId)));
    }

    @POST
    @Path("{scriptId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response save(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID scriptId, @BeanParam ScriptForm form) {
        TestScript script = script(siteId, projectId, scriptId);
        Outcome outcome = scripts.save(script, form);
        if (outcome.refused()) {
            return Response.status(outcome.status()).entity(Templates.script(TestScriptPages.refused(script, form,
                    outcome.problem()))).build();
        }
        return Flash.seeOther(TestingPaths.script(script), outcome.message());
    }

    @POST
    @Path("{scriptId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response delete(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID scriptId) {
        TestScript script = script(siteId, projectId, scriptId);
        String message = scripts.delete(script, Actors.describe(identity));
        return Flash.seeOther(TestingPaths.testing(script.project) + "#integrated", message);
    }

    @POST
    @Path("{scriptId}/template")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response saveAsTemplate(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID scriptId,
            @BeanParam ScriptTemplateForm form) {
        TestScript script = script(siteId, projectId, scriptId);
        Outcome outcome = scripts.saveAsTemplate(script, form, Actors.describe(identity));
        if (outcome.refused()) {
            return Response.status(outcome.status()).entity(Templates.script(TestScriptPages.refusedTemplate(script, form,
                    outcome.problem()))).build();
        }
        return Flash.seeOther(TestingPaths.script(script), outcome.message());
    }

    @POST
    @Path("{scriptId}/runs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response startRun(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID scriptId) {
        TestScript script = script(siteId, projectId, scriptId);
        Outcome outcome = runs.start(script, Actors.describe(identity));
        return outcome.refused() ? Flash.seeOtherWithError(TestingPaths.script(script), outcome.problem())
                : Flash.seeOther(outcome.location(), outcome.message());
    }

    /** The script, only if it belongs to that project of that site in this workspace; otherwise 404. */
    private static TestScript script(UUID siteId, UUID projectId, UUID scriptId) {
        TestScript script = TestScript.findIn(Project.require(siteId, projectId), scriptId);
        if (script == null) {
            throw new NotFoundException();
        }
        return script;
    }
}
