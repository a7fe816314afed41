package dev.siteready.web;

import dev.siteready.support.Db;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every form, fed markup, a megabyte or a NUL in each text field: refused with a message or shown escaped. */
@QuarkusTest
class HostileInputTest {

    static final String MARKUP = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    static final String MEGABYTE = "m".repeat(1024 * 1024);
    static final String NUL = "nul\u0000byte";

    @Test
    void everyTextFieldRefusesOrEscapesHostileValues() {
        WebSession owner = WebSession.signUp("Hostile Forms Co");
        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        forms.put("/signup", Map.of("workspaceName", "W", "name", "N", "email", WebSession.uniqueEmail("h"),
                "password", WebSession.PASSWORD));
        forms.put("/settings/team/invitations", Map.of("email", WebSession.uniqueEmail("h"), "role", "VIEWER"));
        forms.put("/settings/api-tokens", Map.of("name", "T"));
        forms.put("invitation", Map.of("name", "N", "password", WebSession.PASSWORD));

        forms.forEach((form, valid) -> valid.keySet().forEach(field -> {
            for (String hostile : new String[] { MARKUP, MEGABYTE, NUL }) {
                Map<String, String> values = new LinkedHashMap<>(valid);
                values.put(field, hostile);
                WebSession session = form.equals("/signup") || form.equals("invitation") ? WebSession.anonymous() : owner;
                String path = form.equals("invitation") ? owner.invite(WebSession.uniqueEmail("inv"), "VIEWER") : form;
                Response response = session.post(path, values);
                String label = form + " " + field + " = " + hostile.substring(0, Math.min(12, hostile.length()));

                assertThat(response.statusCode()).as(label).isIn(200, 303, 400);
                String html = response.body().asString();
                assertThat(html).as(label).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
                if (response.statusCode() == 400) {
                    Document page = Jsoup.parse(html);
                    assertThat(page.select(".field-error, #error-summary")).as(label).isNotEmpty();
                }
            }
        }));

        // Markup that was accepted is shown as text.
        Document tokens = owner.page("/settings/api-tokens");
        assertThat(tokens.select("main script, main img")).isEmpty();
        assertThat(tokens.select("tbody td").eachText()).contains(MARKUP);
    }

    @Test
    void hostileRoleAndVersionValuesAreRefusedWithoutAServerError() {
        WebSession owner = WebSession.signUp("Hostile Role Co");
        WebSession viewer = owner.addMember("VIEWER", "Val");
        String path = "/settings/team/members/" + Db.memberOf(viewer.email) + "/role";

        Response badRole = owner.post(path, Map.of("role", MARKUP, "version", "0"));
        assertThat(badRole.statusCode()).isEqualTo(303);
        assertThat(owner.page("/settings/team").selectFirst(".flash-error").text()).contains("Choose one of the listed roles");

        Response badVersion = owner.post(path, Map.of("role", "MANAGER", "version", "not-a-number"));
        assertThat(badVersion.statusCode()).isIn(400, 404);
        assertThat(owner.page("/settings/team").selectFirst("#member-" + Db.memberOf(viewer.email)).text()).contains("Viewer");
    }
}
