package dev.siteready.profiling;

import dev.siteready.support.Db;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every sample-message route, given another workspace's ids, answers 404 and changes nothing there. */
@QuarkusTest
class SamplesCrossWorkspaceTest {

    @Test
    void anotherWorkspacesIdsAreNotFoundOnEveryRoute() {
        SamplesFixture a = SamplesFixture.create("Samples victim");
        a.profile(Samples.adtA04(1) + "\r" + Samples.oruR01(1));
        UUID profile = a.latestProfile();
        UUID victimWs = Db.workspaceOf(a.owner().email);
        long before = fingerprint(victimWs);

        SamplesFixture b = SamplesFixture.create("Samples attacker");
        WebSession attacker = b.owner();
        String token = attacker.createApiToken("attacker");
        for (String base : List.of(a.base(), "/sites/" + b.site() + "/projects/" + a.project() + "/samples",
                "/sites/" + a.site() + "/projects/" + b.project() + "/samples", b.base())) {
            boolean own = base.equals(b.base());
            if (!own) {
                assertThat(attacker.get(base).statusCode()).as("GET " + base).isEqualTo(404);
                assertThat(attacker.post(base, Map.of("samples", Samples.adtA04(2))).statusCode()).as("POST " + base).isEqualTo(404);
            }
            assertThat(attacker.get(base + "/" + profile).statusCode()).as("GET profile via " + base).isEqualTo(404);
            assertThat(attacker.post(base + "/" + profile + "/suggestions", Map.of("question", "patient.id_types", "subject", "",
                    "version", "", "decision", "accept")).statusCode()).as("accept via " + base).isEqualTo(404);
            assertThat(attacker.post(base + "/" + profile + "/suggestions", Map.of("question", "patient.id_types", "subject", "",
                    "version", "", "decision", "ignore")).statusCode()).as("ignore via " + base).isEqualTo(404);
            assertThat(attacker.post(base + "/" + profile + "/delete", Map.of()).statusCode()).as("delete via " + base).isEqualTo(404);
        }
        String api = "/api/projects/" + a.project() + "/samples";
        assertThat(given().header("Authorization", "Bearer " + token).contentType("text/plain").body(Samples.adtA04(3)).post(api)
                .statusCode()).isEqualTo(404);
        assertThat(given().header("Authorization", "Bearer " + token).get(api).statusCode()).isEqualTo(404);
        assertThat(given().header("Authorization", "Bearer " + token).get(api + "/" + profile).statusCode()).isEqualTo(404);
        assertThat(given().header("Authorization", "Bearer " + token).get("/api/projects/" + b.project() + "/samples/" + profile)
                .statusCode()).isEqualTo(404);
        // The attacker's own testing page and profile list show nothing of the victim
        assertThat(attacker.page(b.base()).select("#profile-list")).isEmpty();
        assertThat(attacker.page("/sites/" + b.site() + "/projects/" + b.project() + "/testing").select(".seen-in-samples")).isEmpty();
        assertThat(fingerprint(victimWs)).isEqualTo(before);
        assertThat(a.owner().get(a.base() + "/" + profile).statusCode()).isEqualTo(200);
    }

    private static long fingerprint(UUID ws) {
        return Db.<Long>asWorkspace(ws, c -> Db.count(c, """
                SELECT hashtext(concat_ws('|',
                  (SELECT string_agg(p.id::text || p.version || p.message_count, ',' ORDER BY p.id) FROM sample_profile p),
                  (SELECT string_agg(d.question_key || d.decision || d.version, ',' ORDER BY d.id) FROM sample_suggestion_decision d),
                  (SELECT string_agg(a.question_key || a.version, ',' ORDER BY a.id) FROM answer a)))
                """));
    }
}
