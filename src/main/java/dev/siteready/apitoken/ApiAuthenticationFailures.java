package dev.siteready.apitoken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A missing, unknown or revoked token on /api/* answers 401 with a JSON body like every other API error
 * (authentication runs before Quarkus REST, so its exception mappers do not see these failures).
 */
@ApplicationScoped
class ApiAuthenticationFailures {

    void register(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).failureHandler(context -> {
            Throwable failure = context.failure();
            if ((failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException)
                    && !context.response().headWritten()) {
                context.response().setStatusCode(401)
                        .putHeader("Content-Type", "application/json")
                        .putHeader("WWW-Authenticate", "Bearer realm=\"SiteReady API\"")
                        .end(new JsonObject().put("status", 401).put("error", "Unauthorized")
                                .put("message", "Send a valid workspace API token: Authorization: Bearer <token>.")
                                .encode());
            } else {
                context.next();
            }
        });
    }
}
