package dev.siteready.web;

import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class WebSecurityTest {

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        WebSession owner = WebSession.signUp("Headers Co");
        for (Response response : new Response[] { owner.get("/"), WebSession.anonymous().get("/login"),
                given().get("/static/app.css"), given().get("/api/me") }) {
            String csp = response.header("Content-Security-Policy");
            assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }

    @Test
    void pagesHaveNoInlineScriptsOrHandlers() {
        WebSession owner = WebSession.signUp("Inline Co");
        for (String path : new String[] { "/", "/settings/team", "/settings/api-tokens" }) {
            Document page = owner.page(path);
            assertThat(page.select("script:not([src])")).as(path).isEmpty();
            assertThat(page.select("[onclick], [onload], [onsubmit], [hx-on], [style]")).as(path).isEmpty();
            assertThat(page.selectFirst("body").attr("hx-headers")).contains("X-CSRF-TOKEN").contains(owner.csrfToken());
            assertThat(page.select("main#main")).hasSize(1);
            assertThat(page.select("nav[aria-label=Main]")).hasSize(1);
        }
    }

    @Test
    void formPostWithoutOrWithAWrongCsrfTokenIsRefused() {
        WebSession owner = WebSession.signUp("Csrf Co");
        Response missing = owner.rawPost("/settings/api-tokens", Map.of("name", "no token"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(missing.body().asString()).selectFirst("h1").text()).isEqualTo("The request could not be used");

        Response wrong = owner.rawPost("/settings/api-tokens", Map.of("name", "wrong token", "csrf-token", "AAAAAAAAAAAAAAAAAAAAAA"));
        assertThat(wrong.statusCode()).isEqualTo(400);

        Response header = owner.htmxPost("/settings/api-tokens", Map.of("name", "via htmx header"));
        assertThat(header.statusCode()).isEqualTo(200);
        assertThat(owner.page("/settings/api-tokens").text()).doesNotContain("no token").doesNotContain("wrong token")
                .contains("via htmx header");
    }

    @Test
    void nonFormPostsWithoutAVerifiedTokenAreRefused() {
        WebSession owner = WebSession.signUp("Text Plain Co");
        WebSession teammate = owner.addMember("VIEWER", "Target");
        String remove = "/settings/team/members/" + dev.siteready.support.Db.memberOf(teammate.email) + "/remove";

        // What a cross-site <form enctype="text/plain"> sends: the session cookie and no CSRF token.
        Response textPlain = given().redirects().follow(false)
                .cookie("quarkus-credential", owner.cookie("quarkus-credential"))
                .contentType("text/plain").body("x=y").post(remove);
        assertThat(textPlain.statusCode()).isIn(400, 415);
        Response noBody = given().redirects().follow(false)
                .cookie("quarkus-credential", owner.cookie("quarkus-credential"))
                .cookie("csrf-token", owner.csrfToken()).post(remove);
        assertThat(noBody.statusCode()).isIn(400, 415);
        Response json = given().redirects().follow(false)
                .cookie("quarkus-credential", owner.cookie("quarkus-credential"))
                .cookie("csrf-token", owner.csrfToken())
                .contentType("application/json").body("{}").post("/logout");
        assertThat(json.statusCode()).isIn(400, 415);
        assertThat(owner.get("/").statusCode()).isEqualTo(200);

        assertThat(owner.page("/settings/team").select("td").eachText()).contains("Target");
    }

    @Test
    void controlCharactersAreRefusedWithAMessage() {
        Response signup = WebSession.anonymous().post("/signup", Map.of("workspaceName", "Nul\u0000Co", "name", "Dev",
                "email", WebSession.uniqueEmail("nul"), "password", WebSession.PASSWORD));
        assertThat(signup.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(signup.body().asString()).selectFirst("#workspaceName-error").text()).contains("control characters");

        WebSession owner = WebSession.signUp("Nul Token Co");
        Response token = owner.post("/settings/api-tokens", Map.of("name", "bad\u0000name"));
        assertThat(token.statusCode()).isEqualTo(400);

        Response signIn = WebSession.anonymous().rawPost("/j_security_check",
                Map.of("j_username", "a\u0000@example.test", "j_password", "whatever-password"));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.header("Location")).endsWith("/login?error=true");
    }

    @Test
    void unknownPageIsA404InTheLayout() {
        WebSession owner = WebSession.signUp("Missing Co");
        Response response = owner.get("/no-such-page");
        assertThat(response.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Not found");
        assertThat(page.select("nav[aria-label=Main]")).hasSize(1);
        assertThat(response.body().asString()).doesNotContain("Exception").doesNotContain("at dev.siteready");
    }

    @Test
    void healthMetricsAndOpenApiAnswer() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        String openapi = given().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/api/sites:").contains("/api/sites/import:").contains("/api/sites/{siteId}/projects/{projectId}/scope:")
                .contains("bearer");
    }
}
