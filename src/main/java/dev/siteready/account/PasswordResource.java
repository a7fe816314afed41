package dev.siteready.account;

import dev.siteready.tenant.TenantContext;
import dev.siteready.web.Flash;
import dev.siteready.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/**
 * A member changes their own password. Every other session of theirs ends (the session generation moves on);
 * this browser gets a new cookie and stays signed in. Wrong current passwords count towards the sign-in
 * throttle, so a borrowed session cannot be used to guess the password.
 */
@Path("/settings/password")
@Produces(MediaType.TEXT_HTML)
public class PasswordResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance password(FormErrors errors);
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    LoginThrottle throttle;

    @Inject
    SessionCookies sessionCookies;

    @Inject
    RoutingContext routing;

    @Inject
    Validator validator;

    @GET
    public TemplateInstance form() {
        return Templates.password(FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response change(@BeanParam PasswordForm form) {
        Member member = Member.findById(identity.<UUID>getAttribute(MemberSessions.MEMBER_ATTRIBUTE));
        if (member == null) {
            throw new NotFoundException();
        }
        FormErrors errors = FormErrors.of(validator.validate(form));
        if (throttle.isLocked(member.email)) {
            errors.add("currentPassword", "Too many wrong passwords. Try again later.");
        } else if (form.currentPassword() == null || !Passwords.matches(form.currentPassword(), member.passwordHash)) {
            throttle.recordFailure(member.email);
            errors.add("currentPassword", "This is not your current password.");
        }
        String problem = Passwords.problem(form.newPassword(), member.email, member.displayName);
        if (problem == null && form.newPassword().equals(form.currentPassword())) {
            problem = "Choose a password different from your current one.";
        }
        if (problem != null) {
            errors.add("newPassword", problem);
        }
        if (errors.any()) {
            return Response.status(400).entity(Templates.password(errors)).build();
        }
        throttle.clear(member.email);
        member.changePassword(Passwords.hash(form.newPassword()));
        sessionCookies.signIn(routing, identity.getAttribute(TenantContext.WORKSPACE_ATTRIBUTE), member.id,
                member.sessionGeneration);
        return Flash.seeOther("/settings/password",
                "Your password is changed. You are still signed in here; every other session was signed out.");
    }
}
