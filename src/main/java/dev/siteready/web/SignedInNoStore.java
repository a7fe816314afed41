package dev.siteready.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every answer to a signed-in member (pages, fragments, downloads, errors) or to an API token carries workspace
 * data: {@code Cache-Control: no-store}, so neither the browser (back button after sign-out on a shared computer)
 * nor a proxy keeps a copy. Public pages and static files (served outside Quarkus REST) keep their caching.
 */
public class SignedInNoStore {

    @Inject
    SecurityIdentity identity;

    @ServerResponseFilter
    public void noStore(ContainerResponseContext response) {
        if ("no-store".equals(response.getHeaderString("Cache-Control"))) {
            // Set already; among them the 503 of an unreachable database, where reading the identity would fail again.
            return;
        }
        if (identity != null && !identity.isAnonymous()) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
