package dev.siteready.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CSRF cookie of quarkus-rest-csrf, which has no setting for SameSite: every response that sets it sends it
 * with {@code SameSite=Lax}, like the session cookie. At every sign-in the cookie is dropped
 * ({@link #renew}), so the first page after it issues a new token: a token known before sign-in (say, planted in
 * a shared browser) is worthless after it.
 */
@ApplicationScoped
public class CsrfCookies {

    private static final String RENEWED = "siteready.csrf-renewed";

    private final String name;
    private final String path;

    CsrfCookies(@ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String name,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-path", defaultValue = "/") String path) {
        this.name = name;
        this.path = path;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(routing -> {
            routing.addHeadersEndHandler(ignored -> sameSite(routing));
            routing.next();
        });
    }

    /** Called by every sign-in: the browser forgets its token, and the next page issues a new one. */
    public static void renew(RoutingContext routing) {
        routing.put(RENEWED, Boolean.TRUE);
    }

    private void sameSite(RoutingContext routing) {
        if (Boolean.TRUE.equals(routing.get(RENEWED))) {
            routing.response().addCookie(Cookie.cookie(name, "").setPath(path).setMaxAge(0).setHttpOnly(true));
        }
        // The request's and the response's cookies share one jar; only those set by this response are sent.
        for (Cookie cookie : routing.request().cookies(name)) {
            if (cookie instanceof ServerCookie set && set.isChanged()) {
                cookie.setSameSite(CookieSameSite.LAX);
            }
        }
    }
}
