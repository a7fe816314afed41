package dev.siteready.account;

import dev.siteready.web.Flash;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * What the layout shows on every page: who is signed in, in which workspace, and the one-time flash
 * message. Available in templates as {@code inject:page}. Built from the security identity, so it costs
 * no query.
 */
@Named("page")
@RequestScoped
public class PageContext {

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext routing;

    private Flash.Message flash;
    private boolean flashRead;

    public boolean signedIn() {
        return identity != null && !identity.isAnonymous() && identity.getAttribute(MemberSessions.MEMBER_ATTRIBUTE) != null;
    }

    public String memberName() {
        return signedIn() ? identity.getAttribute(MemberSessions.NAME_ATTRIBUTE) : "";
    }

    public String workspaceName() {
        return signedIn() ? identity.getAttribute(MemberSessions.WORKSPACE_NAME_ATTRIBUTE) : "";
    }

    public String roleLabel() {
        MemberRole role = role();
        return role == null ? "" : role.label;
    }

    public boolean canEdit() {
        MemberRole role = role();
        return role != null && role.canEdit();
    }

    public boolean isOwner() {
        return role() == MemberRole.OWNER;
    }

    public MemberRole role() {
        if (!signedIn()) {
            return null;
        }
        for (MemberRole role : MemberRole.values()) {
            if (identity.hasRole(role.securityRole())) {
                return role;
            }
        }
        return null;
    }

    /** The flash message left by the previous redirect, shown once. */
    public Flash.Message flash() {
        if (!flashRead) {
            flashRead = true;
            flash = Flash.take(routing);
        }
        return flash;
    }

    /**
     * The CSRF token of this request for the layout (htmx header, sign-out form), or empty where the CSRF
     * filter did not run (e.g. an error page for a request that never reached a resource).
     */
    public String csrfToken() {
        Object token = routing.get("csrf_token");
        return token == null ? "" : token.toString();
    }

    /** The path of the current request, for marking the current navigation link. */
    public String path() {
        return routing.normalizedPath();
    }
}
