package dev.siteready.retro;

import dev.siteready.partner.PartnerCookie;
import dev.siteready.support.Db;
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

/** The partner's contribution through a link, and Markdown that can never run script. */
@QuarkusTest
class RetroPartnerAndMarkdownTest {

    /** Each on its own paragraph, so that none is swallowed by the raw HTML block of the line before it. */
    static final String HOSTILE = String.join("\n\n",
            "<script>alert('script')</script>",
            "[click me](javascript:alert('link'))",
            "[also](JaVaScRiPt:alert('mixedCase'))",
            "[entity](&#106;avascript:alert('entity'))",
            "<a href=\"javascript:alert('raw')\">raw link</a>",
            "<img src=x onerror=\"alert('img')\">",
            "![pixel](javascript:alert('image'))",
            "![tracker](https://tracker.example/p.gif)",
            "![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+)",
            "<div onclick=\"alert('div')\">div</div>",
            "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[vb](vbscript:msgbox(1))",
            "<svg onload=\"alert('svg')\"></svg>",
            "**bold** and a [good link](https://example.org/docs)");

    @Test
    void markdownIsRenderedButNeverExecutable() {
        RetroFixture f = RetroFixture.started("Markdown");
        UUID item = f.item("DESIGN_REVIEW", "Hostile notes", HOSTILE, "", "");
        assertSafe(f.page().getElementById("item-" + item).selectFirst(".markdown"));
        assertSafe(f.owner().page("/retrospectives").getElementById("hit-" + item).selectFirst(".markdown"));
        Document page = f.page();
        assertThat(page.getElementById("item-" + item).selectFirst(".markdown strong").text()).isEqualTo("bold");
        Element good = page.getElementById("item-" + item).select(".markdown a").stream()
                .filter(a -> a.text().equals("good link")).findFirst().orElseThrow();
        assertThat(good.attr("href")).isEqualTo("https://example.org/docs");
        assertThat(good.attr("rel")).contains("noopener", "nofollow");
        // what was typed is kept as typed, for editing
        assertThat(page.getElementById("item-" + item).selectFirst("textarea[name=notes]").text()).contains("<script>alert('script')</script>");
    }

    static void assertSafe(Element markdown) {
        assertThat(markdown).isNotNull();
        assertThat(markdown.select("script, img, svg, iframe, object, embed, style")).isEmpty();
        for (Element e : markdown.getAllElements()) {
            e.attributes().forEach(a -> assertThat(a.getKey()).as("attribute on <" + e.tagName() + ">").doesNotStartWith("on"));
            for (String attr : new String[] { "href", "src" }) {
                String value = e.attr(attr).toLowerCase(java.util.Locale.ROOT).replaceAll("\\s", "");
                assertThat(value).as(attr + " of " + e).doesNotStartWith("javascript:").doesNotStartWith("data:").doesNotStartWith("vbscript:");
            }
        }
        // the raw HTML shows as text; the links are there, without their targets
        assertThat(markdown.text()).contains("<script>alert('script')</script>", "<img src=x onerror=");
        assertThat(markdown.select("a").eachText()).contains("click me", "also", "entity", "data", "vb", "Image: pixel", "Image: svg");
    }

    @Test
    void thePartnerAddsNotesThroughALinkAndSeesOnlyTheirOwn() {
        RetroFixture f = RetroFixture.started("Partner retro");
        f.item("TO_IMPROVE", "Internal: partner was slow to answer", "", "", "");
        Response created = f.owner().post(f.base() + "/links", Map.of("label", "Pat Lee", "days", "14"));
        assertThat(created.statusCode()).isEqualTo(200);
        String url = Jsoup.parse(created.body().asString()).getElementById("new-link").text();
        String link = url.substring(url.indexOf("/p/"));
        assertThat(f.page().select("#retro-links td").eachText()).contains("Pat Lee", "Active");

        WebSession partner = WebSession.fromOwnAddress();
        Response opened = partner.get(link);
        assertThat(opened.statusCode()).isEqualTo(303);
        String portal = opened.header("Location").substring(opened.header("Location").indexOf("/partner/"));
        assertThat(portal).isEqualTo("/partner/retro/" + f.project());
        assertThat(opened.headers().getValues("Set-Cookie").stream().filter(h -> h.startsWith(PartnerCookie.NAME + "=")).findFirst()
                .orElseThrow()).contains("Path=" + portal).contains("HttpOnly");

        Document page = partner.page(portal);
        assertThat(page.text()).doesNotContain("partner was slow");
        assertThat(page.getElementById("no-contributions")).isNotNull();

        Response bad = partner.post(portal + "/items", Map.of("section", "WENT_WELL", "title", "", "notes", "Kept notes"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body().asString()).selectFirst("textarea[name=notes]").text()).isEqualTo("Kept notes");
        Response huge = partner.post(portal + "/items", Map.of("section", "WENT_WELL", "title", "Big", "notes", "n".repeat(1_000_000)));
        assertThat(huge.statusCode()).isEqualTo(400);
        Response added = partner.post(portal + "/items", Map.of("section", "FEATURE_NEEDED", "title", "A <b>code-mapping</b> upload",
                "notes", HOSTILE));
        assertThat(added.statusCode()).as(added.body().asString()).isEqualTo(303);
        Document after = partner.page(portal);
        assertThat(after.select("#yours h3").eachText()).containsExactly("A <b>code-mapping</b> upload");
        assertSafe(after.selectFirst("#yours .markdown"));

        Element mine = f.page().getElementById("section-feature-needed").selectFirst("article.retro-item");
        assertThat(mine.selectFirst("h3").text()).isEqualTo("A <b>code-mapping</b> upload");
        assertThat(mine.selectFirst(".item-meta").text()).contains("Pat Lee (health system)", "health system");
        assertSafe(mine.selectFirst(".markdown"));
        UUID ws = Db.workspaceOf(f.owner().email);
        assertThat(Db.<Long>asWorkspace(ws, c -> Db.count(c, "SELECT count(*) FROM partner_link_access WHERE action LIKE 'Added to the retrospective%'")))
                .isEqualTo(1);

        // a questionnaire or sign-off cookie path does not open this page, and revocation works at once
        assertThat(partner.get("/partner/sign-off/" + f.project()).statusCode()).isEqualTo(404);
        String linkId = f.page().selectFirst("#retro-links tbody tr").id().substring("link-".length());
        assertThat(f.owner().post(f.base() + "/links/" + linkId + "/revoke", Map.of()).statusCode()).isEqualTo(303);
        assertThat(partner.get(portal).statusCode()).isEqualTo(404);
        assertThat(partner.post(portal + "/items", Map.of("section", "WENT_WELL", "title", "after revoke")).statusCode()).isEqualTo(404);
        assertThat(f.page().getElementById("section-feature-needed").selectFirst("h3").text()).isEqualTo("A <b>code-mapping</b> upload");
        // a member signed in elsewhere with a link of another workspace gets nothing
        assertThat(WebSession.anonymous().get(portal).statusCode()).isEqualTo(404);
        assertThat(f.owner().post(f.base() + "/links", Map.of("label", "", "days", "500")).statusCode()).isEqualTo(400);
    }
}
