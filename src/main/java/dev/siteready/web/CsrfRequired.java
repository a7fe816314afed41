package dev.siteready.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * Every state-changing request to a page must carry a CSRF token, whatever its content type.
 * quarkus-rest-csrf checks the token in the X-CSRF-TOKEN header when that header is present, and
 * otherwise in the form field of form posts; with require-form-url-encoded=false (needed so that the
 * token-authenticated JSON API can accept JSON) it lets other content types through unchecked, e.g. a
 * cross-site {@code <form enctype="text/plain">}. This filter refuses exactly those: an unsafe request to
 * a page must be a form post or carry the header, so the CSRF filter always checks a token (it does
 * whichever filter runs first). /api/* is exempt: it accepts only bearer tokens, never the session cookie.
 */
public class CsrfRequired {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter
    public void requireCheckableToken(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod()) || ErrorPages.isApi(request)) {
            return;
        }
        if (request.getHeaderString("X-CSRF-TOKEN") != null) {
            return;
        }
        MediaType type = request.getMediaType();
        boolean form = type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
        if (!form) {
            throw new BadRequestException("A form post or an X-CSRF-TOKEN header is required");
        }
    }
}
