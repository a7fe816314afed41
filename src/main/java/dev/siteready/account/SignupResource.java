package dev.siteready.account;

import dev.siteready.web.Flash;
import dev.siteready.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Sign-up: creates a workspace and its owner, signs the owner in and lands on the workspace home. */
@Path("/signup")
public class SignupResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signup(SignupForm form, FormErrors errors);
    }

    @Inject
    Validator validator;

    @Inject
    WorkspaceSignup signup;

    @Inject
    SessionCookies sessionCookies;

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext routing;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response form() {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/")).build();
        }
        return Response.ok(Templates.signup(SignupForm.empty(), FormErrors.none())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@BeanParam SignupForm form) {
        if (!identity.isAnonymous()) {
            return Flash.seeOtherWithError("/", "You are signed in already. Sign out before creating another workspace.");
        }
        FormErrors errors = FormErrors.of(validator.validate(form));
        String passwordProblem = Passwords.problem(form.password(), form.email(), form.name(), form.workspaceName());
        if (passwordProblem != null) {
            errors.add("password", passwordProblem);
        }
        if (!errors.any()) {
            try {
                WorkspaceSignup.Created created = signup.create(form.workspaceName(), form.name(), form.email(),
                        form.password());
                sessionCookies.signIn(routing, created.workspaceId(), created.memberId(), 0);
                return Flash.seeOther("/", "Your workspace is ready. Welcome to SiteReady.");
            } catch (WorkspaceSignup.EmailTaken e) {
                errors.add("email", "This e-mail already has a SiteReady account. Sign in instead, or use another address.");
            }
        }
        return Response.status(400).entity(Templates.signup(form, errors)).build();
    }
}
