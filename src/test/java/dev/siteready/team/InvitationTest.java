package dev.siteready.team;

import dev.siteready.support.Db;
import dev.siteready.support.PinnedClock;
import dev.siteready.support.WebSession;
import dev.siteready.time.AppClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@Isolated // pins the application's clock
class InvitationTest {

    @Inject
    PinnedClock clock;

    @Test
    void invitedPersonJoinsWithTheRoleOnceAndOnlyOnce() {
        WebSession owner = WebSession.signUp("Invite Co");
        String email = WebSession.uniqueEmail("dev");
        String link = owner.invite(email, "MANAGER");
        assertThat(link).startsWith("/invitations/inv_");

        WebSession invited = WebSession.anonymous();
        Document form = invited.page(link);
        assertThat(form.selectFirst("h1").text()).isEqualTo("Join Invite Co");
        assertThat(form.selectFirst("main").text()).contains(email).contains("Manager");

        Response joined = invited.post(link, Map.of("name", "Dev Kumar", "password", WebSession.PASSWORD));
        assertThat(joined.statusCode()).isEqualTo(303);
        Document home = invited.page("/");
        assertThat(home.selectFirst("h1").text()).isEqualTo("Invite Co");
        assertThat(home.select("tbody td").eachText()).contains("Dev Kumar", "Manager");
        assertThat(WebSession.signIn(email, WebSession.PASSWORD).get("/").statusCode()).isEqualTo(200);

        Response reused = WebSession.anonymous().get(link);
        assertThat(reused.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(reused.body().asString()).selectFirst("h1").text()).contains("does not work");
        Response reusedPost = WebSession.anonymous().post(link, Map.of("name", "Mallory", "password", WebSession.PASSWORD));
        assertThat(reusedPost.statusCode()).isEqualTo(404);
    }

