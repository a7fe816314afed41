package dev.siteready.apitoken;

import dev.siteready.tenant.OutsideWorkspaceQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;

/** Finds the workspace of a bearer token before the workspace is known (function api_token_lookup). */
@ApplicationScoped
class ApiTokenLookups {

    public record TokenOwner(UUID workspaceId, UUID tokenId) {
    }

    @Inject
    OutsideWorkspaceQueries queries;

    public Optional<TokenOwner> activeToken(String tokenHash) {
        return queries.first("SELECT workspace_id, token_id FROM api_token_lookup(?)",
                rs -> new TokenOwner(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), tokenHash);
    }
}
