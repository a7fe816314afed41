package dev.siteready.account;

import dev.siteready.support.Db;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class LoginTest {

    @Test
    void signInWithTheRightPasswordReachesHome() {
        WebSession owner = WebSession.signUp("Login Co");
        WebSession again = WebSession.signIn(owner.email, WebSession.PASSWORD);

        assertThat(again.page("/").selectFirst("h1").text()).isEqualTo("Login Co");
    }

    @Test
    void emailIsCaseInsensitive() {
        WebSession owner = WebSession.signUp("Case Co");
        WebSession again = WebSession.signIn(owner.email.toUpperCase(), WebSession.PASSWORD);
        assertThat(again.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameGenericError() {
        WebSession owner = WebSession.signUp("Wrong Co");
        Response wrongPassword = WebSession.anonymous().rawPost("/j_security_check",
                Map.of("j_username", owner.email, "j_password", "not the password"));
        Response unknownEmail = WebSession.anonymous().rawPost("/j_security_check",
                Map.of("j_username", WebSession.uniqueEmail("nobody"), "j_password", "not the password"));

        assertThat(wrongPassword.statusCode()).isEqualTo(302);
        assertThat(wrongPassword.header("Location")).endsWith("/login?error=true");
        assertThat(unknownEmail.header("Location")).isEqualTo(wrongPassword.header("Location"));
        assertThat(wrongPassword.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("quarkus-credential="));

        Document page = WebSession.anonymous().page("/login?error=true");
        assertThat(page.selectFirst("#login-error").text()).contains("The e-mail or password is wrong");
    }

    @Test
    void anonymousVisitorIsSentToSignIn() {
        Response response = WebSession.anonymous().get("/settings/team");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/login");
    }

    @Test
    void eachSignInIssuesANewSessionCookie() {
        WebSession owner = WebSession.signUp("Rotate Co");
        WebSession first = WebSession.signIn(owner.email, WebSession.PASSWORD);
        WebSession second = WebSession.signIn(owner.email, WebSession.PASSWORD);

        assertThat(first.cookie("quarkus-credential")).isNotBlank()
                .isNotEqualTo(second.cookie("quarkus-credential"))
                .isNotEqualTo(owner.cookie("quarkus-credential"));
    }

    @Test
    void signOutClearsTheSession() {
        WebSession owner = WebSession.signUp("Logout Co");
        Response response = owner.post("/logout", Map.of());

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/login?signedout=true");
        assertThat(owner.cookie("quarkus-credential")).isNull();
        assertThat(owner.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void tamperedSessionCookieIsNotASession() {
        WebSession owner = WebSession.signUp("Tamper Co");
        String cookie = owner.cookie("quarkus-credential");
        char flipped = cookie.charAt(20) == 'A' ? 'B' : 'A';
        String tampered = cookie.substring(0, 20) + flipped + cookie.substring(21);

        Response response = io.restassured.RestAssured.given().redirects().follow(false)
                .cookie("quarkus-credential", tampered).get("/");
        assertThat(response.statusCode()).isEqualTo(302);
    }

    @Test
    void repeatedFailuresPauseSignInForThatEmailOnly() {
        WebSession owner = WebSession.signUp("Throttle Co");
        WebSession other = WebSession.signUp("Other Throttle Co");
        for (int i = 0; i < 5; i++) {
            WebSession.anonymous().rawPost("/j_security_check", Map.of("j_username", owner.email, "j_password", "wrong " + i));
        }

        Response rightPassword = WebSession.anonymous().rawPost("/j_security_check",
                Map.of("j_username", owner.email, "j_password", WebSession.PASSWORD));
        assertThat(rightPassword.header("Location")).endsWith("/login?error=true");
        assertThat(WebSession.signIn(other.email, WebSession.PASSWORD).get("/").statusCode()).isEqualTo(200);

        // Once the lock period is over (moved into the past here), the right password works again.
        Db.asWorkspace(null, c -> Db.update(c,
                "UPDATE login_throttle SET locked_until = now() - interval '1 second', window_started_at = now() - interval '1 hour'"
                        + " WHERE key_hash = ?", LoginThrottle.key(owner.email)));
        assertThat(WebSession.signIn(owner.email, WebSession.PASSWORD).get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        WebSession owner = WebSession.signUp("Hash Co");
        String hash = Db.asWorkspace(null, c -> {
            try (var ps = c.prepareStatement("SELECT password_hash FROM login_lookup(?)")) {
                ps.setString(1, owner.email);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        assertThat(hash).startsWith("$2").doesNotContain(WebSession.PASSWORD);
    }
}
