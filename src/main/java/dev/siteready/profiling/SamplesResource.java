package dev.siteready.profiling;

import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.project.Project;
import dev.siteready.web.Dates;
import dev.siteready.web.Flash;
import dev.siteready.web.FormErrors;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/**
 * A project's sample messages: paste (or pick a file, which the browser reads into the text box) HL7 v2 or JSON
 * samples, see what they contain, and accept the questionnaire answers they suggest. The messages are profiled in
 * memory and dropped; only the profile is kept.
 */
@Path("/sites/{siteId}/projects/{projectId}/samples")
@Produces(MediaType.TEXT_HTML)
public class SamplesResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    Validator validator;

    @Inject
    SampleProfiles profiles;

    @Inject
    SamplesPage page;

    @GET
    @Transactional
    public TemplateInstance show(@RestPath UUID siteId, @RestPath UUID projectId) {
        return page.latest(Project.require(siteId, projectId));
    }

    @GET
    @Path("{profileId}")
    @Transactional
    public TemplateInstance profile(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID profileId) {
        Project project = Project.require(siteId, projectId);
        return page.showing(project, SampleProfile.require(project, profileId));
    }

    /**
     * Profiles the pasted samples. Answers with the page itself (not a redirect) because the messages that failed are
     * listed with the parser's reasons only in this response: reasons can quote the message, so they are never kept.
     * The form is URL-encoded, never multipart: Quarkus writes multipart file parts to a temporary folder before any
     * code runs, and a sample must never touch the disk (a multipart post is refused with 415 unread).
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response upload(@RestPath UUID siteId, @RestPath UUID projectId, @BeanParam SamplesForm form) {
        Project project = Project.require(siteId, projectId);
        FormErrors errors = FormErrors.of(validator.validate(form));
        if (errors.any()) {
            return Response.status(400).entity(page.refused(project, errors.get("samples"), form.samples(), null)).build();
        }
        SampleInput input = SampleInput.of(form.samples());
        if (input.refused()) {
            String kept = input.status() == 400 ? form.samples() : "";
            return Response.status(input.status()).entity(page.refused(project, input.problem(), kept, null)).build();
        }
        Profiler.Result result = Profiler.profile(input.text());
        if (result.data().profiled() == 0) {
            return Response.status(422).entity(page.refused(project, result.nothingRead() + " The reasons are listed below.", form.samples(),
                    result)).build();
        }
        SampleProfile stored = profiles.store(project, result, input, SampleProfile.Source.PAGE, Actors.describe(identity));
        return Response.ok(page.profiled(project, stored, result)).build();
    }

    @POST
    @Path("{profileId}/suggestions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response decide(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID profileId,
            @BeanParam SuggestionForm form, @RestHeader("HX-Request") boolean htmx) {
        Project project = Project.require(siteId, projectId);
        SampleProfile profile = SampleProfile.require(project, profileId);
        if (!validator.validate(form).isEmpty()) {
            return Response.status(400).build();
        }
        String actor = Actors.describe(identity);
        SampleProfiles.Outcome outcome = form.accepts() ? profiles.accept(profile, form.key(), form.version(), actor)
                : profiles.ignore(profile, form.key(), actor);
        String anchor = SamplesPage.anchor(profile, form.key());
        if (htmx) {
            TemplateInstance card = outcome.stillSuggested() ? page.card(project, profile, form.key(), outcome.problem) : null;
            return card != null ? Response.status(outcome.status).entity(card).build()
                    : Flash.htmxRedirect(anchor, outcome.problem == null ? "Saved." : outcome.problem, outcome.problem != null);
        }
        return outcome.problem != null ? Flash.seeOtherWithError(anchor, outcome.problem) : Flash.seeOther(anchor, outcome.done);
    }

    @POST
    @Path("{profileId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response delete(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID profileId) {
        Project project = Project.require(siteId, projectId);
        SampleProfile profile = SampleProfile.require(project, profileId);
        profile.delete();
        return Flash.seeOther(SampleProfile.path(project), "Profile of " + Dates.at(profile.createdAt, project.site.timeZone)
                + " deleted. Answers accepted from it stay.");
    }
}
