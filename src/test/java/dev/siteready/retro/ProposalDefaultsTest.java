package dev.siteready.retro;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a proposal starts from an item's section, its long lists grouped; and the review's counts in words. */
@QuarkusTest
class ProposalDefaultsTest {

    @Test
    void anItemOfDataFoundNotRequiredStartsAtDroppingAFieldListedByDataModel() {
        RetroFixture f = RetroFixture.started("Defaults");
        UUID notRequired = f.item("NOT_REQUIRED", "Nobody used the units", "", "", "");
        Document form = f.owner().page(f.base() + "/items/" + notRequired + "/propose");
        assertThat(form.selectFirst("input[name=change]").val()).isEqualTo("DROP_FIELD");
        assertThat(form.selectFirst(".change-kinds [aria-current=page]").text()).isEqualTo("Drop a field from required");
        Element results = form.select("select[name=target] optgroup").stream()
                .filter(g -> g.attr("label").equals("Lab results · Results")).findFirst().orElseThrow();
        assertThat(results.select("option").eachText()).contains("Orders[].Results[].Units", "Orders[].Results[].Code");

        UUID missing = f.item("MISSING_DATA", "Nobody asked for the specimen", "", "", "");
        assertThat(f.owner().page(f.base() + "/items/" + missing + "/propose").selectFirst("input[name=change]").val())
                .isEqualTo("REQUIRE_FIELD");
        UUID improve = f.item("TO_IMPROVE", "Ask about interface engines", "", "", "");
        assertThat(f.owner().page(f.base() + "/items/" + improve + "/propose").selectFirst("input[name=change]").val())
                .isEqualTo("ADD_QUESTION");
        // the kind asked for still wins over the default
        assertThat(f.owner().page(f.base() + "/items/" + notRequired + "/propose?change=ADD_QUESTION")
                .selectFirst("input[name=change]").val()).isEqualTo("ADD_QUESTION");
    }

    @Test
    void questionsAreListedBySectionOnTheProposalAndTheItemForm() {
        RetroFixture f = RetroFixture.started("Grouped");
        UUID item = f.item("TO_IMPROVE", "The EMPI question confused them", "", "", "");
        Document form = f.owner().page(f.base() + "/items/" + item + "/propose?change=REWORD_QUESTION");
        List<Element> groups = form.select("select[name=target] optgroup");
        assertThat(groups).hasSizeGreaterThan(2);
        Element patient = groups.stream().filter(g -> g.attr("label").endsWith(" · Patient identification")).findFirst().orElseThrow();
        assertThat(patient.select("option").eachText()).contains("Do you have an enterprise master patient index (EMPI)?");
        int all = form.select("select[name=target] option").size() - 1; // without "Choose…"
        assertThat(groups).allSatisfy(g -> assertThat(g.select("option").size()).isLessThan(all));

        Element link = f.page().selectFirst("form[id^=add-] select[name=link]");
        assertThat(link.select("optgroup").eachAttr("label"))
                .contains("Questions: Patient identification", "Scope requirements", "Catalog fields in scope: Results");
        // a link chosen from a group is kept with its words, as before
        String empi = RetroFixture.option(f.page(), "link", "Do you have an enterprise master patient index");
        UUID linked = f.item("TO_IMPROVE", "Linked to the EMPI question", "", "", empi);
        assertThat(f.page().getElementById("item-" + linked).selectFirst(".item-link").text())
                .contains("Do you have an enterprise master patient index");
    }

    @Test
    void theReviewCountsOneItemAndOneOpenActionInTheSingular() {
        RetroFixture f = RetroFixture.started("Counts");
        UUID item = f.item("TO_IMPROVE", "One thing to improve", "", "", "");
        Response action = f.owner().post(f.base() + "/actions", Map.of("title", "One action", "owner", "Dev", "due", "", "item", item.toString()));
        assertThat(action.statusCode()).as(action.body().asString()).isEqualTo(303);
        Element entry = f.owner().page("/retrospectives").selectFirst("#retro-list li");
        assertThat(entry.selectFirst("small").text()).endsWith("· 1 item · 1 open action");

        f.item("WENT_WELL", "Another thing", "", "", "");
        f.owner().post(f.base() + "/actions", Map.of("title", "Another action", "owner", "Dev", "due", "", "item", ""));
        assertThat(f.owner().page("/retrospectives").selectFirst("#retro-list li small").text()).endsWith("· 2 items · 2 open actions");
    }
}
