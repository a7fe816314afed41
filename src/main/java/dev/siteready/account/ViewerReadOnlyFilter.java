package dev.siteready.account;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * Viewers change nothing: every request that could change data (anything but GET, HEAD and OPTIONS) from
 * a viewer is refused here, whatever the endpoint, before any resource runs. Endpoints also declare
 * {@code @RolesAllowed}; this filter makes a forgotten annotation fail safe. Signing out and changing one's own
 * password are theirs to do.
 */
public class ViewerReadOnlyFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> ALLOWED_FOR_VIEWERS = Set.of("/logout", "/settings/password");

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHORIZATION - 10)
    public void refuseViewerWrites(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod()) || identity == null || identity.isAnonymous()) {
            return;
        }
        if (identity.hasRole(MemberRole.VIEWER_ROLE) && !ALLOWED_FOR_VIEWERS.contains(request.getUriInfo().getPath())) {
            throw new ForbiddenException("Viewers cannot change anything");
        }
    }
}
