package dev.siteready.team;

import dev.siteready.tenant.OutsideWorkspaceQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;

/** Finds the workspace of an invitation link before anyone is signed in (function invitation_lookup). */
@ApplicationScoped
public class InvitationLookups {

    @Inject
    OutsideWorkspaceQueries queries;

    /** The workspace of a pending, unexpired invitation with this token hash. */
    public Optional<UUID> workspaceOfPending(String tokenHash) {
        return queries.first("SELECT invitation_lookup(?)", rs -> rs.getObject(1, UUID.class), tokenHash);
    }
}
