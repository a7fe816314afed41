package dev.siteready.partner;

import dev.siteready.scoping.AnswerKey;
import dev.siteready.scoping.StandardQuestionnaire;
import dev.siteready.support.Db;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner's page beyond answering: what the team wants followed up (at the top and in the section menu), the
 * required questions still open when they submit, and who asks, for which project, until when in the site's time.
 */
@QuarkusTest
class PartnerPortalPageTest {

    private static final String COUNT = AnswerKey.of(StandardQuestionnaire.PATIENT_ID_COUNT, "").domId();
    private static final String VOLUME = AnswerKey.of(StandardQuestionnaire.DAILY_VOLUME, "").domId();

    @Test
    void aReturningPartnerSeesTheAnswersThatNeedFollowUpAtTheTopAndInTheMenu() {
        PartnerLinkTest.Setup s = PartnerLinkTest.setup("FollowUp");
        WebSession partner = WebSession.fromOwnAddress();
        String path = PartnerLinkTest.open(partner, s.link("Pat Lee"));
        answerAsOwner(s, StandardQuestionnaire.PATIENT_ID_COUNT, "2");
        markFollowUp(s, StandardQuestionnaire.PATIENT_ID_COUNT);
        markFollowUp(s, StandardQuestionnaire.DAILY_VOLUME); // not answered yet: a follow-up all the same

        Document page = partner.page(path);
        Element summary = page.getElementById("follow-up-summary");
        assertThat(summary).isNotNull();
        assertThat(summary.selectFirst("h2").text()).isEqualTo("2 answers need follow-up");
        assertThat(summary.select("a").eachAttr("href")).containsExactly("#" + COUNT, "#" + VOLUME);
        assertThat(summary.select("a").eachText()).containsExactly("How many patient identifiers exist across your enterprise?",
                "Expected messages per day across all feeds");
        assertThat(page.getElementById(COUNT)).isNotNull(); // the links lead to the cards
        assertThat(page.getElementById(VOLUME)).isNotNull();
        // at the top: before the progress, the section menu and the first card
        List<String> order = page.select("#follow-up-summary, #progress, nav.section-nav, article.question").stream()
                .map(e -> e.id().isEmpty() ? e.tagName() : e.id()).toList();
        assertThat(order.get(0)).isEqualTo("follow-up-summary");

        Map<String, String> marks = new LinkedHashMap<>();
        for (Element a : page.select("nav.section-nav a")) {
            Element mark = a.selectFirst(".follow-up-mark");
            marks.put(a.attr("href"), mark == null ? "" : mark.text());
        }
        assertThat(marks).containsEntry("#section-patient", "1 needs follow-up").containsEntry("#section-golive", "1 needs follow-up")
                .containsEntry("#section-connection", "").containsEntry("#section-codes", "");

        markFollowUp(s, StandardQuestionnaire.HAS_EMPI);
        Document again = partner.page(path);
        assertThat(again.selectFirst("#follow-up-summary h2").text()).isEqualTo("3 answers need follow-up");
        assertThat(again.selectFirst("nav.section-nav a[href=#section-patient] .follow-up-mark").text()).isEqualTo("2 need follow-up");
    }

    @Test
    void nothingAboutFollowUpIsShownWhenNoneIsNeededOrItIsInSectionsTheLinkDoesNotOpen() {
        PartnerLinkTest.Setup s = PartnerLinkTest.setup("NoFollowUp");
        WebSession partner = WebSession.fromOwnAddress();
        String path = PartnerLinkTest.open(partner, s.link("Pat Lee", "patient"));
        Document page = partner.page(path);
        assertThat(page.getElementById("follow-up-summary")).isNull();
        assertThat(page.select(".follow-up-mark")).isEmpty();

        markFollowUp(s, StandardQuestionnaire.DAILY_VOLUME); // go-live: not this link's section
        page = partner.page(path);
        assertThat(page.getElementById("follow-up-summary")).isNull();
        assertThat(page.select(".follow-up-mark")).isEmpty();

        markFollowUp(s, StandardQuestionnaire.PATIENT_ID_COUNT);
        page = partner.page(path);
        assertThat(page.selectFirst("#follow-up-summary h2").text()).isEqualTo("1 answer needs follow-up");
        assertThat(page.select("#follow-up-summary a").eachAttr("href")).containsExactly("#" + COUNT);
    }

