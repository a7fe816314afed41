package dev.siteready.apitoken;

import dev.siteready.support.Db;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ApiTokenTest {

    @Test
    void tokenIsShownOnceAndIdentifiesTheWorkspace() {
        WebSession owner = WebSession.signUp("Token Co");
        String token = owner.createApiToken("Nightly import");
        assertThat(token).startsWith("srt_").hasSizeGreaterThan(40);

        Document list = owner.page("/settings/api-tokens");
        assertThat(list.select("#new-token")).isEmpty();
        assertThat(list.html()).doesNotContain(token);
        assertThat(list.selectFirst("tbody tr").text()).contains("Nightly import").contains(token.substring(0, 10))
                .contains("Active").contains("never");

        given().header("Authorization", "Bearer " + token).get("/api/me").then()
                .statusCode(200)
                .body("workspace.name", equalTo("Token Co"))
                .body("workspace.id", equalTo(Db.workspaceOf(owner.email).toString()))
                .body("token.name", equalTo("Nightly import"));
        assertThat(owner.page("/settings/api-tokens").selectFirst("tbody tr").text()).doesNotContain("never");
    }

    @Test
    void revokedUnknownAndMissingTokensGetJson401() {
        WebSession owner = WebSession.signUp("Revoke Token Co");
        String token = owner.createApiToken("Temporary");
        String action = owner.page("/settings/api-tokens").selectFirst("form[action$=/revoke]").attr("action");
        assertThat(owner.post(action, Map.of()).statusCode()).isEqualTo(303);
        assertThat(owner.page("/settings/api-tokens").selectFirst("tbody tr").text()).contains("Revoked");

        given().header("Authorization", "Bearer " + token).get("/api/me").then()
                .statusCode(401).contentType(startsWith("application/json")).body("status", equalTo(401));
        given().header("Authorization", "Bearer srt_unknown").get("/api/me").then().statusCode(401);
        given().get("/api/me").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"))
                .body("error", equalTo("Unauthorized"));
    }

    @Test
    void sessionCookieDoesNotOpenTheApiAndTokensDoNotOpenPages() {
        WebSession owner = WebSession.signUp("Cookie Api Co");
        assertThat(owner.get("/api/me").statusCode()).isEqualTo(401);

        String token = owner.createApiToken("Pages");
        Response page = given().redirects().follow(false).header("Authorization", "Bearer " + token).get("/settings/team");
        assertThat(page.statusCode()).isEqualTo(302);
    }

    @Test
    void nameIsValidatedAndHostileNamesAreEscaped() {
        WebSession owner = WebSession.signUp("Token Validation Co");
        Response blank = owner.post("/settings/api-tokens", Map.of("name", " "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(blank.body().asString()).selectFirst("#name-error").text()).contains("Name the token");

        Response huge = owner.post("/settings/api-tokens", Map.of("name", "n".repeat(1024 * 1024)));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(huge.body().asString()).selectFirst("#name-error").text()).contains("80 characters");

        owner.createApiToken("<img src=x onerror=alert(1)>");
        Document list = owner.page("/settings/api-tokens");
        assertThat(list.select("main img")).isEmpty();
        assertThat(list.selectFirst("tbody tr td").text()).isEqualTo("<img src=x onerror=alert(1)>");
    }

    @Test
    void htmxRequestsGetOnlyThePanelFragment() {
        WebSession owner = WebSession.signUp("Fragment Co");
        Response fragment = owner.htmxPost("/settings/api-tokens", Map.of("name", "From htmx"));

        assertThat(fragment.statusCode()).isEqualTo(200);
        String body = fragment.body().asString();
        assertThat(body).doesNotContain("<html").doesNotContain("<nav");
        Document panel = Jsoup.parseBodyFragment(body);
        assertThat(panel.select("#tokens-panel")).hasSize(1);
        assertThat(panel.selectFirst("#new-token").text()).startsWith("srt_");
        assertThat(panel.selectFirst("tbody tr").text()).contains("From htmx");

        Response invalid = owner.htmxPost("/settings/api-tokens", Map.of("name", ""));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body().asString()).doesNotContain("<html").contains("name-error");

        Document full = owner.page("/settings/api-tokens");
        assertThat(full.select("html nav")).hasSize(1);
        assertThat(full.select("#tokens-panel")).hasSize(1);
    }

    @Test
    void tokenActsWithItsCreatorsCurrentRights() {
        WebSession owner = WebSession.signUp("Token Rights Co");
        WebSession manager = owner.addMember("MANAGER", "Token Maker");
        String token = manager.createApiToken("Manager's script");
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(200)
                .body("token.role", equalTo("manager"));

        UUID managerId = Db.memberOf(manager.email);
        String version = owner.page("/settings/team").selectFirst("#member-" + managerId + " input[name=version]").attr("value");
        assertThat(owner.post("/settings/team/members/" + managerId + "/role", Map.of("role", "VIEWER", "version", version))
                .statusCode()).isEqualTo(303);
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(200)
                .body("token.role", equalTo("viewer"));

        assertThat(owner.post("/settings/team/members/" + managerId + "/remove", Map.of()).statusCode()).isEqualTo(303);
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(401);
    }

    @Test
    void unknownApiRouteIsJson404() {
        WebSession owner = WebSession.signUp("Api 404 Co");
        String token = owner.createApiToken("404");
        given().header("Authorization", "Bearer " + token).get("/api/nothing-here").then()
                .statusCode(404).contentType(startsWith("application/json")).body("status", equalTo(404));
    }
}
