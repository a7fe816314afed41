package dev.siteready.account;

import dev.siteready.tenant.TenantContext;
import dev.siteready.tenant.Workspace;
import dev.siteready.web.PlainText;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    /** Loads the member (and checks the cookie's generation, when given) in the same query as always. */
    private SecurityIdentity restore(UUID workspaceId, UUID memberId, Long generation) {
        tenant.use(workspaceId);
        return QuarkusTransaction.requiringNew().call(() -> {
            Member member = Member.findById(memberId);
            Workspace workspace = Workspace.findById(workspaceId);
            if (member == null || workspace == null
                    || (generation != null && generation != member.sessionGeneration)) {
                return null;
            }
            return identity(member, workspace);
        });
    }

    /** What the session cookie holds: Quarkus writes the identity's principal name into it. */
    public static String principal(UUID workspaceId, UUID memberId, long sessionGeneration) {
        return workspaceId + ":" + memberId + ":" + sessionGeneration;
    }

    static SecurityIdentity identity(Member member, Workspace workspace) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principal(workspace.id, member.id, member.sessionGeneration)))
                .addRole(member.role.securityRole())
                .addAttribute(TenantContext.WORKSPACE_ATTRIBUTE, workspace.id)
                .addAttribute(WORKSPACE_NAME_ATTRIBUTE, workspace.name)
                .addAttribute(MEMBER_ATTRIBUTE, member.id)
                .addAttribute(NAME_ATTRIBUTE, member.displayName)
                .addAttribute(EMAIL_ATTRIBUTE, member.email)
                .build();
    }
}
