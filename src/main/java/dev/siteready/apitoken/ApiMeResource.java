package dev.siteready.apitoken;

import dev.siteready.account.MemberRole;
import dev.siteready.account.MemberSessions;
import dev.siteready.tenant.TenantContext;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/** Who is calling: the workspace and the name of the token used. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
public class ApiMeResource {

    public record WorkspaceRef(UUID id, String name) {
    }

    /** The token's name and the rights it acts with now ("manager" or "viewer"). */
    public record TokenRef(String name, String role) {
    }

    public record Me(WorkspaceRef workspace, TokenRef token) {
    }

    @Inject
    SecurityIdentity identity;

    @GET
    public Me me() {
        return new Me(new WorkspaceRef(identity.getAttribute(TenantContext.WORKSPACE_ATTRIBUTE),
                identity.getAttribute(MemberSessions.WORKSPACE_NAME_ATTRIBUTE)),
                new TokenRef(identity.getAttribute(ApiTokenIdentityProvider.TOKEN_NAME_ATTRIBUTE),
                        identity.hasRole(MemberRole.MANAGER_ROLE) ? MemberRole.MANAGER_ROLE : MemberRole.VIEWER_ROLE));
    }
}
