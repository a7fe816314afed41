package dev.siteready.team;

import org.jboss.resteasy.reactive.RestForm;

/** A member's new role, over the version of the member the form was shown with. */
record RoleForm(@RestForm String role, @RestForm Long version) {
}
