package dev.siteready.onboarding;

import dev.siteready.account.MemberRole;
import dev.siteready.project.Project;
import dev.siteready.project.ProjectPages;
import dev.siteready.web.Flash;
import dev.siteready.web.PlainText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;
import java.util.UUID;

/** Saving a project's scope as an onboarding template, from the project page, so new sites can start from it. */
@Path("/sites/{siteId}/projects/{projectId}/template")
@Produces(MediaType.TEXT_HTML)
public class SaveTemplateResource {

    @Inject
    Onboarding onboarding;

    @Inject
    ProjectPages pages;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response save(@RestPath UUID siteId, @RestPath UUID projectId, @RestForm String name) {
        Project project = Project.require(siteId, projectId);
        String clean = name == null ? "" : name.trim();
        String problem = !PlainText.Validator.isName(clean, 120)
                ? "Give the template a name of 1 to 120 characters."
                : OnboardingTemplate.findByName(clean) != null ? "A template called " + clean + " exists already." : null;
        if (problem != null) {
            return Response.status(400).entity(pages.project(pages.page(project,
                    new ProjectPages.RowInput("template", clean, List.of(), "", "", "", ""), problem))).build();
        }
        onboarding.saveAsTemplate(project, clean, "Saved from " + project.site.name + " / " + project.name + ".");
        return Flash.seeOther("/sites/" + siteId + "/projects/" + projectId,
                "Template " + clean + " saved: new sites can start from this scope.");
    }
}
