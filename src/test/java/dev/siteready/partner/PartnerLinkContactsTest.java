package dev.siteready.partner;

import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The new-link form offers the site's contacts for "For", and shows no example that could pass for a value. */
@QuarkusTest
class PartnerLinkContactsTest {

    @Test
    void theSitesContactsAreOfferedAndFreeTextStillWorks() {
        WebSession owner = WebSession.signUp("Contacts Vendor");
        UUID site = owner.createSite("Contacts Hospital " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        String links = "/sites/" + site + "/projects/" + owner.firstProject(site) + "/questionnaire/links";
        String hostile = "<script>alert(1)</script>Eve";
        assertThat(owner.post("/sites/" + site + "/contacts", Map.of("name", hostile, "role", "", "email", "eve@example.org"))
                .statusCode()).isEqualTo(303);

        Document page = owner.page(links);
        Element input = page.getElementById("label");
        assertThat(input.hasAttr("placeholder")).as("no example that looks like a value").isFalse();
        assertThat(input.val()).isEmpty();
        assertThat(page.getElementById(input.attr("aria-describedby")).text()).contains("site's contacts");
        Element offered = page.getElementById(input.attr("list"));
        assertThat(offered.tagName()).isEqualTo("datalist");
        assertThat(offered.select("option").eachAttr("value")).containsExactly("Pat Lee, Interface analyst", hostile);
        assertThat(offered.select("option").eachText()).containsExactly("pat@example.org", "eve@example.org");
        assertThat(page.select("main script")).isEmpty();

        // a contact's words become the link's label; free text is still fine
        Response picked = owner.post(links, Map.of("label", "Pat Lee, Interface analyst", "days", "14"));
        assertThat(picked.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(picked.body().asString()).selectFirst("#new-link-box h2").text()).isEqualTo("Link for Pat Lee, Interface analyst");
        Response typed = owner.post(links, Map.of("label", "Sam Ortiz, lab manager", "days", "14"));
        assertThat(typed.statusCode()).isEqualTo(200);
        assertThat(owner.page(links).select(".links-table td:first-child").eachText())
                .contains("Pat Lee, Interface analyst", "Sam Ortiz, lab manager");

        // refused: the input stays, with the problem, and the contacts are still offered
        Response refused = owner.post(links, Map.of("label", "Pat Lee, Interface analyst", "days", "400"));
        assertThat(refused.statusCode()).isEqualTo(400);
        Document again = Jsoup.parse(refused.body().asString());
        assertThat(again.getElementById("label").val()).isEqualTo("Pat Lee, Interface analyst");
        assertThat(again.getElementById("label").attr("aria-describedby")).contains("label-hint", "link-problem");
        assertThat(again.getElementById("link-problem").text()).isNotBlank();
        assertThat(again.select("datalist#site-contacts option")).hasSize(2);
    }

    @Test
    void aSiteWithoutContactsSaysWhereTheyComeFrom() {
        WebSession owner = WebSession.signUp("No Contacts Vendor");
        UUID site = owner.createSite("No Contacts Hospital " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        Document sitePage = owner.page("/sites/" + site);
        Element remove = sitePage.selectFirst("form[action*=/contacts/][action$=/remove]");
        assertThat(owner.post(remove.attr("action"), Map.of("version", remove.selectFirst("input[name=version]").val())).statusCode())
                .isEqualTo(303);
        Document page = owner.page("/sites/" + site + "/projects/" + owner.firstProject(site) + "/questionnaire/links");
        assertThat(page.getElementById("label").hasAttr("list")).isFalse();
        assertThat(page.select("datalist")).isEmpty();
        assertThat(page.getElementById("label-hint").text()).contains("Contacts added on the site's page are offered here");
    }
}
