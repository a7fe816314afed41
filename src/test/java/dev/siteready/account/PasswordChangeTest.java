package dev.siteready.account;

import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The password rules on every form that sets a password, and the password change page. */
@QuarkusTest
class PasswordChangeTest {

    @Test
    void signUpRefusesACommonPasswordAndKeepsTheOtherInput() {
        String email = WebSession.uniqueEmail("weak");
        Response response = WebSession.anonymous().post("/signup", Map.of("workspaceName", "Weak Co", "name", "Wes Weak",
                "email", email, "password", "password1234"));

        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.selectFirst("#password-error").text()).contains("too easy to guess");
        assertThat(page.selectFirst("#workspaceName").attr("value")).isEqualTo("Weak Co");
        assertThat(page.selectFirst("#email").attr("value")).isEqualTo(email);
        assertThat(page.selectFirst("#password").attr("value")).isEmpty();
        assertThat(page.selectFirst("#password-hint").text()).contains("At least 12 characters").contains("common password");
    }

    @Test
    void signUpRefusesTheEmailAsPassword() {
        String email = WebSession.uniqueEmail("same");
        Response response = WebSession.anonymous().post("/signup", Map.of("workspaceName", "Same Co", "name", "Sam Same",
                "email", email, "password", email));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.body().asString()).selectFirst("#password-error").text()).contains("e-mail address");
    }

    @Test
    void anInvitationRefusesTenSpacesAndKeepsTheName() {
        WebSession owner = WebSession.signUp("Spaces Co");
        String link = owner.invite(WebSession.uniqueEmail("pat"), "VIEWER");

        Response response = WebSession.anonymous().post(link, Map.of("name", "Pat Spaces", "password", " ".repeat(14)));

        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.selectFirst("#password-error").text()).contains("only spaces");
        assertThat(page.selectFirst("#name").attr("value")).isEqualTo("Pat Spaces");
        assertThat(page.selectFirst("#password-hint").text()).contains("At least 12 characters");
    }

    @Test
    void thePasswordPageChecksTheCurrentPasswordAndTheRules() {
        WebSession owner = WebSession.signUp("Change Co");
        Document form = owner.page("/settings/password");
        assertThat(form.selectFirst("#newPassword-hint").text()).contains("At least 12 characters");

        Response wrongCurrent = owner.post("/settings/password",
                Map.of("currentPassword", "not my password", "newPassword", "tidal lantern orchard 58"));
        assertThat(wrongCurrent.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(wrongCurrent.body().asString()).selectFirst("#currentPassword-error").text())
                .contains("not your current password");

        Response weak = owner.post("/settings/password",
                Map.of("currentPassword", WebSession.PASSWORD, "newPassword", "aaaaaaaaaaaaaa"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(weak.body().asString()).selectFirst("#newPassword-error").text()).contains("repeated character");

        Response changed = owner.post("/settings/password",
                Map.of("currentPassword", WebSession.PASSWORD, "newPassword", "tidal lantern orchard 58"));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(owner.page("/settings/password").selectFirst(".flash-success").text()).contains("password is changed");
    }

    @Test
    void aViewerMayChangeTheirOwnPassword() {
        WebSession viewer = WebSession.signUp("Viewer Password Co").addMember("VIEWER", "Vic Viewer");

        Response changed = viewer.post("/settings/password",
                Map.of("currentPassword", WebSession.PASSWORD, "newPassword", "quiet meadow copper 71"));

        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(WebSession.signIn(viewer.email, "quiet meadow copper 71").get("/").statusCode()).isEqualTo(200);
    }
}
