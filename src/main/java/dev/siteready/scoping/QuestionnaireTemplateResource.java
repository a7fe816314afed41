package dev.siteready.scoping;

import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.scoping.QuestionnaireTemplatePages.EditorInput;
import dev.siteready.web.Flash;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
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

/**
 * Questionnaire templates: managers add sections and questions to a template's draft, then publish it as
 * a new version. Questionnaires in flight keep their version until a manager pulls the new one in.
 */
@Path("/templates/questionnaires")
@Produces(MediaType.TEXT_HTML)
public class QuestionnaireTemplateResource {

    @Inject
    QuestionnaireTemplates templates;

    @Inject
    SecurityIdentity identity;

    @GET
    @Transactional
    public TemplateInstance list() {
        templates.ensureStandard();
        return QuestionnaireTemplatePages.list("", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response create(@BeanParam TemplateNameForm form) {
        TemplateEdit edit = templates.create(form, Actors.describe(identity));
        return edit.done() ? Flash.seeOther(edit.path(), edit.message())
                : Response.status(edit.status()).entity(QuestionnaireTemplatePages.list(form.name(), edit.message())).build();
    }

    @GET
    @Path("{id}")
    @Transactional
    public TemplateInstance show(@RestPath UUID id) {
        return QuestionnaireTemplatePages.editor(QuestionnaireTemplate.require(id), EditorInput.NONE, null);
    }

    @POST
    @Path("{id}/sections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response addSection(@RestPath UUID id, @BeanParam SectionForm form) {
        QuestionnaireTemplate template = QuestionnaireTemplate.require(id);
        return respond(template, templates.addSection(template, form), EditorInput.of(form));
    }

    @POST
    @Path("{id}/questions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response addQuestion(@RestPath UUID id, @BeanParam QuestionForm form) {
        QuestionnaireTemplate template = QuestionnaireTemplate.require(id);
        return respond(template, templates.addQuestion(template, form), EditorInput.of(form));
    }

    @POST
    @Path("{id}/questions/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response removeQuestion(@RestPath UUID id, @RestForm String key, @RestForm String version) {
        QuestionnaireTemplate template = QuestionnaireTemplate.require(id);
        return respond(template, templates.removeQuestion(template, key, version), EditorInput.NONE);
    }

    @POST
    @Path("{id}/sections/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response removeSection(@RestPath UUID id, @RestForm String key, @RestForm String version) {
        QuestionnaireTemplate template = QuestionnaireTemplate.require(id);
        return respond(template, templates.removeSection(template, key, version), EditorInput.NONE);
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response publish(@RestPath UUID id, @BeanParam PublishForm form) {
        QuestionnaireTemplate template = QuestionnaireTemplate.require(id);
        return respond(template, templates.publishDraft(template, form, Actors.describe(identity)), EditorInput.of(form));
    }

    /** To the editor with the message when done; otherwise the editor again, with the input and the problem. */
    private static Response respond(QuestionnaireTemplate template, TemplateEdit edit, EditorInput input) {
        if (edit.done()) {
            return Flash.seeOther(edit.path(), edit.message());
        }
        return Response.status(edit.status()).entity(QuestionnaireTemplatePages.editor(template, input, edit.message())).build();
    }
}
