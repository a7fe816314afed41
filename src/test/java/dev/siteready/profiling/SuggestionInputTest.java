package dev.siteready.profiling;

import io.restassured.http.Header;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a decision on a suggestion copies into the response's headers stays short, whatever was posted. */
@QuarkusTest
class SuggestionInputTest {

    @Test
    void aHundredKilobyteQuestionIsRefusedAndNeverCopiedIntoAHeader() {
        SamplesFixture f = SamplesFixture.create("Samples long question");
        Document page = f.profile(SamplesPageTest.mixedHl7());
        String action = page.selectFirst("#s-patient-id_types form").attr("action");
        String huge = "x".repeat(100 * 1024);

        Response plain = f.owner().post(action, Map.of("question", huge, "subject", "", "version", "", "decision", "accept"));
        Response htmx = f.owner().htmxPost(action, Map.of("question", huge, "subject", "", "version", "", "decision", "accept"));
        for (Response response : new Response[] { plain, htmx }) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().asList()).allSatisfy((Header h) -> assertThat(h.getValue().length())
                    .as(h.getName()).isLessThan(2100));
            assertThat(response.body().asString()).doesNotContain(huge.substring(0, 1000));
        }
        // A long subject (subjects are hashed into the anchor) is refused the same way.
        assertThat(f.owner().post(action, Map.of("question", "patient.id_types", "subject", huge, "version", "",
                "decision", "accept")).statusCode()).isEqualTo(400);
    }
}
