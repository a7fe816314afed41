package dev.siteready.account;

import dev.siteready.tenant.TenantContext;
import dev.siteready.web.PlainText;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a sign-in (e-mail and password) or a session cookie into a security identity for one member of
 * one workspace. The session cookie holds only "workspaceId:memberId:generation", encrypted by Quarkus; the
 * member is loaded again on every request, and the cookie counts only while the member's session generation
 * (in PostgreSQL, so on every node) is still the one it carries: sign-out, a password change or a role change
 * increments it and so ends every older session; a removed member has no row at all.
 */
@ApplicationScoped
public class MemberSessions {

    public static final String MEMBER_ATTRIBUTE = "siteready.member";
    public static final String NAME_ATTRIBUTE = "siteready.name";
    public static final String EMAIL_ATTRIBUTE = "siteready.email";
    public static final String WORKSPACE_NAME_ATTRIBUTE = "siteready.workspace-name";

    @Inject
    AccountLookups lookups;

    @Inject
    LoginThrottle throttle;

    @Inject
    TenantContext tenant;

    @Inject
    AgroalDataSource dataSource;

    public enum Outcome { SIGNED_IN, WRONG_CREDENTIALS, LOCKED }

    public record SignIn(Outcome outcome, SecurityIdentity identity) {
    }

    /** Checks an e-mail and password; must run with an active request context and no transaction. */
    public SignIn signIn(String email, String password) {
        if (email == null || email.isBlank() || email.length() > 254 || !PlainText.Validator.isPlain(email) || password == null) {
            Passwords.burnCheck();
            return new SignIn(Outcome.WRONG_CREDENTIALS, null);
        }
        // Locked or not, known or not: the same lookup and one hash check, so the answer's timing does not tell a
        // locked e-mail (and with it a registered one) from a wrong password.
        Optional<AccountLookups.LoginCandidate> candidate = lookups.loginCandidate(email.trim());
        boolean matches = candidate.isEmpty() ? Passwords.burnCheck() : Passwords.matches(password, candidate.get().passwordHash());
        if (throttle.isLocked(email)) {
            return new SignIn(Outcome.LOCKED, null);
        }
        if (!matches) {
            throttle.recordFailure(email);
            return new SignIn(Outcome.WRONG_CREDENTIALS, null);
        }
        throttle.clear(email);
        SecurityIdentity identity = restore(candidate.get().workspaceId(), candidate.get().memberId(), null);
        return new SignIn(identity == null ? Outcome.WRONG_CREDENTIALS : Outcome.SIGNED_IN, identity);
    }

    /**
     * The identity for a session cookie's principal, or null when the member no longer exists or the cookie
     * is of an older session generation (signed out, password or role changed since). A cookie from before
     * generations existed ("workspaceId:memberId") is no session either.
     */
    public SecurityIdentity restore(String principal) {
        String[] parts = principal == null ? new String[0] : principal.split(":", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            return restore(UUID.fromString(parts[0]), UUID.fromString(parts[1]), Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Loads the member and the workspace name in one statement (and checks the cookie's generation, when given).
     * Every signed-in request runs this, so it is plain SQL on a connection of its own: the workspace is named in
     * the statement and by the connection's setting (row level security), and Hibernate's per-call load plans
     * (rebuilt on every load while the tenant filter is on) are not paid for it.
     */
    private SecurityIdentity restore(UUID workspaceId, UUID memberId, Long generation) {
        tenant.use(workspaceId);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RESTORE)) {
            ps.setObject(1, workspaceId);
            ps.setObject(2, memberId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || (generation != null && generation != rs.getLong("session_generation"))) {
                    return null;
                }
                return identity(workspaceId, rs.getString("workspace_name"), memberId, MemberRole.valueOf(rs.getString("role")),
                        rs.getString("display_name"), rs.getString("email"), rs.getLong("session_generation"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load the member of a session: " + e.getMessage(), e);
        }
    }

    private static final String RESTORE = "SELECT m.role, m.display_name, m.email, m.session_generation, w.name AS workspace_name"
            + " FROM member m JOIN workspace w ON w.id = m.workspace_id WHERE m.workspace_id = ? AND m.id = ?";

    /** What the session cookie holds: Quarkus writes the identity's principal name into it. */
    public static String principal(UUID workspaceId, UUID memberId, long sessionGeneration) {
        return workspaceId + ":" + memberId + ":" + sessionGeneration;
    }

    private static SecurityIdentity identity(UUID workspaceId, String workspaceName, UUID memberId, MemberRole role,
            String displayName, String email, long sessionGeneration) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principal(workspaceId, memberId, sessionGeneration)))
                .addRole(role.securityRole())
                .addAttribute(TenantContext.WORKSPACE_ATTRIBUTE, workspaceId)
                .addAttribute(WORKSPACE_NAME_ATTRIBUTE, workspaceName)
                .addAttribute(MEMBER_ATTRIBUTE, memberId)
                .addAttribute(NAME_ATTRIBUTE, displayName)
                .addAttribute(EMAIL_ATTRIBUTE, email)
                .build();
    }
}
