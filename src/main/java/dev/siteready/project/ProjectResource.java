package dev.siteready.project;

import dev.siteready.account.MemberRole;
import dev.siteready.project.ProjectPages.RefusedInput;
import dev.siteready.web.Flash;
import io.quarkus.qute.TemplateInstance;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/** A project's page: its scope rows, product requirements and workflows, all editable in place. */
@Path("/sites/{siteId}/projects")
@Produces(MediaType.TEXT_HTML)
public class ProjectResource {

    @Inject
    ScopeEdits edits;

    @Inject
    ProjectPages pages;

    @GET
    @Path("{projectId}")
    @Transactional
    public TemplateInstance show(@RestPath UUID siteId, @RestPath UUID projectId) {
        return pages.project(pages.page(Project.require(siteId, projectId), RefusedInput.NONE, null));
    }

    @POST
    @Path("{projectId}/rows")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response addRow(@RestPath UUID siteId, @RestPath UUID projectId, @BeanParam ScopeRowForm form) {
        Project project = Project.require(siteId, projectId);
        return respond(project, edits.addRow(project, form), RefusedInput.row("new", form));
    }

    @POST
    @Path("{projectId}/rows/{rowId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response updateRow(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID rowId, @BeanParam ScopeRowForm form) {
        Project project = Project.require(siteId, projectId);
        return respond(project, edits.updateRow(project, rowId, form), RefusedInput.row(rowId.toString(), form));
    }

    @POST
    @Path("{projectId}/rows/{rowId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response removeRow(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID rowId) {
        Project project = Project.require(siteId, projectId);
        return respond(project, edits.removeRow(project, rowId), RefusedInput.NONE);
    }

    @POST
    @Path("{projectId}/requirements")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response saveRequirements(@RestPath UUID siteId, @RestPath UUID projectId, @BeanParam RequirementsForm form) {
        Project project = Project.require(siteId, projectId);
        return respond(project, edits.saveRequirements(project, form), RefusedInput.requirements(form));
    }

    @POST
    @Path("{projectId}/workflows")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response addWorkflow(@RestPath UUID siteId, @RestPath UUID projectId, @BeanParam WorkflowForm form) {
        Project project = Project.require(siteId, projectId);
        return respond(project, edits.addWorkflow(project, form), RefusedInput.workflow(form));
    }

    @POST
    @Path("{projectId}/workflows/{workflowId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response removeWorkflow(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID workflowId,
            @RestForm Long version) {
        Project project = Project.require(siteId, projectId);
        return respond(project, edits.removeWorkflow(project, workflowId, version), RefusedInput.NONE);
    }

    @POST
    @Path("{projectId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response delete(@RestPath UUID siteId, @RestPath UUID projectId) {
        Project project = Project.require(siteId, projectId);
        project.delete();
        return Flash.seeOther("/sites/" + siteId, "Project " + project.name + " and its scope were deleted.");
    }

    /** To the changed part of the page with the message; otherwise the page again, with the input and the problem. */
    private Response respond(Project project, ScopeEdit edit, RefusedInput input) {
        if (edit.done()) {
            return Flash.seeOther(edit.path(), edit.message());
        }
        return Response.status(edit.status()).entity(pages.project(pages.page(project, input, edit.message()))).build();
    }
}
