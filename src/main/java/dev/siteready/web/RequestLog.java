package dev.siteready.web;

import dev.siteready.tenant.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One log line per request, for operators: its id, method, route template (never the address itself, which can carry a
 * link's secret or an id), status, duration and workspace. The id comes from the proxy's {@code X-Request-Id} when it
 * is a plain token (nginx's {@code $request_id}), else it is made here; it is sent back as {@code X-Request-Id} and
 * put in the logging context ({@code %X{request}}), so every line a request causes (a slow statement, an error) names
 * it. Format: {@code request=ID GET /sites/{id} 200 12.3 ms workspace=UUID}.
 */
@ApplicationScoped
public class RequestLog {

    static final Logger LOG = Logger.getLogger("siteready.request");
    public static final String HEADER = "X-Request-Id";
    /** The MDC key, and the routing context key, of the request id. */
    public static final String ID = "request";
    /** Where Quarkus REST leaves the matched route template (also what the request metrics are tagged with). */
    private static final String ROUTE_TEMPLATE = "UrlPathTemplate";
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @ConfigProperty(name = "siteready.request-log", defaultValue = "true")
    boolean enabled;

    @Inject
    MeterRegistry registry;

    void register(@Observes Router router) {
        // Before every other handler (CSRF, security): the duration covers them, and their lines carry the id.
        router.route().order(Integer.MIN_VALUE).handler(this::begin);
    }

    void begin(RoutingContext routing) {
        String incoming = routing.request().getHeader(HEADER);
        String id = incoming != null && PLAIN_ID.matcher(incoming).matches() ? incoming : newId();
        routing.put(ID, id);
        routing.response().putHeader(HEADER, id);
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            MDC.put(ID, "request=" + id + " ");
        }
        long start = System.nanoTime();
        routing.addEndHandler(done -> end(routing, context, id, start, done.succeeded()));
        routing.next();
    }

    /**
     * Once Quarkus REST has matched the route, every further line of the request (a slow statement, say) names it too.
     */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public void nameRoute(RoutingContext routing) {
        Context context = Vertx.currentContext();
        Object id = routing.get(ID);
        if (context != null && id != null && VertxContext.isDuplicatedContext(context)) {
            MDC.put(ID, "request=" + id + " route=" + route(routing, context) + " ");
        }
    }

    private void end(RoutingContext routing, Context context, String id, long start, boolean sent) {
        long nanos = System.nanoTime() - start;
        String route = route(routing, context);
        String method = METHODS.contains(routing.request().method().name()) ? routing.request().method().name() : "OTHER";
        // A connection closed before the response was sent ends the request too; its status would read 200.
        String status = sent ? String.valueOf(routing.response().getStatusCode()) : "closed";
        // Quarkus' own http_server_requests names a redirect from an address without parameters "REDIRECTION" and the
        // home page "root"; this timer names every request by its route, redirects after a form post included.
        Timer.builder("siteready.requests")
                .description("Requests per route template, method and status, as in the request log")
                .tag("method", method).tag("route", route).tag("status", status)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        if (enabled) {
            line(context, id, method, route, status, nanos / 1_000_000.0);
        }
    }

    private void line(Context context, String id, String method, String route, String status, double millis) {
        Object workspace = context == null ? null : context.getLocal(TenantContext.WORKSPACE_LOG_KEY);
        Context current = Vertx.currentContext();
        if (current != null && VertxContext.isDuplicatedContext(current)) {
            // The id is in the logging context (%X{request} in the line format), as on every line this request causes;
            // the line names its route itself.
            MDC.put(ID, "request=" + id + " ");
            LOG.infof("%s %s %s %.1f ms workspace=%s", method, route, status, millis, workspace == null ? "-" : workspace);
        } else {
            // Not on a request's context: a value put in the MDC here would stay on this thread (a thread-local).
            LOG.infof("request=%s %s %s %s %.1f ms workspace=%s", id, method, route, status, millis,
                    workspace == null ? "-" : workspace);
        }
    }

    /** Addresses served outside Quarkus REST, named as they are; any other unmatched address is "(no route)". */
    private static final Set<String> KNOWN_PATHS = Set.of("/j_security_check", "/favicon.ico",
            "/q/health", "/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS");

    /**
     * The route template; for what no resource matched, one of a few fixed names. Never the address itself (it can
     * carry an id or a link's secret), and a bounded set of values, as the metrics' tags must be.
     */
    static String route(RoutingContext routing, Context context) {
        Object template = context == null ? null : context.getLocal(ROUTE_TEMPLATE);
        if (template != null) {
            return template.toString();
        }
        String path = routing.normalizedPath();
        if (path.startsWith("/static/")) {
            return "/static/*";
        }
        if (path.startsWith("/webjars/")) {
            return "/webjars/*";
        }
        if (KNOWN_PATHS.contains(path)) {
            return path;
        }
        return "(no route)";
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
