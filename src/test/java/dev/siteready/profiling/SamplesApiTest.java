package dev.siteready.profiling;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/projects/{id}/samples: the profile as JSON, only aggregates stored, clear 4xx for bad input. */
@QuarkusTest
class SamplesApiTest {

    @Test
    void profilesHl7AndJsonBodies() {
        SamplesFixture f = SamplesFixture.create("Samples API");
        String token = f.owner().createApiToken("samples");
        String path = "/api/projects/" + f.project() + "/samples";
        Response hl7 = given().header("Authorization", "Bearer " + token).contentType("text/plain; charset=UTF-8")
                .body(Samples.mllp(Samples.adtA04(1), Samples.oruR01(1)) + "garbage\r").post(path);
        assertThat(hl7.statusCode()).as(hl7.body().asString()).isEqualTo(201);
        assertThat(hl7.jsonPath().getString("profile.format")).isEqualTo("HL7 v2");
        // The line of garbage after the last MLLP frame is listed on its own, and is no message
        assertThat(hl7.jsonPath().getInt("profile.messages")).isEqualTo(2);
        assertThat(hl7.jsonPath().getInt("profile.profiled")).isEqualTo(2);
        assertThat(hl7.jsonPath().getList("failures.index", Integer.class)).containsExactly(0);
        assertThat(hl7.jsonPath().getList("failures.where", String.class)).containsExactly("After message 2");
        assertThat(hl7.jsonPath().getList("profile.notes.note", String.class))
                .containsExactly("Text after the end of an MLLP frame (not a segment), not read");
        assertThat(hl7.jsonPath().getList("profile.types.type")).containsExactlyInAnyOrder("ADT^A04", "ORU^R01");
        assertThat(hl7.jsonPath().getList("profile.patientIds.type")).contains("MR", "PE");
        assertThat(hl7.jsonPath().getString("link")).startsWith("/sites/" + f.site() + "/projects/" + f.project() + "/samples/");
        assertThat(hl7.header("Location")).endsWith(hl7.jsonPath().getString("id"));
        for (String secret : Samples.SECRETS) {
            assertThat(hl7.body().asString()).doesNotContain(secret);
        }

        Response json = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("[" + Samples.redoxResults() + "," + Samples.fhirBundle() + ", {\"neither\": 1}]").post(path);
        assertThat(json.statusCode()).as(json.body().asString()).isEqualTo(201);
        assertThat(json.jsonPath().getString("profile.format")).isEqualTo("JSON");
        assertThat(json.jsonPath().getList("profile.types.type")).containsExactlyInAnyOrder("Results.New", "FHIR Bundle");
        assertThat(json.jsonPath().getList("failures.index", Integer.class)).containsExactly(3);
        assertThat(json.jsonPath().getString("failures[0].reason")).contains("Neither a Redox message");

        List<String> listed = given().header("Authorization", "Bearer " + token).get(path).jsonPath().getList("id");
        assertThat(listed).containsExactly(json.jsonPath().getString("id"), hl7.jsonPath().getString("id"));
        Response one = given().header("Authorization", "Bearer " + token).get(path + "/" + hl7.jsonPath().getString("id"));
        assertThat(one.jsonPath().getInt("profile.profiled")).isEqualTo(2);
        assertThat(one.jsonPath().getList("failures")).isEmpty();
        // The page shows what the API stored
        assertThat(f.owner().page(f.base() + "/" + hl7.jsonPath().getString("id")).selectFirst("#profile-summary").text())
                .contains("2 of 2 messages profiled");
    }

    @Test
    void badInputGetsAClearRefusalAndNothingIsStored() {
        SamplesFixture f = SamplesFixture.create("Samples API bad");
        String token = f.owner().createApiToken("samples");
        String path = "/api/projects/" + f.project() + "/samples";
        Response xml = given().header("Authorization", "Bearer " + token).contentType("application/xml").body("<a/>").post(path);
        assertThat(xml.statusCode()).isEqualTo(415);
        assertThat(xml.jsonPath().getString("message")).contains("text/plain (HL7 v2) or application/json");

        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R' };
        Response binary = given().header("Authorization", "Bearer " + token).contentType("text/plain").body(png).post(path);
        assertThat(binary.statusCode()).isEqualTo(415);
        assertThat(binary.jsonPath().getString("message")).contains("does not look like text");

        Response empty = given().header("Authorization", "Bearer " + token).contentType("text/plain").body("").post(path);
        assertThat(empty.statusCode()).isEqualTo(400);

        byte[] large = new byte[SampleInput.MAX_BYTES + 1];
        java.util.Arrays.fill(large, (byte) 'A');
        Response tooLarge = given().header("Authorization", "Bearer " + token).contentType("text/plain").body(large).post(path);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.jsonPath().getString("message")).contains("up to 10 MB");

        Response unreadable = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"Meta\": nope").post(path);
        assertThat(unreadable.statusCode()).isEqualTo(422);
        assertThat(unreadable.jsonPath().getInt("failures[0].index")).isEqualTo(1);
        assertThat(unreadable.jsonPath().getString("failures[0].reason")).startsWith("Not valid JSON");

        // Windows-1252 text (not UTF-8) is still read
        byte[] latin = Samples.adtA04(1).replace("Quixotica", "Qu\u00e9bec").getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(given().header("Authorization", "Bearer " + token).contentType("text/plain").body(latin).post(path).statusCode())
                .isEqualTo(201);

        assertThat(given().contentType("text/plain").body(Samples.adtA04(1)).post(path).statusCode()).isEqualTo(401);
        assertThat(given().header("Authorization", "Bearer " + token).contentType("text/plain").body(Samples.adtA04(1))
                .post("/api/projects/" + UUID.randomUUID() + "/samples").statusCode()).isEqualTo(404);
        assertThat(given().header("Authorization", "Bearer " + token).get(path).jsonPath().getList("id")).hasSize(1);
    }
}
