package dev.siteready.account;

import dev.siteready.tenant.OutsideWorkspaceQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;

/** Lookups by e-mail before a workspace is known, through the SECURITY DEFINER functions of V1. */
@ApplicationScoped
public class AccountLookups {

    /** Who signs in with an e-mail: enough to check the password and to pick the workspace. */
    public record LoginCandidate(UUID workspaceId, UUID memberId, String passwordHash) {
    }

    @Inject
    OutsideWorkspaceQueries queries;

    public Optional<LoginCandidate> loginCandidate(String email) {
        return queries.first("SELECT workspace_id, member_id, password_hash FROM login_lookup(?)",
                rs -> new LoginCandidate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)),
                email);
    }

    public boolean emailRegistered(String email) {
        return queries.first("SELECT email_registered(?)", rs -> rs.getBoolean(1), email).orElse(false);
    }
}
