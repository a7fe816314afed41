package dev.siteready.account;

/** What a member may do in their workspace. Viewers read; only owners and managers change anything. */
public enum MemberRole {
    OWNER("Owner", "Everything, including the team and its roles"),
    MANAGER("Manager", "Create and change all work, invite managers and viewers, manage API tokens"),
    VIEWER("Viewer", "Read everything, change nothing");

    public static final String OWNER_ROLE = "owner";
    public static final String MANAGER_ROLE = "manager";
    public static final String VIEWER_ROLE = "viewer";

    public final String label;
    public final String description;

    MemberRole(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The security role name, as used in {@code @RolesAllowed}. */
    public String securityRole() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean canEdit() {
        return this != VIEWER;
    }

    /** Roles a member of this role may hand out in an invitation. */
    public boolean mayInvite(MemberRole invited) {
        return this == OWNER || (this == MANAGER && invited != OWNER);
    }

    public static MemberRole parse(String value) {
        if (value == null) {
            return null;
        }
        for (MemberRole role : values()) {
            if (role.name().equalsIgnoreCase(value.trim())) {
                return role;
            }
        }
        return null;
    }
}
