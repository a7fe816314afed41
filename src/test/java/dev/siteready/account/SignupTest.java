package dev.siteready.account;

import dev.siteready.support.Db;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class SignupTest {

    @Test
    void signupCreatesWorkspaceSignsInAndLandsOnHome() {
        WebSession owner = WebSession.anonymous();
        String email = WebSession.uniqueEmail("maya");
        Response response = owner.post("/signup", Map.of("workspaceName", "Northwind Integrations", "name", "Maya Patel",
                "email", email, "password", WebSession.PASSWORD));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/");
        String sessionCookie = response.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("quarkus-credential=")).findFirst().orElseThrow();
        assertThat(sessionCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");

        Document home = owner.page("/");
        assertThat(home.selectFirst("h1").text()).isEqualTo("Northwind Integrations");
        assertThat(home.selectFirst(".flash-success").text()).contains("Your workspace is ready");
        assertThat(home.select("#team-heading ~ table tbody tr")).hasSize(1);
        assertThat(home.select("tbody td").eachText()).containsExactly("Maya Patel", "Owner");
        assertThat(home.selectFirst(".empty-state").text()).contains("Invite your team");
        assertThat(Db.workspaceOf(email)).isNotNull();
    }

    @Test
    void invalidInputKeepsWhatWasTypedAndSaysWhatToFix() {
        WebSession visitor = WebSession.anonymous();
        Response response = visitor.post("/signup", Map.of("workspaceName", "Contoso", "name", "",
                "email", "not-an-email", "password", "short"));

        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.selectFirst("#workspaceName").attr("value")).isEqualTo("Contoso");
        assertThat(page.selectFirst("#email").attr("value")).isEqualTo("not-an-email");
        assertThat(page.selectFirst("#password").attr("value")).isEmpty();
        assertThat(page.selectFirst("#name-error").text()).isEqualTo("Enter your name.");
        assertThat(page.selectFirst("#email-error").text()).contains("e-mail address like");
        assertThat(page.selectFirst("#password-error").text()).contains("at least 12 characters");
        assertThat(page.selectFirst("#email").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#error-summary li")).hasSize(3);
    }

    @Test
    void takenEmailIsRefusedWithoutCreatingAWorkspace() {
        WebSession first = WebSession.signUp("First Co");
        Response response = WebSession.anonymous().post("/signup", Map.of("workspaceName", "Second Co", "name", "Someone",
                "email", first.email.toUpperCase(), "password", WebSession.PASSWORD));

        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.selectFirst("#email-error").text()).contains("already has a SiteReady account");
        assertThat(page.selectFirst("#workspaceName").attr("value")).isEqualTo("Second Co");
    }

    @Test
    void hostileWorkspaceNameIsShownEscaped() {
        String hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        WebSession owner = WebSession.signUp(hostile);

        String html = owner.get("/").body().asString();
        Document home = Jsoup.parse(html);
        assertThat(home.selectFirst("h1").text()).isEqualTo(hostile);
        assertThat(home.select("main script, main img")).isEmpty();
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;");
    }

    @Test
    void oneMegabyteValueIsRefusedWithAMessageNotAServerError() {
        String huge = "x".repeat(1024 * 1024);
        Response response = WebSession.anonymous().post("/signup", Map.of("workspaceName", huge, "name", "Dev",
                "email", WebSession.uniqueEmail("dev"), "password", WebSession.PASSWORD));

        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.selectFirst("#workspaceName-error").text()).contains("120 characters or fewer");
        assertThat(page.selectFirst("#workspaceName").attr("value")).hasSize(huge.length());
    }

    @Test
    void valueAboveTheRequestLimitGetsA413Page() {
        // above the 32 MB a form field may hold (10 MB of sample messages, URL-encoded), below the 33 MB body limit
        String tooLarge = "y".repeat(32 * 1024 * 1024 + 512 * 1024);
        Response response = WebSession.anonymous().post("/signup", Map.of("workspaceName", tooLarge, "name", "Dev",
                "email", WebSession.uniqueEmail("dev"), "password", WebSession.PASSWORD));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Jsoup.parse(response.body().asString()).selectFirst("h1").text()).isEqualTo("Too large");
    }

    @Test
    void signedInMemberIsSentHomeFromSignup() {
        WebSession owner = WebSession.signUp("Already In");
        Response response = owner.get("/signup");
        assertThat(response.statusCode()).isEqualTo(303);
    }
}
