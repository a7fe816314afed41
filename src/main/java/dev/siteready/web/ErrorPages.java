package dev.siteready.web;

import dev.siteready.database.ConstraintViolations;
import dev.siteready.database.DatabaseUnavailable;
import dev.siteready.database.RequestCommits;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Map;
import java.util.UUID;

/**
 * Error responses: a page in the layout for people, JSON for /api. Never a stack trace; an unexpected
 * error gets a reference that is also in the log.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message, String reference);

        static native TemplateInstance notice(String title, String message);

        static native TemplateInstance unavailable(String saved, int retryAfter);
    }

    /** Seconds a client is asked to wait (Retry-After) when the database cannot be reached. */
    static final int RETRY_AFTER_SECONDS = 10;

    public record ApiError(int status, String error, String message) {
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, ContainerRequestContext request) {
        return respond(request, 404, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return respond(request, 403, null);
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response conflict(RuntimeException e, ContainerRequestContext request) {
        return respond(request, 409, null);
    }

    @ServerExceptionMapper
    public Response invalid(ValidationException e, ContainerRequestContext request) {
        return respond(request, 400, null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, ContainerRequestContext request) {
        if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json && isApi(request)) {
            return badJson(json, request); // Quarkus REST wraps the reader's error; name the field
        }
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        return respond(request, status, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, ContainerRequestContext request) {
        if (DatabaseUnavailable.causedBy(e)) {
            return unavailable(e, request);
        }
        if (staleAtCommit(e)) {
            // Two saves of the same version passed their checks at once; the version column stopped the second at commit.
            LOG.infof("Concurrent change refused at commit on %s %s", request.getMethod(), loggable(request));
            return respond(request, 409, null);
        }
        if (ConstraintViolations.any(e)) {
            // A unique, foreign-key or check constraint stopped a change that raced another one.
            LOG.infof("Conflicting change refused by the database on %s %s: %s", request.getMethod(),
                    loggable(request), LogRedaction.redact(e.getMessage()));
            return respond(request, 409, null);
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected error %s on %s %s", reference, request.getMethod(), loggable(request));
        return respond(request, 500, reference);
    }

    /**
     * PostgreSQL cannot be reached: 503 with Retry-After, saying whether the request's change was saved. Rendered without
     * the signed-in member (the layout reads it, and reading it may need the database), so it works whatever failed.
     */
    static Response unavailable(Exception e, ContainerRequestContext request) {
        String saved = savedText(request.getMethod(), DatabaseUnavailable.duringCommit(e) || RequestCommits.any());
        LOG.warnf("Database unavailable on %s %s: %s", request.getMethod(), loggable(request), LogRedaction.redact(rootMessage(e)));
        Response.ResponseBuilder response = Response.status(503).header("Retry-After", RETRY_AFTER_SECONDS)
                .header("Cache-Control", "no-store");
        if (isApi(request)) {
            return response.type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError(503, "Database unavailable", "SiteReady can't reach its database. " + saved
                            + " Try again in " + RETRY_AFTER_SECONDS + " seconds."))
                    .build();
        }
        return response.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.unavailable(saved, RETRY_AFTER_SECONDS).render()).build();
    }

    static String savedText(String method, boolean duringCommit) {
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return "Nothing was changed.";
        }
        return duringCommit
                ? "Your last change may or may not have been saved, in part or in full: the database went away while saving it. Check it once SiteReady is back."
                : "Your last change was not saved: nothing of it was written. Make it again once SiteReady is back.";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static boolean staleAtCommit(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /** Gives bodiless error responses (e.g. a refused CSRF token, 405, 415) the same page or JSON. */
    @ServerResponseFilter
    public void fillEmptyErrors(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400 && !response.hasEntity() && response.getStatus() != 401) {
            Response filled = respond(request, response.getStatus(), null);
            response.setEntity(filled.getEntity(), null, filled.getMediaType());
        }
    }

    static Response respond(ContainerRequestContext request, int status, String reference) {
        String[] text = describe(status);
        if (isApi(request)) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError(status, text[0], text[1])).build();
        }
        if ((status == 400 || status == 409) && "true".equals(request.getHeaderString("HX-Request"))) {
            // htmx swaps these statuses into the form's target: a whole page would land inside the card. The message
            // goes to the alert region instead, and the form keeps what was typed.
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("HX-Retarget", "#request-error").header("HX-Reswap", "outerHTML")
                    .entity(Templates.notice(text[0], text[1]).render()).build();
        }
        String html = Templates.error(status, text[0], text[1], reference).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    /** Malformed or mistyped JSON on the API: a 400 naming the field, like other validation errors. */
    @ServerExceptionMapper
    public Response badJson(com.fasterxml.jackson.core.JsonProcessingException e, ContainerRequestContext request) {
        String field = "body";
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (var ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            field = path.length() == 0 ? "body" : path.toString();
        }
        String message = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException
                ? "This value has the wrong type." : "This is not valid JSON.";
        return ApiValidationError.of(Map.of(field, message));
    }

    /** Quarkus has its own mapper for this exact type; this one answers in the API's shape instead. */
    @ServerExceptionMapper
    public Response mistypedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e, ContainerRequestContext request) {
        return badJson(e, request);
    }

    /** The request path for the log, with any secret left out (partner and invitation links): see {@link LogRedaction}. */
    static String loggable(ContainerRequestContext request) {
        return LogRedaction.redact(request.getUriInfo().getPath());
    }

    static boolean isApi(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static final Map<Integer, String[]> TEXTS = Map.of(
            400, new String[] { "The request could not be used",
                    "Something in the request was missing or not valid. If you submitted a form, go back, reload the page and try again (forms expire after a while)." },
            403, new String[] { "Not allowed",
                    "Your role in this workspace does not allow this. Ask an owner of the workspace if you need it." },
            404, new String[] { "Not found",
                    "There is nothing here. It may have been removed, or the link may be wrong or belong to another workspace." },
            405, new String[] { "Not allowed here", "This address does not accept that kind of request." },
            409, new String[] { "Changed by someone else",
                    "This conflicts with a change saved at the same moment, or with data that exists already. Reload the page to see the current version, then make your change again." },
            412, new String[] { "Changed since you read it",
                    "This was changed after you read it, so your change was not saved: the If-Match header does not name its current ETag. Read it again (GET) for the current version and ETag, apply your change to that, and send it with the new ETag." },
            413, new String[] { "Too large", "What you sent is larger than SiteReady accepts." },
            415, new String[] { "Unsupported format", "This address does not accept content in that format." },
            500, new String[] { "Something went wrong on our side",
                    "The error has been logged. Try again; if it keeps happening, send the reference below to your administrator." });

    private static String[] describe(int status) {
        String[] text = TEXTS.get(status);
        return text != null ? text : new String[] { "Request failed (" + status + ")", "The request could not be completed." };
    }
}
