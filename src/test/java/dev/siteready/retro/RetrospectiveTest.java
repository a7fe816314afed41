package dev.siteready.retro;

import dev.siteready.support.Db;
import dev.siteready.support.PinnedClock;
import dev.siteready.support.SqlStatements;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Retrospectives: items, action items, participants, and proposals that change the next site's templates. */
@QuarkusTest
@Isolated // pins the application's clock
class RetrospectiveTest {

    @Inject
    PinnedClock clock;

    @AfterEach
    void unpin() {
        clock.reset();
    }

    @Test
    void anAcceptedQuestionReachesTheNextQuestionnaireAndLinksBackToTheRetrospective() {
        RetroFixture f = RetroFixture.started("Proposal");
        UUID item = f.item("MISSING_DATA", "Nobody asked about result comments", "The site sends **NTE** segments we never mapped.",
                "results, notes", "");
        Document form = f.owner().page(f.base() + "/items/" + item + "/propose?change=ADD_QUESTION");
        assertThat(form.getElementById("proposal-item").text()).isEqualTo("Nobody asked about result comments");
        String target = RetroFixture.option(form, "target", "Coded clinical values");
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("change", "ADD_QUESTION");
        proposal.put("target", target);
        proposal.put("label", "Do your results carry comments (NTE segments)?");
        proposal.put("help", "Comments after OBX, e.g. reference lab notes.");
        proposal.put("type", "YES_NO_UNKNOWN");
        Response proposed = f.owner().post(f.base() + "/items/" + item + "/proposals", proposal);
        assertThat(proposed.statusCode()).as(proposed.body().asString()).isEqualTo(303);

        // Not in new questionnaires until a manager accepts it.
        UUID before = f.owner().createSite("Before accept " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        assertThat(questionnaire(f.owner(), before).text()).doesNotContain("Do your results carry comments");
        assertThat(f.owner().page("/").getElementById("pending-proposals").text()).contains("1 template proposal waits");

        Document proposals = f.owner().page("/retrospectives/proposals");
        Element pending = proposals.selectFirst("#pending article.proposal");
        assertThat(pending.text()).contains("Add the question \"Do your results carry comments (NTE segments)?\"", "Nobody asked about result comments");
        String id = pending.id().substring("proposal-".length());
        Response accepted = f.owner().post("/retrospectives/proposals/" + id + "/accept", Map.of("note", "Good catch",
                "version", pending.selectFirst("input[name=version]").val()));
        assertThat(accepted.statusCode()).as(accepted.body().asString()).isEqualTo(303);
        assertThat(RetroFixture.flash(accepted)).contains("Accepted: version 2 of");

        // The next site's questionnaire asks it, and says where it came from.
        UUID next = f.owner().createSite("After accept " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        Document questionnaire = questionnaire(f.owner(), next);
        Element card = questionnaire.select("article.question").stream()
                .filter(q -> q.text().contains("Do your results carry comments (NTE segments)?")).findFirst().orElseThrow();
        Element origin = card.selectFirst(".question-origin a");
        assertThat(origin.text()).startsWith("From the retrospective of").contains("Nobody asked about result comments");
        Response back = f.owner().get(origin.attr("href"));
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.header("Location")).endsWith(f.base());
        // The partner answering that questionnaire sees the question, not the retrospective behind it.
        String qbase = "/sites/" + next + "/projects/" + f.owner().firstProject(next) + "/questionnaire";
        Response link = f.owner().post(qbase + "/links", Map.of("label", "Pat", "days", "14"));
        String url = RetroFixture.parse(link).selectFirst("#new-link").text();
        WebSession partner = WebSession.fromOwnAddress();
        String portal = partner.get(url.substring(url.indexOf("/p/"))).header("Location");
        Document partnerPage = partner.page(portal.substring(portal.indexOf("/partner/")));
        assertThat(partnerPage.text()).contains("Do your results carry comments (NTE segments)?");
        assertThat(partnerPage.select(".question-origin")).isEmpty();
        // Questionnaires in flight keep their version.
        assertThat(questionnaire(f.owner(), before).text()).doesNotContain("Do your results carry comments");

        // The template's version history links back too; the decision is listed; a second accept is refused.
        String templateLink = f.owner().page("/retrospectives/proposals").selectFirst("#decided-list li a").attr("href");
        Document editor = f.owner().page(templateLink);
        assertThat(editor.select("table.versions a[href^=/retrospectives/]")).hasSize(1);
        assertThat(editor.select(".question-origin a").text()).contains("Nobody asked about result comments");
        Response again = f.owner().post("/retrospectives/proposals/" + id + "/accept", Map.of("note", ""));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(RetroFixture.parse(again).getElementById("proposal-problem")).isNull(); // shown among decided, not pending
        assertThat(f.page().select("#proposal-list li").text()).contains("Accepted", "version 2");
    }

    @Test
    void droppingARequiredFieldChangesWhatTheNextSiteIsOnboardedWith() {
        RetroFixture f = RetroFixture.started("Drop field");
        Document page = f.page();
        String link = RetroFixture.option(page, "link", "Required field Results Orders[].Results[].Units");
        UUID item = f.item("NOT_REQUIRED", "Units were never needed", "The product derives units from LOINC.", "scope", link);
        Document withItem = f.page();
        assertThat(withItem.getElementById("item-" + item).selectFirst(".item-link").text())
                .contains("Scope requirement", "Required field Results Orders[].Results[].Units");
        // the item's edit form has its link chosen; the add forms (rendered from the same options) have none
        assertThat(withItem.getElementById("item-" + item).select("select[name=link] option[selected]").eachAttr("value"))
                .containsExactly(link);
        assertThat(withItem.select("form[id^=add-] select[name=link] option[selected]")).isEmpty();
        assertThat(withItem.select("form[id^=add-] select[name=link]").first().select("option"))
                .hasSameSizeAs(withItem.getElementById("item-" + item).select("select[name=link] option"));

        Document form = f.owner().page(f.base() + "/items/" + item + "/propose");
        assertThat(form.selectFirst("input[name=change]").val()).isEqualTo("DROP_FIELD");
        Element chosen = form.selectFirst("select[name=target] option[selected]");
        assertThat(chosen).as("the form starts at what the item links to").isNotNull();
        assertThat(chosen.text()).isEqualTo("Orders[].Results[].Units");
        assertThat(chosen.parent().attr("label")).isEqualTo("Lab results · Results");
        Response proposed = f.owner().post(f.base() + "/items/" + item + "/proposals", Map.of("change", "DROP_FIELD", "target", chosen.val()));
        assertThat(proposed.statusCode()).as(proposed.body().asString()).isEqualTo(303);

        Element pending = f.owner().page("/retrospectives/proposals").selectFirst("#pending article.proposal");
        String id = pending.id().substring("proposal-".length());
        Response rejectedWithoutReason = f.owner().post("/retrospectives/proposals/" + id + "/reject", Map.of("note", ""));
        assertThat(rejectedWithoutReason.statusCode()).isEqualTo(400);
        assertThat(RetroFixture.parse(rejectedWithoutReason).getElementById("proposal-problem").text()).contains("Say why");
        assertThat(f.owner().post("/retrospectives/proposals/" + id + "/accept", Map.of("note", "")).statusCode()).isEqualTo(303);

        UUID next = f.owner().createSite("Without units " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        String token = f.owner().createApiToken("scope reader");
        String scope = f.owner().get("/api/sites/" + next + "/projects/" + f.owner().firstProject(next) + "/scope",
                Map.of("Authorization", "Bearer " + token)).body().asString();
        Document templates = f.owner().page("/templates");
        Element lab = templates.select("article").stream().filter(a -> a.selectFirst("h2").text().equals("Lab results")).findFirst().orElseThrow();
        assertThat(lab.selectFirst(".required-fields").text()).contains("Orders[].Results[].Code").doesNotContain("Units");
        assertThat(lab.select(".template-versions li")).hasSize(2);
        assertThat(lab.selectFirst(".template-versions li a").attr("href")).startsWith("/retrospectives/");
        // the version links to its proposal's address, which leads to the retrospective
        Response opened = f.owner().get(lab.selectFirst(".template-versions li a").attr("href"));
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(f.owner().get(opened.header("Location")).header("Location")).endsWith(f.base());
        List<String> required = io.restassured.path.json.JsonPath.from(scope).getList("requiredFields.Results");
        assertThat(required).contains("Orders[].Results[].Code").doesNotContain("Orders[].Results[].Units");

        // A second proposal waits; then the template is deleted: both proposals stay with the retrospective.
        Document again = f.owner().page(f.base() + "/items/" + item + "/propose?change=DROP_FIELD");
        String code = RetroFixture.option(again, "target", "Orders[].Results[].Code");
        assertThat(f.owner().post(f.base() + "/items/" + item + "/proposals", Map.of("change", "DROP_FIELD", "target", code))
                .statusCode()).isEqualTo(303);
        String labId = lab.id().substring("template-".length());
        String labVersion = f.owner().page("/templates").selectFirst("#template-" + labId + " form[action$=/delete] input[name=version]").val();
        assertThat(f.owner().post("/templates/" + labId + "/delete", Map.of("version", labVersion)).statusCode()).isEqualTo(303);
        assertThat(f.page().select("#proposal-list li").eachText()).hasSize(2)
                .anyMatch(t -> t.contains("Accepted") && t.contains("Lab results (deleted)"));
        Element orphan = f.owner().page("/retrospectives/proposals").selectFirst("#pending article.proposal");
        Response refused = f.owner().post("/retrospectives/proposals/" + orphan.id().substring("proposal-".length()) + "/accept",
                Map.of("note", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(RetroFixture.parse(refused).getElementById("proposal-problem").text()).contains("was deleted; reject");
    }

    @Test
    void rewordingAQuestionLinkedFromAnItemAndRefusedProposalsKeepTheirInput() {
        RetroFixture f = RetroFixture.started("Reword");
        String link = RetroFixture.option(f.page(), "link", "Do you have an enterprise master patient index");
        UUID item = f.item("TO_IMPROVE", "EMPI question confused the partner", "", "wording", link);
        Document form = f.owner().page(f.base() + "/items/" + item + "/propose");
        assertThat(form.selectFirst("input[name=change]").val()).isEqualTo("REWORD_QUESTION");
        Element chosen = form.selectFirst("select[name=target] option[selected]");
        assertThat(chosen.text()).contains("Do you have an enterprise master patient index");
        assertThat(form.selectFirst("input[name=label]").val()).isEqualTo("Do you have an enterprise master patient index (EMPI)?");
        // a second proposal for the same question, made now and decided after the first
        Response competing = f.owner().post(f.base() + "/items/" + item + "/proposals", Map.of("change", "REWORD_QUESTION",
                "target", chosen.val(), "label", "Is there an EMPI?", "help", ""));
        assertThat(competing.statusCode()).isEqualTo(303);

        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("change", "REWORD_QUESTION");
        proposal.put("target", chosen.val());
        proposal.put("label", "<script>alert(1)</script>" + "L".repeat(400));
        proposal.put("help", "");
        Response tooLong = f.owner().post(f.base() + "/items/" + item + "/proposals", proposal);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        Document refused = RetroFixture.parse(tooLong);
        assertThat(refused.getElementById("proposal-problem").text()).contains("1 to 300 characters");
        assertThat(refused.selectFirst("input[name=label]").val()).startsWith("<script>alert(1)</script>");
        assertThat(refused.select("script:containsData(alert)")).isEmpty();
        assertThat(refused.selectFirst("select[name=target] option[selected]").val()).isEqualTo(chosen.val());
        proposal.put("label", "x".repeat(1_000_000));
        assertThat(f.owner().post(f.base() + "/items/" + item + "/proposals", proposal).statusCode()).isEqualTo(400);
        proposal.put("target", "not-a-target");
        proposal.put("label", "Fine");
        assertThat(RetroFixture.parse(f.owner().post(f.base() + "/items/" + item + "/proposals", proposal))
                .getElementById("proposal-problem").text()).contains("Choose what to change");

        proposal.put("target", chosen.val());
        proposal.put("label", "Does one system (an EMPI) give every patient an enterprise-wide ID?");
        proposal.put("help", "An enterprise master patient index.");
        assertThat(f.owner().post(f.base() + "/items/" + item + "/proposals", proposal).statusCode()).isEqualTo(303);
        Element pending = f.owner().page("/retrospectives/proposals").select("#pending article.proposal").stream()
                .filter(a -> a.text().contains("Does one system")).findFirst().orElseThrow();
        String id = pending.id().substring("proposal-".length());
        Response stale = f.owner().post("/retrospectives/proposals/" + id + "/accept", Map.of("note", "", "version", "99"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(f.owner().post("/retrospectives/proposals/" + id + "/accept", Map.of("note", "",
                "version", pending.selectFirst("input[name=version]").val())).statusCode()).isEqualTo(303);

        Element second = f.owner().page("/retrospectives/proposals").selectFirst("#pending article.proposal");
        assertThat(second.text()).contains("Is there an EMPI?");
        Response outdated = f.owner().post("/retrospectives/proposals/" + second.id().substring("proposal-".length()) + "/accept",
                Map.of("note", "", "version", second.selectFirst("input[name=version]").val()));
        assertThat(outdated.statusCode()).isEqualTo(400);
        assertThat(RetroFixture.parse(outdated).getElementById("proposal-problem").text()).contains("was reworded since");

        UUID next = f.owner().createSite("Reworded " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        Document questionnaire = questionnaire(f.owner(), next);
        assertThat(questionnaire.text()).contains("Does one system (an EMPI) give every patient an enterprise-wide ID?")
                .doesNotContain("Do you have an enterprise master patient index (EMPI)?");
        assertThat(questionnaire.select(".question-origin a").eachText()).anyMatch(t -> t.contains("EMPI question confused the partner"));
    }

    @Test
    void oddInputIsRefusedWithAMessageNeverAServerError() {
        RetroFixture f = RetroFixture.started("Odd input");
        assertThat(f.owner().post(f.base(), Map.of()).statusCode()).as("starting twice").isEqualTo(303);
        UUID item = f.item("TO_IMPROVE", "Odd", "", "", "");
        Document form = f.owner().page(f.base() + "/items/" + item + "/propose?change=ADD_QUESTION");
        String target = RetroFixture.option(form, "target", "Patient identification");
        Response nul = f.owner().post(f.base() + "/items/" + item + "/proposals", Map.of("change", "ADD_QUESTION", "target", target,
                "label", "Which?", "help", "", "type", "SINGLE_CHOICE", "options", "a\u0000b\nc"));
        assertThat(nul.statusCode()).isEqualTo(400);
        Response ignored = f.owner().post(f.base() + "/items/" + item + "/proposals", Map.of("change", "ADD_QUESTION", "target", target,
                "label", "Free text?", "help", "", "type", "SHORT_TEXT", "options", "x\u0000y"));
        assertThat(ignored.statusCode()).as("options are not used by a text question").isEqualTo(303);
        Response huge = f.owner().post(f.base() + "/items/" + item + "/proposals", Map.of("change", "ADD_QUESTION", "target", target,
                "label", "Big?", "help", "", "type", "SINGLE_CHOICE", "options", "o\n".repeat(500_000)));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(f.owner().get(f.base() + "/items/" + item + "/propose?change=NOPE").statusCode()).isEqualTo(200);
        assertThat(f.owner().post(f.base() + "/items/" + item + "/proposals", Map.of("change", "NOPE")).statusCode()).isEqualTo(400);
        assertThat(f.owner().get(f.base() + "/items/not-a-uuid/propose").statusCode()).isEqualTo(404);

        Response tag = f.owner().get("/retrospectives?tag=a\u0000b");
        assertThat(tag.statusCode()).isEqualTo(200);
        assertThat(RetroFixture.parse(tag).getElementById("review-problem").text()).contains("A tag is one word");
        assertThat(f.owner().get("/retrospectives/export.csv?tag=a\u0000b").statusCode()).isEqualTo(400);
        String token = f.owner().createApiToken("odd");
        assertThat(f.owner().get("/api/retrospectives?tag=a\u0000b", Map.of("Authorization", "Bearer " + token)).statusCode()).isEqualTo(400);
        assertThat(f.owner().get("/retrospectives/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(f.owner().get("/retrospectives/not-a-uuid").statusCode()).isEqualTo(404);
    }

    /** At instants where UTC's day and the site's (America/Chicago) differ and where they agree. */
    @ParameterizedTest
    @ValueSource(strings = { "2026-03-10T03:30:00Z", "2026-03-10T23:30:00Z", "2026-12-01T05:30:00Z" })
    void actionItemsAndMissingRetrospectivesAppearOnTheHome(Instant at) {
        clock.pin(at);
        RetroFixture f = RetroFixture.unstarted("Home lists");
        f.liveSince(20);
        Document home = f.owner().page("/");
        assertThat(home.select("#retros-missing li").text()).contains("live since", "20 days", "no retrospective");
        RetroFixture recent = new RetroFixture(f.owner(), f.owner().createSite("Recent " + UUID.randomUUID().toString().substring(0, 6),
                "Lab results"), null, null);
        UUID recentProject = f.owner().firstProject(recent.site());
        LocalDate fiveDaysAgo = clock.today(WebSession.SITE_ZONE).minusDays(5);
        Db.asWorkspace(Db.workspaceOf(f.owner().email), c -> Db.update(c, "UPDATE test_phase SET status = 'PASSED', actual_start = ?,"
                + " actual_end = ? WHERE project_id = ? AND kind = 'GO_LIVE'", fiveDaysAgo, fiveDaysAgo, recentProject));
        assertThat(f.owner().page("/").select("#retros-missing li")).hasSize(1);

        assertThat(f.owner().post(f.base(), Map.of()).statusCode()).isEqualTo(303);
        assertThat(f.owner().page("/").select("#retros-missing li")).isEmpty();
        assertThat(f.page().getElementById("live-state").text()).startsWith("Went live on");

        UUID item = f.item("TO_IMPROVE", "Code mapping took three weeks", "", "mapping", "");
        Response added = f.owner().post(f.base() + "/actions", Map.of("title", "Write a code-mapping upload", "owner", "Dev",
                "due", clock.today(WebSession.SITE_ZONE).minusDays(1).toString(), "item", item.toString())); // the site's yesterday
        assertThat(added.statusCode()).as(added.body().asString()).isEqualTo(303);
        Element action = f.owner().page("/").selectFirst("#open-actions li");
        assertThat(action.text()).contains("Write a code-mapping upload", "overdue", "Dev");
        String actionPath = f.page().selectFirst("#action-table form").attr("action");
        // htmx: the row comes back alone
        Element row = f.page().selectFirst("#action-table tbody tr");
        Response done = f.owner().htmxPost(actionPath, Map.of("status", "DONE", "version", row.selectFirst("input[name=version]").val()));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body().asString()).doesNotContain("<html").contains("action-done");
        Response stale = f.owner().htmxPost(actionPath, Map.of("status", "OPEN", "version", row.selectFirst("input[name=version]").val()));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(f.owner().page("/").select("#open-actions li")).isEmpty();
    }

    @Test
    void participantsSummaryAndRefusedFormsKeepTheirInput() {
        RetroFixture f = RetroFixture.started("Forms");
        assertThat(f.owner().post(f.base() + "/participants", Map.of("name", "Pat Lee", "role", "Interface analyst", "side", "HEALTH_SYSTEM"))
                .statusCode()).isEqualTo(303);
        assertThat(f.page().select("#participant-list li").text()).contains("Pat Lee, Interface analyst", "(Health system)");

        Response badTag = f.owner().post(f.base() + "/items", Map.of("section", "WENT_WELL", "title", "Kept typed", "notes", "My notes",
                "tags", "ok, <b>bad</b>", "link", ""));
        assertThat(badTag.statusCode()).isEqualTo(400);
        Element form = RetroFixture.parse(badTag).getElementById("add-went-well");
        assertThat(form.selectFirst("input[name=title]").val()).isEqualTo("Kept typed");
        assertThat(form.selectFirst("textarea[name=notes]").text()).isEqualTo("My notes");
        assertThat(form.selectFirst("input[name=tags]").val()).isEqualTo("ok, <b>bad</b>");
        assertThat(form.getElementById("add-went-well-problem").text()).contains("Tags are");

        String huge = "x".repeat(1_000_000);
        Response tooLong = f.owner().post(f.base() + "/items", Map.of("section", "WENT_WELL", "title", "Long", "notes", huge, "tags", "", "link", ""));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(RetroFixture.parse(tooLong).getElementById("add-went-well-problem").text()).contains("20,000");
        Response hostileTitle = f.owner().post(f.base() + "/participants", Map.of("name", "<script>alert(1)</script>", "role", "", "side", "VENDOR"));
        assertThat(hostileTitle.statusCode()).isEqualTo(303);
        assertThat(f.page().select("#participant-list script")).isEmpty();
        assertThat(f.page().select("#participant-list li").text()).contains("<script>alert(1)</script>");

        Response badAction = f.owner().post(f.base() + "/actions", Map.of("title", "Keep this action", "owner", "", "due", "2199-01-01",
                "item", ""));
        assertThat(badAction.statusCode()).isEqualTo(400);
        Document badActionPage = RetroFixture.parse(badAction);
        assertThat(badActionPage.getElementById("action-problem").text()).contains("owns the action");
        assertThat(badActionPage.selectFirst("#action-form input[name=title]").val()).isEqualTo("Keep this action");
        assertThat(badActionPage.selectFirst("#action-form input[name=due]").val()).isEqualTo("2199-01-01");
        Response farDue = f.owner().post(f.base() + "/actions", Map.of("title", "Far", "owner", "Dev", "due", "2199-01-01", "item", ""));
        assertThat(RetroFixture.parse(farDue).getElementById("action-problem").text()).contains("between 2000 and 2099");
        Response foreignItem = f.owner().post(f.base() + "/actions", Map.of("title", "x", "owner", "Dev", "due", "",
                "item", UUID.randomUUID().toString()));
        assertThat(RetroFixture.parse(foreignItem).getElementById("action-problem").text()).contains("this retrospective's items");
        Response badLink = f.owner().post(f.base() + "/items", Map.of("section", "DECISION", "title", "Linked", "notes", "", "tags", "",
                "link", "FIELD:Nope|nothing"));
        assertThat(badLink.statusCode()).isEqualTo(400);
        String question = RetroFixture.option(f.page(), "link", "Do you have an enterprise master patient index");
        Response refusedLinked = f.owner().post(f.base() + "/items", Map.of("section", "DECISION", "title", "", "notes", "",
                "tags", "", "link", question));
        assertThat(refusedLinked.statusCode()).isEqualTo(400);
        assertThat(RetroFixture.parse(refusedLinked).select("#add-decision select[name=link] option[selected]").eachAttr("value"))
                .as("a refused form keeps the link chosen").containsExactly(question);

        UUID item = f.item("DECISION", "Use the EMPI id", "", "", "");
        Element edit = f.page().getElementById("item-" + item).selectFirst("form.item-form");
        String version = edit.selectFirst("input[name=version]").val();
        Map<String, Object> change = new LinkedHashMap<>(Map.of("section", "DECISION", "title", "Use the EMPI id as primary",
                "notes", "", "tags", "ids", "link", "", "version", version));
        assertThat(f.owner().post(f.base() + "/items/" + item, change).statusCode()).isEqualTo(303);
        change.put("title", "A stale edit");
        Response stale = f.owner().post(f.base() + "/items/" + item, change);
        assertThat(stale.statusCode()).isEqualTo(409);
        Element staleForm = RetroFixture.parse(stale).getElementById("item-" + item);
        assertThat(staleForm.selectFirst("details").hasAttr("open")).isTrue();
        assertThat(staleForm.selectFirst("input[name=title]").val()).isEqualTo("A stale edit");

        Response summary = f.owner().post(f.base() + "/details", Map.of("heldOn", "1999-01-01", "summary", "Typed summary",
                "version", f.page().selectFirst("#details-form input[name=version]").val()));
        assertThat(summary.statusCode()).isEqualTo(400);
        assertThat(RetroFixture.parse(summary).selectFirst("#details-form textarea").text()).isEqualTo("Typed summary");
        assertThat(f.owner().post(f.base() + "/details", Map.of("heldOn", "2026-11-20", "summary", "## Went *well*",
                "version", f.page().selectFirst("#details-form input[name=version]").val())).statusCode()).isEqualTo(303);
        assertThat(f.page().select("#summary-text h5 em").text()).isEqualTo("well");
        assertThat(f.page().getElementById("held-on").text()).isEqualTo("2026-11-20");

        WebSession viewer = f.owner().addMember("VIEWER", "Vera Viewer");
        assertThat(viewer.post(f.base() + "/items", Map.of("section", "DECISION", "title", "x")).statusCode()).isEqualTo(403);
        assertThat(viewer.page(f.base()).select("form.item-form")).isEmpty();
        assertThat(f.owner().rawPost(f.base() + "/items", Map.of("section", "DECISION", "title", "no csrf")).statusCode()).isIn(400, 403);
    }

    @Test
    void sqlStatementsPerPageStayFixedAsTheRetrospectiveGrows() {
        RetroFixture f = RetroFixture.started("Statements");
        f.page();
        long small = SqlStatements.countDuring(f::page);
        for (int i = 0; i < 6; i++) {
            UUID item = f.item(i % 2 == 0 ? "WENT_WELL" : "TO_IMPROVE", "Item " + i, "Notes " + i, "t" + i, "");
            f.owner().post(f.base() + "/actions", Map.of("title", "Action " + i, "owner", "Dev", "due", "", "item", item.toString()));
            f.owner().post(f.base() + "/participants", Map.of("name", "Person " + i, "role", "", "side", "VENDOR"));
        }
        long large = SqlStatements.countDuring(f::page);
        System.out.println("Retrospective page statements: " + small + " (empty) and " + large + " (6 items, actions, participants)");
        assertThat(large).isEqualTo(small);
        f.owner().page("/retrospectives");
        long review = SqlStatements.countDuring(() -> f.owner().page("/retrospectives"));
        long reviewQ = SqlStatements.countDuring(() -> f.owner().page("/retrospectives?q=item&tag=t1"));
        System.out.println("Review page statements: " + review + ", with a search: " + reviewQ);
        assertThat(reviewQ).isEqualTo(review);
    }

    private static Document questionnaire(WebSession owner, UUID site) {
        return owner.page("/sites/" + site + "/projects/" + owner.firstProject(site) + "/questionnaire");
    }

    static List<String> texts(Document doc, String selector) {
        return doc.select(selector).eachText();
    }
}
