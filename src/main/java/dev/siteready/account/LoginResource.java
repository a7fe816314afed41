package dev.siteready.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.UUID;

/** The sign-in page (its form posts to Quarkus' /j_security_check) and sign-out (of all the member's sessions). */
@Path("/")
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, boolean signedOut, int maxFailures, int lockMinutes);
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    SessionCookies sessionCookies;

    @Inject
    RoutingContext routing;

    @ConfigProperty(name = "siteready.login.max-failures")
    int maxFailures;

    @ConfigProperty(name = "siteready.login.lock-minutes")
    int lockMinutes;

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@RestQuery String error, @RestQuery("signedout") String signedOut) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/")).build();
        }
        TemplateInstance page = Templates.login(error != null, signedOut != null, maxFailures, lockMinutes);
        return Response.ok(page).build();
    }

    /** Ends every session of the member, on every device and node, not only this browser's cookie. */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response logout() {
        UUID memberId = identity.isAnonymous() ? null : identity.getAttribute(MemberSessions.MEMBER_ATTRIBUTE);
        if (memberId != null) {
            Member.endSessions(memberId);
        }
        sessionCookies.signOut(routing);
        return Response.seeOther(URI.create("/login?signedout=true")).build();
    }
}
