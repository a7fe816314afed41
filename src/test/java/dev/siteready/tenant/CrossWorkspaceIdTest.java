package dev.siteready.tenant;

import dev.siteready.support.Db;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route that takes an id answers 404 for another workspace's id, and changes nothing. */
@QuarkusTest
class CrossWorkspaceIdTest {

    @Test
    void idsOfAnotherWorkspaceAreNotFound() {
        WebSession a = WebSession.signUp("Id Owner A");
        WebSession b = WebSession.signUp("Id Owner B");
        String viewerEmail = WebSession.uniqueEmail("bviewer");
        WebSession.anonymous().post(b.invite(viewerEmail, "VIEWER"),
                Map.of("name", "B Viewer", "password", WebSession.PASSWORD));
        b.invite(WebSession.uniqueEmail("pending"), "VIEWER");
        b.createApiToken("B token");

        UUID bMember = Db.memberOf(viewerEmail);
        String bInvitationRevoke = b.page("/settings/team").selectFirst("form[action^=/settings/team/invitations/]").attr("action");
        String bTokenRevoke = b.page("/settings/api-tokens").selectFirst("form[action$=/revoke]").attr("action");
        String bMemberVersion = b.page("/settings/team").selectFirst("#member-" + bMember + " input[name=version]").attr("value");

        Map<String, Map<String, String>> routes = new LinkedHashMap<>();
        routes.put("/settings/team/members/" + bMember + "/role", Map.of("role", "MANAGER", "version", bMemberVersion));
        routes.put("/settings/team/members/" + bMember + "/remove", Map.of());
        routes.put(bInvitationRevoke, Map.of());
        routes.put(bTokenRevoke, Map.of());

        routes.forEach((path, form) -> {
            Response response = a.post(path, form);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(Jsoup.parse(response.body().asString()).selectFirst("h1").text()).isEqualTo("Not found");
        });

        // Nothing changed in B.
        assertThat(b.page("/settings/team").selectFirst("#member-" + bMember).text()).contains("Viewer");
        assertThat(b.page("/settings/team").select("form[action=" + bInvitationRevoke + "]")).hasSize(1);
        assertThat(b.page("/settings/api-tokens").selectFirst("tbody tr").text()).contains("Active");

        // Positive control: the same routes work for B's own owner, so the 404s above were about the workspace.
        routes.forEach((path, form) -> assertThat(b.post(path, form).statusCode()).as(path).isEqualTo(303));
        assertThat(b.page("/settings/api-tokens").selectFirst("tbody tr").text()).contains("Revoked");
    }

    @Test
    void malformedIdsAreNotFoundToo() {
        WebSession a = WebSession.signUp("Malformed Ids");
        assertThat(a.post("/settings/api-tokens/not-a-uuid/revoke", Map.of()).statusCode()).isEqualTo(404);
        assertThat(a.post("/settings/team/members/" + UUID.randomUUID() + "/remove", Map.of()).statusCode()).isEqualTo(404);
    }
}
