package dev.siteready.onboarding;

import dev.siteready.account.MemberRole;
import dev.siteready.project.Project;
import dev.siteready.project.ProjectPages;
import dev.siteready.web.Flash;
import dev.siteready.web.FormErrors;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/** Saving a project's scope as an onboarding template, from the project page, so new sites can start from it. */
@Path("/sites/{siteId}/projects/{projectId}/template")
@Produces(MediaType.TEXT_HTML)
public class SaveTemplateResource {

    @Inject
    Onboarding onboarding;

    @Inject
    ProjectPages pages;

    @Inject
    Validator validator;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response save(@RestPath UUID siteId, @RestPath UUID projectId, @BeanParam SaveTemplateForm form) {
        Project project = Project.require(siteId, projectId);
        FormErrors errors = FormErrors.of(validator.validate(form));
        String taken = errors.any() ? null : onboarding.nameProblem(form.name());
        if (taken != null) {
            errors.add("name", taken);
        }
        if (errors.any()) {
            return Response.status(400).entity(pages.project(pages.page(project,
                    ProjectPages.RefusedInput.templateName(form.name()), errors.get("name")))).build();
        }
        onboarding.saveAsTemplate(project, form.name(), "Saved from " + project.site.name + " / " + project.name + ".");
        return Flash.seeOther("/sites/" + siteId + "/projects/" + projectId,
                "Template " + form.name() + " saved: new sites can start from this scope.");
    }
}
