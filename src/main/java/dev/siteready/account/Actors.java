package dev.siteready.account;

import io.quarkus.security.identity.SecurityIdentity;

/** Who did something, in words for change logs and history: a member's name or an API token's. */
public final class Actors {

    /** Set on identities of API tokens (ApiTokenIdentityProvider). */
    public static final String TOKEN_NAME_ATTRIBUTE = "siteready.api-token-name";

    private Actors() {
    }

    public static String describe(SecurityIdentity identity) {
        String member = identity.getAttribute(MemberSessions.NAME_ATTRIBUTE);
        if (member != null) {
            return member;
        }
        String token = identity.getAttribute(TOKEN_NAME_ATTRIBUTE);
        return token != null ? "API token \"" + token + "\"" : "SiteReady";
    }
}
