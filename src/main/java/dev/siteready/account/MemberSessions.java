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
 * one workspace. The session cookie holds only "workspaceId:memberId", encrypted by Quarkus; the member is
 * loaded again on every request, so a removed member or a changed role takes effect at once.
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
        if (throttle.isLocked(email)) {
            return new SignIn(Outcome.LOCKED, null);
        }
        Optional<AccountLookups.LoginCandidate> candidate = lookups.loginCandidate(email.trim());
        if (candidate.isEmpty()) {
            Passwords.burnCheck();
            throttle.recordFailure(email);
            return new SignIn(Outcome.WRONG_CREDENTIALS, null);
        }
        if (!Passwords.matches(password, candidate.get().passwordHash())) {
            throttle.recordFailure(email);
            return new SignIn(Outcome.WRONG_CREDENTIALS, null);
        }
        throttle.clear(email);
        SecurityIdentity identity = restore(candidate.get().workspaceId(), candidate.get().memberId());
        return new SignIn(identity == null ? Outcome.WRONG_CREDENTIALS : Outcome.SIGNED_IN, identity);
    }

    /** The identity for a session cookie's principal, or null when the member no longer exists. */
    public SecurityIdentity restore(String principal) {
        int colon = principal == null ? -1 : principal.indexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            return restore(UUID.fromString(principal.substring(0, colon)),
                    UUID.fromString(principal.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private SecurityIdentity restore(UUID workspaceId, UUID memberId) {
        tenant.use(workspaceId);
        return QuarkusTransaction.requiringNew().call(() -> {
            Member member = Member.findById(memberId);
            Workspace workspace = Workspace.findById(workspaceId);
            if (member == null || workspace == null) {
                return null;
            }
            return identity(member, workspace);
        });
    }

    public static String principal(UUID workspaceId, UUID memberId) {
        return workspaceId + ":" + memberId;
    }

    static SecurityIdentity identity(Member member, Workspace workspace) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principal(workspace.id, member.id)))
                .addRole(member.role.securityRole())
                .addAttribute(TenantContext.WORKSPACE_ATTRIBUTE, workspace.id)
                .addAttribute(WORKSPACE_NAME_ATTRIBUTE, workspace.name)
                .addAttribute(MEMBER_ATTRIBUTE, member.id)
                .addAttribute(NAME_ATTRIBUTE, member.displayName)
                .addAttribute(EMAIL_ATTRIBUTE, member.email)
                .build();
    }
}
