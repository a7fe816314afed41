package dev.siteready.account;

import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17, defect 7: caching of signed-in answers, the CSRF cookie, and a locked sign-in's work. */
@QuarkusTest
class SessionHardeningTest {

    @Test
    void signedInPagesAndApiAnswersAreNotStored() {
        WebSession owner = WebSession.signUp("No Store Co");
        String token = owner.createApiToken("Cache probe");

        assertThat(owner.get("/").header("Cache-Control")).isEqualTo("no-store");
        assertThat(owner.get("/settings/team").header("Cache-Control")).isEqualTo("no-store");
        assertThat(owner.get("/sites/" + java.util.UUID.randomUUID()).header("Cache-Control")).isEqualTo("no-store");
        assertThat(given().header("Authorization", "Bearer " + token).get("/api/me").header("Cache-Control"))
                .isEqualTo("no-store");
    }

    @Test
    void publicPagesAndStaticFilesKeepTheirCaching() {
        assertThat(WebSession.anonymous().get("/login").header("Cache-Control")).isNull();
        assertThat(WebSession.anonymous().get("/signup").header("Cache-Control")).isNull();
        assertThat(WebSession.anonymous().get("/static/app.css").header("Cache-Control")).isNotEqualTo("no-store");
    }

    @Test
    void theCsrfCookieIsSameSiteLax() {
        Response login = WebSession.anonymous().get("/login");

        String cookie = login.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("csrf-token=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
    }

    @Test
    void signInIssuesANewCsrfToken() {
        WebSession owner = WebSession.signUp("Csrf Rotation Co");
        owner.post("/logout", Map.of());
        WebSession browser = WebSession.anonymous();
        String before = browser.csrfToken();

        Response signIn = browser.rawPost("/j_security_check",
                Map.of("j_username", owner.email, "j_password", WebSession.PASSWORD));

        assertThat(signIn.header("Location")).doesNotContain("error");
        assertThat(browser.cookie("csrf-token")).isNull();
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(browser.cookie("csrf-token")).isNotBlank().isNotEqualTo(before);
        assertThat(browser.post("/sites/" + java.util.UUID.randomUUID() + "/contacts", Map.of("name", "x")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void signUpIssuesANewCsrfToken() {
        WebSession browser = WebSession.anonymous();
        String before = browser.csrfToken();

        Response signUp = browser.post("/signup", Map.of("workspaceName", "Csrf Signup Co", "name", "Cy Signup",
                "email", WebSession.uniqueEmail("csrf"), "password", WebSession.PASSWORD));

        assertThat(signUp.statusCode()).isEqualTo(303);
        assertThat(browser.cookie("csrf-token")).isNull();
        browser.get("/");
        assertThat(browser.cookie("csrf-token")).isNotBlank().isNotEqualTo(before);
    }

    @Test
    void aLockedSignInDoesTheSamePasswordHashWorkAsAWrongPassword() {
        WebSession owner = WebSession.signUp("Locked Timing Co");
        long before = Passwords.checksDone();
        WebSession.anonymous().rawPost("/j_security_check", Map.of("j_username", owner.email, "j_password", "wrong 0"));
        assertThat(Passwords.checksDone() - before).isEqualTo(1);
        for (int i = 1; i < 5; i++) {
            WebSession.anonymous().rawPost("/j_security_check", Map.of("j_username", owner.email, "j_password", "wrong " + i));
        }

        long beforeLocked = Passwords.checksDone();
        Response locked = WebSession.anonymous().rawPost("/j_security_check",
                Map.of("j_username", owner.email, "j_password", "wrong 5"));

        assertThat(locked.header("Location")).endsWith("/login?error=true");
        assertThat(Passwords.checksDone() - beforeLocked).isEqualTo(1);
    }
}