    @Test
    void acceptFormKeepsInputOnError() {
        WebSession owner = WebSession.signUp("Invite Errors Co");
        String link = owner.invite(WebSession.uniqueEmail("pat"), "VIEWER");
        Response response = WebSession.anonymous().post(link, Map.of("name", "<b>Pat</b>", "password", "short"));

        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.selectFirst("#name").attr("value")).isEqualTo("<b>Pat</b>");
        assertThat(page.selectFirst("#password-error").text()).contains("at least 12");
    }

    @Test
    void expiredAndRevokedLinksDoNotWork() {
        WebSession owner = WebSession.signUp("Expiry Co");
        String expiring = owner.invite(WebSession.uniqueEmail("late"), "VIEWER");
        UUID workspace = Db.workspaceOf(owner.email);
        Db.asWorkspace(workspace, c -> Db.update(c, "UPDATE invitation SET expires_at = ?", AppClock.now().minusMinutes(1)));
        assertThat(WebSession.anonymous().get(expiring).statusCode()).isEqualTo(404);

        String revoked = owner.invite(WebSession.uniqueEmail("gone"), "VIEWER");
        Document team = owner.page("/settings/team");
        String action = team.select("form[action$=/revoke]").first().attr("action");
        Response revoke = owner.post(action, Map.of());
        assertThat(revoke.statusCode()).isEqualTo(303);
        assertThat(owner.page("/settings/team").selectFirst(".flash-success").text()).contains("no longer works");
        assertThat(WebSession.anonymous().get(revoked).statusCode()).isEqualTo(404);
    }

    /** The app decides expiry by its clock: a minute after the expiry it keeps, the link stops working and leaves the list. */
    @Test
    void anInvitationExpiresByTheApplicationsClock() {
        WebSession owner = WebSession.signUp("Clock Invite Co");
        String email = WebSession.uniqueEmail("soon");
        String link = owner.invite(email, "VIEWER");
        OffsetDateTime expires = Db.asWorkspace(Db.workspaceOf(owner.email), c -> Db.value(c, OffsetDateTime.class,
                "SELECT expires_at FROM invitation WHERE lower(email) = lower(?)", email));
        try {
            clock.pin(expires.minusMinutes(5).toInstant());
            assertThat(WebSession.anonymous().get(link).statusCode()).isEqualTo(200);
            assertThat(owner.page("/settings/team").text()).contains(email);
            clock.pin(expires.plusMinutes(1).toInstant());
            assertThat(WebSession.anonymous().get(link).statusCode()).isEqualTo(404);
            assertThat(WebSession.anonymous().post(link, Map.of("name", "Late", "password", WebSession.PASSWORD)).statusCode())
                    .isEqualTo(404);
            assertThat(owner.page("/settings/team").text()).doesNotContain(email);
        } finally {
            clock.reset();
        }
    }

    @Test
    void unknownLinkIsNotFound() {
        assertThat(WebSession.anonymous().get("/invitations/inv_doesnotexist").statusCode()).isEqualTo(404);
        assertThat(WebSession.anonymous().get("/invitations/" + "z".repeat(300)).statusCode()).isEqualTo(404);
    }

    @Test
    void inviteFormValidatesAndKeepsInput() {
        WebSession owner = WebSession.signUp("Invite Validation Co");
        Response response = owner.post("/settings/team/invitations", Map.of("email", "<script>x</script>", "role", "VIEWER"));

        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.selectFirst("#email").attr("value")).isEqualTo("<script>x</script>");
        assertThat(page.selectFirst("#email-error").text()).contains("e-mail address like");
        assertThat(page.select("main script")).isEmpty();

        Response existing = owner.post("/settings/team/invitations", Map.of("email", owner.email, "role", "VIEWER"));
        assertThat(Jsoup.parse(existing.body().asString()).selectFirst("#email-error").text()).contains("already a member");
    }

    @Test
    void managersCannotInviteOwners() {
        WebSession owner = WebSession.signUp("Manager Invite Co");
        String email = WebSession.uniqueEmail("mgr");
        WebSession manager = WebSession.anonymous();
        manager.post(owner.invite(email, "MANAGER"), Map.of("name", "Manny", "password", WebSession.PASSWORD));

        Response response = manager.post("/settings/team/invitations", Map.of("email", WebSession.uniqueEmail("x"), "role", "OWNER"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.body().asString()).selectFirst(".field-error").text()).contains("Only owners");
        assertThat(manager.invite(WebSession.uniqueEmail("viewer"), "VIEWER")).contains("/invitations/");
    }

    @Test
    void ownerChangesRolesButNeverRemovesTheLastOwner() {
        WebSession owner = WebSession.signUp("Roles Co");
        String email = WebSession.uniqueEmail("viewer");
        WebSession.anonymous().post(owner.invite(email, "VIEWER"), Map.of("name", "Vera", "password", WebSession.PASSWORD));
        UUID vera = Db.memberOf(email);

        Document team = owner.page("/settings/team");
        String version = team.selectFirst("#member-" + vera + " input[name=version]").attr("value");
        Response promote = owner.post("/settings/team/members/" + vera + "/role", Map.of("role", "MANAGER", "version", version));
        assertThat(promote.statusCode()).isEqualTo(303);
        assertThat(owner.page("/settings/team").selectFirst("#member-" + vera).text()).contains("Manager");

        Response stale = owner.post("/settings/team/members/" + vera + "/role", Map.of("role", "VIEWER", "version", version));
        assertThat(stale.statusCode()).isEqualTo(303);
        assertThat(owner.page("/settings/team").selectFirst(".flash-error").text()).contains("while you were looking");

        UUID self = Db.memberOf(owner.email);
        assertThat(owner.page("/settings/team").select("#member-" + self + " form")).isEmpty();

        Response removed = owner.post("/settings/team/members/" + vera + "/remove", Map.of());
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(owner.page("/settings/team").select("#member-" + vera)).isEmpty();
        Response signIn = WebSession.anonymous().rawPost("/j_security_check", Map.of("j_username", email, "j_password", WebSession.PASSWORD));
        assertThat(signIn.header("Location")).contains("error");
    }
}
