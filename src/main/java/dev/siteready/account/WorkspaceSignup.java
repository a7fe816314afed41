package dev.siteready.account;

import dev.siteready.tenant.TenantContext;
import dev.siteready.tenant.Workspace;
import dev.siteready.tenant.WorkspaceCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Creates a workspace with its first owner: the one write that happens before any workspace exists. */
@ApplicationScoped
public class WorkspaceSignup {

    /** The e-mail belongs to an account already (checked first, and again by the unique index). */
    public static class EmailTaken extends RuntimeException {
        EmailTaken() {
            super("e-mail already registered");
        }
    }

    public record Created(UUID workspaceId, UUID memberId) {
    }

    @Inject
    TenantContext tenant;

    @Inject
    AccountLookups lookups;

    @Inject
    Event<WorkspaceCreated> workspaceCreated;

    /** Must be the first database work of its request: it fixes the request's workspace to the new one. */
    public Created create(String workspaceName, String ownerName, String email, String password) {
        if (lookups.emailRegistered(email.trim())) {
            throw new EmailTaken();
        }
        String hash = Passwords.hash(password);
        UUID workspaceId = UUID.randomUUID();
        tenant.use(workspaceId);
        try {
            return insert(workspaceId, workspaceName.trim(), ownerName.trim(), email.trim(), hash);
        } catch (PersistenceException e) {
            if (Member.isEmailConflict(e)) {
                throw new EmailTaken();
            }
            throw e;
        }
    }

    @Transactional
    Created insert(UUID workspaceId, String workspaceName, String ownerName, String email, String hash) {
        Workspace workspace = new Workspace();
        workspace.id = workspaceId;
        workspace.name = workspaceName;
        workspace.persist();
        Member owner = new Member();
        owner.email = email;
        owner.displayName = ownerName;
        owner.passwordHash = hash;
        owner.role = MemberRole.OWNER;
        owner.persist();
        Member.flush();
        workspaceCreated.fire(new WorkspaceCreated(workspaceId));
        return new Created(workspaceId, owner.id);
    }
}
