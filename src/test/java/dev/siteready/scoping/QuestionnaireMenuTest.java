package dev.siteready.scoping;

import dev.siteready.support.SqlStatements;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The section menu of the questionnaire keeps its counts in step with the autosave, without a reload. */
@QuarkusTest
class QuestionnaireMenuTest {

    @Test
    void theAutosaveUpdatesTheSectionMenusCountOutOfBand() {
        QuestionnaireTest.Fixture f = QuestionnaireTest.fixture("Menu");
        Document page = f.page();
        int total = page.select("#section-connection article.question").size();
        assertThat(total).isPositive();
        Element entry = page.selectFirst(".section-nav a[href=#section-connection]").parent();
        assertThat(entry.selectFirst("#nav-count-connection [aria-hidden]").text()).isEqualTo("0/" + total);
        assertThat(entry.selectFirst("#nav-count-connection .visually-hidden").text()).isEqualTo("0 of " + total + " answered");

        String subject = "Results|INBOUND";
        Map<String, Object> answer = Map.of("question", StandardQuestionnaire.CONNECTION_METHODS, "subject", subject,
                "version", f.version(StandardQuestionnaire.CONNECTION_METHODS, subject), "value", List.of("FHIR"));
        Response saved = f.owner().htmxPost(f.base() + "/answers", answer);
        assertThat(saved.statusCode()).isEqualTo(200);
        Document fragment = Jsoup.parseBodyFragment(saved.body().asString());
        Element menuCount = fragment.getElementById("nav-count-connection");
        assertThat(menuCount.attr("hx-swap-oob")).isEqualTo("true");
        assertThat(menuCount.selectFirst("[aria-hidden]").text()).isEqualTo("1/" + total);
        assertThat(fragment.getElementById("progress-connection").text()).isEqualTo("1 of " + total + " answered");
        assertThat(fragment.getElementById("progress").attr("hx-swap-oob")).isEqualTo("true");

        // every entry of the menu comes along, each as a reload shows it
        Document reloaded = f.page();
        List<Element> entries = reloaded.select(".section-nav .nav-count");
        assertThat(entries).hasSizeGreaterThan(1);
        for (Element e : entries) {
            assertThat(fragment.getElementById(e.id())).as(e.id()).isNotNull();
            assertThat(fragment.getElementById(e.id()).text()).isEqualTo(e.text());
        }
        assertThat(reloaded.selectFirst("#progress").text()).contains("1 of ");
    }

    @Test
    void aRefusedAnswerLeavesTheMenuCountAsItWasAndTheStatementsStayFixed() {
        QuestionnaireTest.Fixture f = QuestionnaireTest.fixture("Menu refused");
        Response refused = f.owner().htmxPost(f.base() + "/answers", Map.of("question", StandardQuestionnaire.PATIENT_ID_COUNT,
                "subject", "", "version", f.version(StandardQuestionnaire.PATIENT_ID_COUNT, ""), "value", "<b>three</b>"));
        assertThat(refused.statusCode()).isEqualTo(400);
        Document fragment = Jsoup.parseBodyFragment(refused.body().asString());
        assertThat(fragment.select("b")).isEmpty();
        Element card = fragment.getElementById(AnswerKey.of(StandardQuestionnaire.PATIENT_ID_COUNT, "").domId());
        assertThat(card.selectFirst("input[name=value]").val()).isEqualTo("<b>three</b>");
        assertThat(card.selectFirst(".field-error").text()).contains("Enter a number");
        Element count = fragment.getElementById("nav-count-patient");
        assertThat(count.selectFirst("[aria-hidden]").text()).startsWith("0/");

        // the menu counts come from the view the card is built from: no statement per section
        f.save(StandardQuestionnaire.DAILY_VOLUME, "", Map.of("value", "1"));
        String before = f.version(StandardQuestionnaire.DAILY_VOLUME, "");
        long first = SqlStatements.countDuring(() -> f.owner().htmxPost(f.base() + "/answers", Map.of("question",
                StandardQuestionnaire.DAILY_VOLUME, "subject", "", "version", before, "value", "2")));
        f.save(StandardQuestionnaire.PEAK_VOLUME, "", Map.of("value", "5"));
        String version = f.version(StandardQuestionnaire.DAILY_VOLUME, "");
        long second = SqlStatements.countDuring(() -> f.owner().htmxPost(f.base() + "/answers", Map.of("question",
                StandardQuestionnaire.DAILY_VOLUME, "subject", "", "version", version, "value", "3")));
        assertThat(second).isEqualTo(first).isLessThan(20);
    }
}
