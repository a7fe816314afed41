package dev.siteready.tenant;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.UUID;

/** Puts the signed-in member's or API token's workspace into the request before any resource runs. */
public class WorkspaceRequestFilter {

    @Inject
    SecurityIdentity identity;

    @Inject
    TenantContext tenant;

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION + 10)
    public void useIdentityWorkspace() {
        if (identity != null && !identity.isAnonymous()) {
            UUID workspace = identity.getAttribute(TenantContext.WORKSPACE_ATTRIBUTE);
            if (workspace != null) {
                tenant.use(workspace);
            }
        }
    }
}