    @Test
    void submittingWithRequiredQuestionsOpenListsThemAndStillLetsThePartnerSubmit() {
        PartnerLinkTest.Setup s = PartnerLinkTest.setup("OpenRequired");
        WebSession partner = WebSession.fromOwnAddress();
        String path = PartnerLinkTest.open(partner, s.link("Pat Lee", "patient"));
        Document page = partner.page(path);
        partner.post(path + "/answers", Map.of("question", StandardQuestionnaire.PATIENT_ID_COUNT, "subject", "",
                "version", PartnerLinkTest.versionOf(page, StandardQuestionnaire.PATIENT_ID_COUNT, ""), "value", "2"));

        Response first = partner.post(path + "/submit", Map.of());
        assertThat(first.statusCode()).isEqualTo(303);
        String check = first.header("Location");
        assertThat(check).endsWith(path + "?submit=check#submit");
        assertThat(s.owner().page(s.base()).selectFirst("#questionnaire-status").text()).isEqualTo("In progress");
        // anything but the form's own confirmation is a first submit
        assertThat(partner.post(path + "/submit", Map.of("confirm", "<script>alert(1)</script>")).header("Location"))
                .endsWith(path + "?submit=check#submit");
        assertThat(partner.get(path + "?submit=%3Cscript%3E").body().asString()).doesNotContain("<script>alert")
                .doesNotContain("open-required");

        Document warning = partner.page(check.substring(check.indexOf("/partner/"), check.indexOf('#')));
        Element box = warning.getElementById("submit");
        assertThat(box.selectFirst("h2").text()).isEqualTo("2 required questions are still open");
        // the patient section's required questions shown and unanswered: the table and the EMPI question (its follow-up
        // question is hidden until the answer is yes); the answered count is not listed
        assertThat(box.select("ul.open-required a").eachAttr("href")).containsExactly(
                "#" + AnswerKey.of(StandardQuestionnaire.PATIENT_ID_TYPES, "").domId(),
                "#" + AnswerKey.of(StandardQuestionnaire.HAS_EMPI, "").domId());
        assertThat(box.select("ul.open-required a").eachText()).containsExactly("Which patient identifier types do you send?",
                "Do you have an enterprise master patient index (EMPI)?");
        Element form = box.selectFirst("form[action$=/submit]");
        assertThat(form.selectFirst("input[name=confirm]").val()).isEqualTo("true");
        assertThat(form.selectFirst("button").text()).isEqualTo("Submit anyway");
        // the plain page (without the check) has the ordinary submit button
        assertThat(partner.page(path).select("#submit ul.open-required")).isEmpty();

        Response anyway = partner.post(path + "/submit", Map.of("confirm", "true"));
        assertThat(anyway.statusCode()).isEqualTo(303);
        assertThat(anyway.header("Location")).endsWith(path);
        assertThat(s.owner().page(s.base()).selectFirst("#questionnaire-status").text()).isEqualTo("Submitted");
        assertThat(s.owner().page(s.base() + "/links").select("table.access-log tbody tr").eachText())
                .anySatisfy(r -> assertThat(r).contains("Submitted the questionnaire for review"));
    }

    @Test
    void submittingWithEveryRequiredQuestionAnsweredNeedsNoSecondStep() {
        PartnerLinkTest.Setup s = PartnerLinkTest.setup("AllRequired");
        WebSession partner = WebSession.fromOwnAddress();
        String path = PartnerLinkTest.open(partner, s.link("Pat Lee", "patient"));
        partner.post(path + "/answers", Map.of("question", StandardQuestionnaire.PATIENT_ID_COUNT, "subject", "", "version", "", "value", "2"));
        partner.post(path + "/answers", Map.of("question", StandardQuestionnaire.PATIENT_ID_TYPES, "subject", "", "version", "",
                "cell-0-type", "MR", "cell-0-authority", "MAIN"));
        partner.post(path + "/answers", Map.of("question", StandardQuestionnaire.HAS_EMPI, "subject", "", "version", "", "value", "NO"));

        Response submitted = partner.post(path + "/submit", Map.of());
        assertThat(submitted.statusCode()).isEqualTo(303);
        assertThat(submitted.header("Location")).endsWith(path);
        assertThat(s.owner().page(s.base()).selectFirst("#questionnaire-status").text()).isEqualTo("Submitted");
        Document page = partner.page(path);
        assertThat(page.select(".flash-success").text()).contains("submitted for review");
        assertThat(page.select("#submit ul.open-required")).isEmpty();
    }

    @Test
    void thePageNamesTheProjectAsAProjectAndTheExpiryInTheSitesTimeZone() {
        WebSession owner = WebSession.signUp("Wording Vendor");
        String siteName = "Wording Hospital " + UUID.randomUUID().toString().substring(0, 6);
        UUID site = owner.createSite(siteName, "Lab results", "Australia/Adelaide");
        UUID project = owner.firstProject(site);
        PartnerLinkTest.Setup s = new PartnerLinkTest.Setup(owner, site, project,
                "/sites/" + site + "/projects/" + project + "/questionnaire");
        WebSession partner = WebSession.fromOwnAddress();
        Document page = partner.page(PartnerLinkTest.open(partner, s.link("Pat Lee")));

        String lead = page.selectFirst(".lead").text();
        assertThat(lead).startsWith("Wording Vendor asks these questions for the project Initial integration at " + siteName + ",")
                .doesNotContain("integration of");
        assertThat(page.selectFirst(".lead em").text()).isEqualTo("Initial integration");

        OffsetDateTime expires = Db.asWorkspace(Db.workspaceOf(owner.email), c -> Db.value(c, OffsetDateTime.class,
                "SELECT expires_at FROM partner_link WHERE label = 'Pat Lee'"));
        String expected = expires.atZoneSameInstant(ZoneId.of("Australia/Adelaide"))
                .format(DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.ENGLISH));
        assertThat(page.getElementById("link-expires").text()).isEqualTo(expected).doesNotContain("UTC");
    }

    private static void answerAsOwner(PartnerLinkTest.Setup s, String question, String value) {
        assertThat(s.owner().post(s.base() + "/answers", Map.of("question", question, "subject", "", "version", "", "value", value))
                .statusCode()).isEqualTo(303);
    }

    private static void markFollowUp(PartnerLinkTest.Setup s, String question) {
        assertThat(s.owner().post(s.base() + "/follow-up", Map.of("question", question, "subject", "", "followUp", "true"))
                .statusCode()).isEqualTo(303);
    }
}
