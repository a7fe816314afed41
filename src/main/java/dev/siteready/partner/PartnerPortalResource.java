package dev.siteready.partner;

import dev.siteready.scoping.AnswerPost;
import dev.siteready.scoping.AnswerSubmissions;
import dev.siteready.scoping.Cards;
import dev.siteready.scoping.Questionnaire;
import dev.siteready.tenant.TenantContext;
import dev.siteready.web.Flash;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * What a partner sees: one questionnaire, reached through a link and answered without an account. The
 * link's secret is traded for a cookie on the first visit and never appears in a page or later URL.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PartnerPortalResource {

    /** The page's state after a first submit with required questions open: they are listed, to answer or submit anyway. */
    private static final String BEFORE_SUBMIT = "check";

    /** A partner's request, resolved: the link and its questionnaire, in the link's workspace. */
    private record Visit(PartnerLink link, Questionnaire questionnaire) {
    }

    @Inject
    PartnerLinks links;

    @Inject
    Clock clock;

    @Inject
    PartnerCookie cookies;

    @Inject
    LinkThrottle throttle;

    @Inject
    TenantContext tenant;

    @Inject
    PartnerPortalPages pages;

    @Inject
    AnswerSubmissions submissions;

    @Inject
    RoutingContext routing;

    /** The link from the e-mail: checks it, sets the cookie and moves on to a URL without the secret. */
    @GET
    @Path("p/{token}")
    @Transactional
    public Response open(@RestPath String token) {
        if (!throttle.allow(ClientAddress.network(routing))) {
            return Response.status(429).header("Retry-After", "60").build();
        }
        Optional<PartnerLinks.Found> found = links.lookup(token);
        if (found.isEmpty() || !useWorkspace(found.get().claim().workspaceId())) {
            return invalid();
        }
        PartnerLink link = PartnerLink.findById(found.get().claim().linkId());
        if (link == null || !link.isActive()) { // the lookup asked the database's clock; the app's decides too
            return invalid();
        }
        links.log(link, ClientAddress.network(routing), "Opened the link");
        return Response.seeOther(URI.create(found.get().path()))
                .cookie(cookies.issue(found.get().claim(), link.expiresAt, found.get().path())).build();
    }

    @GET
    @Path("partner/{questionnaireId}")
    @Transactional
    public Response show(@RestPath UUID questionnaireId, @CookieParam(PartnerCookie.NAME) String cookie,
            @RestQuery String submit) {
        Optional<Visit> visit = visit(questionnaireId, cookie);
        if (visit.isEmpty()) {
            return invalid(questionnaireId);
        }
        return Response.ok(pages.portal(visit.get().link(), BEFORE_SUBMIT.equals(submit))).build();
    }

    @POST
    @Path("partner/{questionnaireId}/answers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response answer(@RestPath UUID questionnaireId, @CookieParam(PartnerCookie.NAME) String cookie,
            MultivaluedMap<String, String> form, @HeaderParam("HX-Request") boolean htmx) {
        Optional<Visit> visit = visit(questionnaireId, cookie);
        if (visit.isEmpty()) {
            return invalid(questionnaireId);
        }
        AnswerSubmissions.Reply reply = submissions.answer(visit.get().questionnaire(), pages.viewer(visit.get().link()), AnswerPost.of(form),
                author(visit.get()));
        if (reply.ok()) {
            links.log(visit.get().link(), ClientAddress.network(routing), "Answered: " + reply.card().title());
        }
        return respond(visit.get(), reply, htmx);
    }

    @POST
    @Path("partner/{questionnaireId}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response comment(@RestPath UUID questionnaireId, @CookieParam(PartnerCookie.NAME) String cookie,
            MultivaluedMap<String, String> form, @HeaderParam("HX-Request") boolean htmx) {
        Optional<Visit> visit = visit(questionnaireId, cookie);
        if (visit.isEmpty()) {
            return invalid(questionnaireId);
        }
        AnswerSubmissions.Reply reply = submissions.comment(visit.get().questionnaire(), pages.viewer(visit.get().link()), AnswerPost.of(form),
                author(visit.get()));
        if (reply.ok()) {
            links.log(visit.get().link(), ClientAddress.network(routing), "Commented on: " + reply.card().title());
        }
        return respond(visit.get(), reply, htmx);
    }

    @POST
    @Path("partner/{questionnaireId}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response submit(@RestPath UUID questionnaireId, @CookieParam(PartnerCookie.NAME) String cookie,
            @RestForm String confirm) {
        Optional<Visit> visit = visit(questionnaireId, cookie);
        if (visit.isEmpty()) {
            return invalid(questionnaireId);
        }
        Questionnaire questionnaire = visit.get().questionnaire();
        String page = PartnerCookie.path(questionnaireId);
        if (!"true".equals(confirm) && !questionnaire.status.isLocked() && !pages.openRequired(visit.get().link()).isEmpty()) {
            // a plain redirect, so that it works without JavaScript and a reload does not post again
            return Response.seeOther(URI.create(page + "?submit=" + BEFORE_SUBMIT + "#submit")).build();
        }
        if (!questionnaire.submitByPartner(OffsetDateTime.now(clock))) {
            return Flash.seeOtherWithError(page, "The questionnaire has been reviewed and locked already.");
        }
        links.log(visit.get().link(), ClientAddress.network(routing), "Submitted the questionnaire for review");
        return Flash.seeOther(page, "Thank you: your answers were submitted for review. You can still change them until they are locked.");
    }

    /** Partner pages are private working pages: never indexed, never cached, never sent as a referrer. */
    @ServerResponseFilter
    public void privatePages(jakarta.ws.rs.container.ContainerRequestContext request,
            jakarta.ws.rs.container.ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/p/") || path.startsWith("/partner/")) { // questionnaires and sign-offs alike
            response.getHeaders().putSingle("X-Robots-Tag", "noindex, nofollow");
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }

    private Response respond(Visit visit, AnswerSubmissions.Reply reply, boolean htmx) {
        if (htmx) {
            return Response.status(reply.status()).entity(Cards.saved(reply)).build();
        }
        if (reply.ok()) {
            return Flash.seeOther(PartnerCookie.path(visit.questionnaire().id) + "#" + reply.card().id(), reply.message());
        }
        return Response.status(reply.status()).entity(pages.portal(visit.link(), reply.view())).build();
    }

    /**
     * The visit a cookie stands for, if it is valid for this questionnaire and its link is still active.
     * Unknown, tampered, expired and revoked all look the same to the partner.
     */
    private Optional<Visit> visit(UUID questionnaireId, String cookie) {
        Optional<PartnerCookie.Claim> claim = cookies.read(cookie, questionnaireId);
        if (claim.isEmpty() || !useWorkspace(claim.get().workspaceId())) {
            return Optional.empty();
        }
        PartnerLink link = PartnerLink.withQuestionnaire(claim.get().linkId(), questionnaireId);
        if (link == null || !link.isActive()) {
            return Optional.empty();
        }
        return Optional.of(new Visit(link, link.questionnaire));
    }

    private boolean useWorkspace(UUID workspaceId) {
        return links.useWorkspace(workspaceId);
    }

    private static AnswerSubmissions.Author author(Visit visit) {
        return new AnswerSubmissions.Author(visit.link().label + " (partner link)", true);
    }

    private Response invalid() {
        return InvalidLinks.page(tenant.workspaceId().isPresent());
    }

    private Response invalid(UUID questionnaireId) {
        return InvalidLinks.clearing(cookies.clear(PartnerCookie.path(questionnaireId)));
    }
}
