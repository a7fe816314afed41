package dev.siteready.apitoken;

import dev.siteready.account.Actors;
import dev.siteready.account.Member;
import dev.siteready.account.MemberRole;
import dev.siteready.account.MemberSessions;
import dev.siteready.account.SecretTokens;
import dev.siteready.tenant.TenantContext;
import dev.siteready.tenant.Workspace;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Turns a bearer token into an identity of its workspace. A token acts with the rights its creator has
 * now, at most a manager's (it can change work but never the team): a creator demoted to viewer makes
 * the token read-only, and removing the creator deletes their tokens. Its last use is recorded at most
 * once a minute.
 */
@ApplicationScoped
class ApiTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    public static final String TOKEN_NAME_ATTRIBUTE = Actors.TOKEN_NAME_ATTRIBUTE;
    public static final String API_ROLE = "api";

    @Inject
    ApiTokenLookups lookups;

    @Inject
    Clock clock;

    @Inject
    TenantContext tenant;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> TenantContext.inRequestContext(() -> {
            SecurityIdentity identity = identify(request.getToken().getToken());
            if (identity == null) {
                throw new AuthenticationFailedException("Unknown or revoked API token");
            }
            return identity;
        }));
    }

    private SecurityIdentity identify(String token) {
        if (token.length() > 200) {
            return null;
        }
        Optional<ApiTokenLookups.TokenOwner> owner = lookups.activeToken(SecretTokens.hash(token));
        if (owner.isEmpty()) {
            return null;
        }
        tenant.use(owner.get().workspaceId());
        return QuarkusTransaction.requiringNew().call(() -> {
            ApiToken apiToken = ApiToken.findById(owner.get().tokenId());
            Workspace workspace = Workspace.findById(owner.get().workspaceId());
            Member creator = apiToken == null ? null : Member.findById(apiToken.createdBy);
            if (apiToken == null || workspace == null || creator == null || !apiToken.isActive()) {
                return null;
            }
            MemberRole role = creator.role == MemberRole.VIEWER ? MemberRole.VIEWER : MemberRole.MANAGER;
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (apiToken.lastUsedAt == null || apiToken.lastUsedAt.isBefore(now.minusMinutes(1))) {
                ApiToken.update("lastUsedAt = ?1 where id = ?2", now, apiToken.id);
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("api-token:" + apiToken.id))
                    .addRole(API_ROLE)
                    .addRole(role.securityRole())
                    .addAttribute(TenantContext.WORKSPACE_ATTRIBUTE, workspace.id)
                    .addAttribute(TOKEN_NAME_ATTRIBUTE, apiToken.name)
                    .addAttribute(MemberSessions.WORKSPACE_NAME_ATTRIBUTE, workspace.name)
                    .build();
        });
    }
}
