package dev.siteready.account;

import dev.siteready.web.CsrfCookies;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.UUID;

/**
 * Signs a member in right after sign-up, accepting an invitation or changing the password, by issuing the same
 * encrypted cookie that Quarkus form authentication issues at /j_security_check (same key and settings), and
 * signs out by clearing it. The cookie is new at every sign-in; no session id exists before it, so none can be
 * fixed. Every sign-in also drops the CSRF cookie, so the first page after it issues a new token
 * ({@link CsrfCookies}).
 */
@ApplicationScoped
public class SessionCookies {

    private final PersistentLoginManager manager;
    private final String cookieName;
    private final String cookiePath;

    SessionCookies(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") String key,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential") String cookieName,
            @ConfigProperty(name = "quarkus.http.auth.form.timeout") Duration timeout,
            @ConfigProperty(name = "quarkus.http.auth.form.new-cookie-interval", defaultValue = "1M") Duration newCookieInterval,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-same-site") String sameSite,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-path", defaultValue = "/") String cookiePath) {
        this.cookieName = cookieName;
        this.cookiePath = cookiePath;
        this.manager = new PersistentLoginManager(key, cookieName, timeout.toMillis(), newCookieInterval.toMillis(), true,
                sameSite.toUpperCase(java.util.Locale.ROOT), cookiePath, -1, null);
    }

    public void signIn(RoutingContext routing, UUID workspaceId, UUID memberId, long sessionGeneration) {
        manager.save(MemberSessions.principal(workspaceId, memberId, sessionGeneration), routing, cookieName, null,
                routing.request().isSSL());
        CsrfCookies.renew(routing);
    }

    public void signOut(RoutingContext routing) {
        routing.response().addCookie(Cookie.cookie(cookieName, "").setPath(cookiePath).setMaxAge(0).setHttpOnly(true));
    }
}
