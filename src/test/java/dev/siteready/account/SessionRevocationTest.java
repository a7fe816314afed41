package dev.siteready.account;

import dev.siteready.support.Db;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, defect 2: a session cookie replayed after sign-out, a password change, a role change or the member's
 * removal reads nothing and changes nothing; a sign-in after it works.
 */
@QuarkusTest
class SessionRevocationTest {

    private static final String NEW_PASSWORD = "tidal lantern orchard 58";

    @Test
    void signOutEndsTheSessionAndTheMembersOtherSessions() {
        WebSession owner = WebSession.signUp("Sign-out Replay Co");
        UUID site = owner.createSite("Replay General", null);
        WebSession otherDevice = WebSession.signIn(owner.email, WebSession.PASSWORD);
        String oldCookie = owner.cookie("quarkus-credential");

        assertThat(owner.post("/logout", Map.of()).statusCode()).isEqualTo(303);

        assertSessionEnded(owner.withCookie("quarkus-credential", oldCookie), Db.workspaceOf(owner.email), site);
        assertSessionEnded(otherDevice, Db.workspaceOf(owner.email), site);
        WebSession again = WebSession.signIn(owner.email, WebSession.PASSWORD);
        assertThat(again.get("/settings/team").statusCode()).isEqualTo(200);
        assertThat(addContact(again, site).statusCode()).isEqualTo(303);
    }

    @Test
    void aPasswordChangeEndsEveryOtherSessionAndKeepsThisOne() {
        WebSession owner = WebSession.signUp("Password Replay Co");
        UUID site = owner.createSite("Password General", null);
        WebSession otherDevice = WebSession.signIn(owner.email, WebSession.PASSWORD);
        String oldCookie = owner.cookie("quarkus-credential");
        String oldCsrf = owner.csrfToken();

        Response changed = owner.post("/settings/password",
                Map.of("currentPassword", WebSession.PASSWORD, "newPassword", NEW_PASSWORD));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(owner.cookie("quarkus-credential")).isNotEqualTo(oldCookie);
        assertThat(owner.get("/settings/team").statusCode()).isEqualTo(200);

        assertSessionEnded(otherDevice, Db.workspaceOf(owner.email), site);
        assertSessionEnded(WebSession.anonymous().withCookie("quarkus-credential", oldCookie)
                .withCookie("csrf-token", oldCsrf), Db.workspaceOf(owner.email), site);
        Response oldPassword = WebSession.anonymous().rawPost("/j_security_check",
                Map.of("j_username", owner.email, "j_password", WebSession.PASSWORD));
        assertThat(oldPassword.header("Location")).endsWith("/login?error=true");
        assertThat(WebSession.signIn(owner.email, NEW_PASSWORD).get("/settings/team").statusCode()).isEqualTo(200);
    }

    @Test
    void aRoleChangeEndsTheMembersSessions() {
        WebSession owner = WebSession.signUp("Role Replay Co");
        UUID site = owner.createSite("Role General", null);
        WebSession manager = owner.addMember("MANAGER", "Morgan Manager");
        UUID managerId = Db.memberOf(manager.email);
        String version = owner.page("/settings/team")
                .selectFirst("form[action=/settings/team/members/" + managerId + "/role] input[name=version]").attr("value");

        Response demoted = owner.post("/settings/team/members/" + managerId + "/role",
                Map.of("role", "VIEWER", "version", version));
        assertThat(demoted.statusCode()).isEqualTo(303);

        assertSessionEnded(manager, Db.workspaceOf(owner.email), site);
        WebSession asViewer = WebSession.signIn(manager.email, WebSession.PASSWORD);
        assertThat(asViewer.page("/").selectFirst(".who").text()).contains("Viewer");
        assertThat(addContact(asViewer, site).statusCode()).isEqualTo(403);
    }

    @Test
    void removingAMemberEndsTheirSessions() {
        WebSession owner = WebSession.signUp("Removal Replay Co");
        UUID site = owner.createSite("Removal General", null);
        WebSession manager = owner.addMember("MANAGER", "Riley Removed");

        assertThat(owner.post("/settings/team/members/" + Db.memberOf(manager.email) + "/remove", Map.of()).statusCode())
                .isEqualTo(303);

        assertSessionEnded(manager, Db.workspaceOf(owner.email), site);
    }

    @Test
    void signingOutLeavesOtherMembersSignedIn() {
        WebSession owner = WebSession.signUp("Others Stay Co");
        WebSession manager = owner.addMember("MANAGER", "Sam Stays");

        manager.post("/logout", Map.of());

        assertThat(owner.get("/settings/team").statusCode()).isEqualTo(200);
    }

    /** The replayed cookie reads no page and adds no contact: the reproduction. */
    private static void assertSessionEnded(WebSession replay, UUID workspace, UUID site) {
        Response team = replay.get("/settings/team");
        assertThat(team.statusCode()).isEqualTo(302);
        assertThat(team.header("Location")).endsWith("/login");
        Response contact = addContact(replay, site);
        assertThat(contact.statusCode()).isEqualTo(302);
        assertThat(contact.header("Location")).endsWith("/login");
        assertThat(replayedContacts(workspace, site)).isZero();
    }

    private static long replayedContacts(UUID workspace, UUID site) {
        return Db.asWorkspace(workspace, c -> Db.count(c,
                "SELECT count(*) FROM site_contact WHERE site_id = ? AND name = 'Replayed Contact'", site));
    }

    private static Response addContact(WebSession session, UUID site) {
        return session.post("/sites/" + site + "/contacts",
                Map.of("name", "Replayed Contact", "role", "Attacker", "email", "replay@example.org"));
    }
}
