package dev.siteready.team;

import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class RolesTest {

    static WebSession viewerOf(WebSession owner) {
        String email = WebSession.uniqueEmail("viewer");
        WebSession viewer = WebSession.anonymous();
        Response joined = viewer.post(owner.invite(email, "VIEWER"),
                Map.of("name", "Val Viewer", "password", WebSession.PASSWORD));
        assertThat(joined.statusCode()).isEqualTo(303);
        viewer.email = email;
        return viewer;
    }

    @Test
    void viewerReadsButEveryChangeIsRefusedByTheServer() {
        WebSession owner = WebSession.signUp("Viewer Co");
        WebSession viewer = viewerOf(owner);

        Document home = viewer.page("/");
        assertThat(home.selectFirst("main").text()).contains("You are a viewer");
        Document team = viewer.page("/settings/team");
        assertThat(team.select("form[action=/settings/team/invitations]")).isEmpty();
        assertThat(team.select("form[action$=/role], form[action$=/remove]")).isEmpty();
        assertThat(home.select("a[href=/settings/api-tokens]")).isEmpty();

        Response token = viewer.post("/settings/api-tokens", Map.of("name", "sneaky"));
        assertThat(token.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(token.body().asString()).selectFirst("h1").text()).isEqualTo("Not allowed");

        assertThat(viewer.post("/settings/team/invitations", Map.of("email", WebSession.uniqueEmail("x"), "role", "OWNER"))
                .statusCode()).isEqualTo(403);
        assertThat(viewer.get("/settings/api-tokens").statusCode()).isEqualTo(403);
        assertThat(viewer.post("/logout", Map.of()).statusCode()).isEqualTo(303);
    }

    @Test
    void viewerWritesAreRefusedEvenWhereAnEndpointForgotItsRoles() {
        WebSession owner = WebSession.signUp("Forgotten Roles Co");
        WebSession viewer = owner.addMember("VIEWER", "Vic");
        WebSession manager = owner.addMember("MANAGER", "Mo");

        assertThat(manager.post("/test-only/write-probe", Map.of()).body().asString()).isEqualTo("written");
        assertThat(viewer.post("/test-only/write-probe", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void managerCannotChangeRolesOrRemoveMembers() {
        WebSession owner = WebSession.signUp("Manager Limits Co");
        String email = WebSession.uniqueEmail("mgr");
        WebSession manager = WebSession.anonymous();
        manager.post(owner.invite(email, "MANAGER"),
                Map.of("name", "Manny", "password", WebSession.PASSWORD));
        String ownerId = dev.siteready.support.Db.memberOf(owner.email).toString();

        assertThat(manager.post("/settings/team/members/" + ownerId + "/role", Map.of("role", "VIEWER", "version", "0"))
                .statusCode()).isEqualTo(403);
        assertThat(manager.post("/settings/team/members/" + ownerId + "/remove", Map.of()).statusCode()).isEqualTo(403);
        assertThat(manager.get("/settings/api-tokens").statusCode()).isEqualTo(200);
    }
}
