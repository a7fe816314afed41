package dev.siteready.scoping;

import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Number questions hold answers to their declared range, and questions that count things to whole numbers. */
@QuarkusTest
class NumberAnswerTest {

    @Test
    void aCountRefusesNegativeAndFractionalNumbersAndKeepsTheInput() {
        QuestionnaireTest.Fixture f = QuestionnaireTest.fixture("Numbers");
        String count = StandardQuestionnaire.PATIENT_ID_COUNT;

        assertRefused(f, count, "-999999", "Enter a number from 1 to 1,000: this question counts identifiers.");
        assertRefused(f, count, "1.5", "Enter a whole number: this question counts identifiers (from 1 to 1,000).");
        assertRefused(f, StandardQuestionnaire.DAILY_VOLUME, "2500.5", "Enter a whole number: this question counts messages");
        assertRefused(f, StandardQuestionnaire.PEAK_VOLUME, "-1", "Enter a number from 0 to 10,000,000");

        assertThat(f.save(count, "", Map.of("value", "3")).statusCode()).isEqualTo(303);
        assertThat(f.card(count, "").selectFirst("input[name=value]").val()).isEqualTo("3");
        assertThat(f.save(StandardQuestionnaire.DAILY_VOLUME, "", Map.of("value", "2,500.0")).statusCode()).isEqualTo(303);
        assertThat(f.card(StandardQuestionnaire.DAILY_VOLUME, "").selectFirst("input[name=value]").val()).isEqualTo("2500");
    }

    private static void assertRefused(QuestionnaireTest.Fixture f, String question, String value, String message) {
        Response response = f.save(question, "", Map.of("value", value));
        assertThat(response.statusCode()).as(value).isEqualTo(400);
        Element card = Jsoup.parse(response.body().asString()).getElementById(AnswerKey.once(question).domId());
        assertThat(card.selectFirst(".field-error").text()).as(value).contains(message);
        assertThat(card.selectFirst("input[name=value]").val()).as("the input is kept").isEqualTo(value);
        assertThat(f.card(question, "").selectFirst("input[name=value]").val()).as("nothing stored").isEmpty();
    }
}
