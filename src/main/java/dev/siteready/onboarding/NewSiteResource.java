package dev.siteready.onboarding;

import dev.siteready.account.MemberRole;
import dev.siteready.site.Site;
import dev.siteready.site.SiteDraft;
import dev.siteready.site.SiteForm;
import dev.siteready.web.Flash;
import dev.siteready.web.FormErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;
import java.util.Map;

/** Onboarding one site in a minute: the new-site form, with a template for its first project's scope. */
@Path("/sites")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
public class NewSiteResource {

    /** An onboarding template to start from. */
    public record TemplateChoice(String name, String description) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(SiteForm form, FormErrors errors, SiteForm.Options options,
                List<TemplateChoice> templates);
    }

    @Inject
    SiteDrafts drafts;

    @Inject
    Onboarding onboarding;

    @GET
    @Path("new")
    @Transactional
    public TemplateInstance newSite(@RestQuery String template) {
        List<TemplateChoice> templates = templates();
        String chosen = template != null ? template : templates.isEmpty() ? "" : templates.get(0).name();
        return Templates.form(SiteForm.empty(chosen), FormErrors.none(), SiteForm.Options.ALL, templates);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam SiteForm form) {
        SiteDraft draft = form.draft();
        FormErrors errors = QuarkusTransaction.requiringNew().call(() -> errors(drafts.problems(draft)));
        if (!errors.any()) {
            try {
                Onboarding.Onboarded onboarded = onboarding.createSite(draft);
                String note = onboarded.notes().isEmpty() ? ""
                        : " Skipped from the template: " + String.join(" ", onboarded.notes());
                return Flash.seeOther("/sites/" + onboarded.site().id, "Site " + onboarded.site().name + " onboarded." + note);
            } catch (PersistenceException e) {
                if (!Site.isNameConflict(e)) {
                    throw e;
                }
                errors.add("name", "A site called " + draft.name().trim() + " exists already.");
            }
        }
        return Response.status(400).entity(QuarkusTransaction.requiringNew().call(
                () -> Templates.form(form, errors, SiteForm.Options.ALL, templates()).render())).type(MediaType.TEXT_HTML_TYPE).build();
    }

    private static List<TemplateChoice> templates() {
        return OnboardingTemplate.listByName().stream().map(t -> new TemplateChoice(t.name, t.description)).toList();
    }

    private static FormErrors errors(Map<String, String> problems) {
        FormErrors errors = FormErrors.none();
        problems.forEach((path, message) -> errors.add(SiteForm.field(path), message));
        return errors;
    }
}
