package dev.siteready.tenant;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The workspace the current request works in. {@link WorkspaceRequestFilter} takes it from the signed-in
 * member or API token before any resource method runs; the few flows that start before anyone is signed
 * in (sign-up, accepting an invitation, demo data) set it explicitly.
 *
 * <p>Both Hibernate's tenant filter and the database setting {@code app.workspace_id} read it, so a
 * request without a workspace sees no tenant rows at all. It must be set before the request's first
 * query: both readers fix the workspace when the Hibernate session and the connection are opened.
 */
@RequestScoped
public class TenantContext {

    public static final String WORKSPACE_ATTRIBUTE = "siteready.workspace";
    /** Where the request's log line finds the workspace: a local of the request's Vert.x context. */
    public static final String WORKSPACE_LOG_KEY = "siteready.workspace";

    private UUID workspaceId;

    public Optional<UUID> workspaceId() {
        return Optional.ofNullable(workspaceId);
    }

    public UUID requireWorkspaceId() {
        return workspaceId().orElseThrow(() -> new IllegalStateException("No workspace in this request"));
    }

    /** Works in the given workspace for the rest of this request. */
    public void use(UUID workspaceId) {
        if (this.workspaceId != null && !this.workspaceId.equals(workspaceId)) {
            throw new IllegalStateException("A request cannot switch workspaces");
        }
        this.workspaceId = workspaceId;
        io.vertx.core.Context request = io.vertx.core.Vertx.currentContext();
        if (request != null && io.smallrye.common.vertx.VertxContext.isDuplicatedContext(request)) {
            request.putLocal(WORKSPACE_LOG_KEY, workspaceId.toString()); // for the request's log line (web/RequestLog)
        }
    }

    /** The workspace of the current request, or empty where no request context is active. */
    public static Optional<UUID> current() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return Optional.empty();
        }
        return Arc.container().instance(TenantContext.class).get().workspaceId();
    }

    /**
     * Runs work with a request context of its own (and so a workspace and Hibernate session of its own),
     * ended afterwards. Authentication runs before the HTTP request's context exists.
     */
    public static <T> T inRequestContext(Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) {
            return work.get();
        }
        requestContext.activate();
        try {
            return work.get();
        } finally {
            requestContext.terminate();
        }
    }
}
