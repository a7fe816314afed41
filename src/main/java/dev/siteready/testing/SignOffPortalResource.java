package dev.siteready.testing;

import dev.siteready.partner.ClientAddress;
import dev.siteready.partner.InvalidLinks;
import dev.siteready.partner.PartnerCookie;
import dev.siteready.partner.PartnerLink;
import dev.siteready.partner.PartnerLinks;
import dev.siteready.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.util.Optional;
import java.util.UUID;

/**
 * What a partner sees through a sign-off link: the project's scope and test status, and a form to sign off its
 * go-live. The link works like a questionnaire link: its secret is traded for a cookie on this path, and every
 * request checks that the link is still active (expiry and revocation take effect at once).
 */
@Path("/partner/sign-off/{projectId}")
@Produces(MediaType.TEXT_HTML)
public class SignOffPortalResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signOff(SignOffPortal portal);
    }

    @Inject
    PartnerCookie cookies;

    @Inject
    PartnerLinks links;

    @Inject
    TestPlans plans;

    @Inject
    SignOffs signOffs;

    @Inject
    SignOffPortals portals;

    @Inject
    RoutingContext routing;

    @Inject
    SecurityIdentity identity;

    @GET
    @Transactional
    public Response show(@RestPath UUID projectId, @CookieParam(PartnerCookie.NAME) String cookie) {
        Optional<PartnerLink> link = link(projectId, cookie);
        if (link.isEmpty()) {
            return invalid(projectId);
        }
        TestPlan plan = plans.of(link.get().project);
        return Response.ok(Templates.signOff(portals.portal(link.get(), plan, SignOffForm.empty(""), null, memberSignedIn()))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response sign(@RestPath UUID projectId, @CookieParam(PartnerCookie.NAME) String cookie, @BeanParam SignOffForm form) {
        Optional<PartnerLink> link = link(projectId, cookie);
        if (link.isEmpty()) {
            return invalid(projectId);
        }
        TestPlan plan = plans.of(link.get().project);
        Outcome outcome = signOffs.signForPartner(plan, form, link.get(), ClientAddress.network(routing), memberSignedIn());
        if (outcome.refused()) {
            return Response.status(outcome.status()).entity(Templates.signOff(portals.portal(link.get(), plan, form,
                    outcome.problem(), memberSignedIn()))).build();
        }
        return Flash.seeOther(PartnerLink.Purpose.SIGN_OFF.path(projectId), outcome.message());
    }

    /** The link a cookie stands for, if it is valid for this project and the link is still active. */
    private Optional<PartnerLink> link(UUID projectId, String cookie) {
        return links.activeProjectLink(projectId, cookie, PartnerLink.Purpose.SIGN_OFF);
    }

    private boolean memberSignedIn() {
        return !identity.isAnonymous();
    }

    private Response invalid(UUID projectId) {
        return InvalidLinks.clearing(cookies.clear(PartnerLink.Purpose.SIGN_OFF.path(projectId)));
    }
}
