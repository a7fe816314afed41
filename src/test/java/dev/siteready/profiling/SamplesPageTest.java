package dev.siteready.profiling;

import dev.siteready.support.SqlStatements;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample messages page: profiling pasted samples, the profile shown, suggestions accepted into the questionnaire. */
@QuarkusTest
class SamplesPageTest {

    static String mixedHl7() {
        return String.join("\r\n", Samples.adtA04(1), Samples.adtA04(2), Samples.oruR01(1), Samples.ormO01("NW"), Samples.adtA08WithDiagnosis());
    }

    @Test
    void pastedSamplesAreProfiledAndFailuresListedWithTheirReason() {
        SamplesFixture f = SamplesFixture.create("Samples page");
        Document empty = f.owner().page(f.base());
        assertThat(empty.selectFirst("#no-profile")).isNotNull();
        assertThat(f.owner().page("/sites/" + f.site() + "/projects/" + f.project()).selectFirst("#samples-link").attr("href")).isEqualTo(f.base());

        Document page = f.profile("this line is not a message\r" + mixedHl7() + "\rMSH|^~\\&|A\r");
        assertThat(page.selectFirst("#profile-summary").text()).contains("5 of 6 messages profiled (HL7 v2").contains("1 could not be read");
        assertThat(page.select("#failure-list tbody tr").eachText()).containsExactly(
                "Before message 1 No MSH segment: the text before the first message is not HL7 v2.",
                "#6 MSH-9 (the message type) is empty.");
        assertThat(page.select("#conformance-notes li").eachText()).containsExactly("Text before the first MSH segment, not read");
        Element adt = row(page, "#types", "ADT^A04");
        assertThat(adt.text()).contains("PatientAdmin Registration").contains("2.5.1").contains("PV1-19 100%");
        assertThat(row(page, "#types", "ORU^R01").text()).contains("Results New").contains("2.3");
        assertThat(row(page, "#patient-ids", "MAIN").text()).contains("MR").contains("AAA9999999");
        assertThat(row(page, "#patient-ids", "EMPI").text()).contains("PE");
        assertThat(page.selectFirst("#ids-per-patient").text()).contains("1 to 2 per patient");
        assertThat(page.selectFirst("#visit-facts").text()).contains("PV1-19: filled in 2 of 4").contains("PID-18: filled in 2 of 5");
        assertThat(page.select("#providers tbody tr").eachText()).anyMatch(t -> t.startsWith("ORC-12 NPI NPI"))
                .anyMatch(t -> t.startsWith("ORC-12 (no type) —")).anyMatch(t -> t.startsWith("PV1-8 DN MAIN"));
        Element obx = row(page, "#codes", "OBX-3");
        assertThat(obx.text()).contains("Results").contains("LN").contains("99RIV");
        assertThat(obx.select(".code-system-flagged").text()).contains("99RIV").contains("Local");
        // Counted per OBX segment (3), with 99RIV only ever the alternate code
        assertThat(obx.child(2).text()).isEqualTo("3");
        assertThat(obx.select(".code-system").eachText()).anyMatch(t -> t.startsWith("99RIV 33% (as primary 0%, as alternate 33%)"));
        // The NPI's authority carries its OID: the namespace shows, the rest on expansion
        Element npi = page.select("#providers tbody tr").stream().filter(r -> r.text().startsWith("PV1-7 NPI")).findFirst().orElseThrow();
        assertThat(npi.selectFirst("details.authority summary").text()).isEqualTo("NPI");
        assertThat(npi.selectFirst("details.authority summary").attr("title")).isEqualTo("NPI&2.16.840.1.113883.4.6&ISO");
        assertThat(npi.selectFirst("details.authority small").text()).isEqualTo("Universal ID 2.16.840.1.113883.4.6, type ISO");

        // Suggestions for the standard questions, with their evidence
        Element ids = page.selectFirst("#s-patient-id_types");
        assertThat(ids.selectFirst(".suggested-value").text()).contains("MR").contains("MAIN").contains("PE").contains("EMPI");
        assertThat(ids.text()).contains("derived from 5 messages");
        // Provider identifiers compare whole authorities: the NPI with its OID and the bare "NPI" are two rows
        Element providerIds = page.selectFirst("#s-provider-ids");
        assertThat(providerIds.selectFirst(".suggested-value").text()).contains("NPI&2.16.840.1.113883.4.6&ISO");
        assertThat(providerIds.text()).contains("NPI from NPI&2.16.840.1.113883.4.6&ISO in PV1-7").contains("NPI from NPI in OBR-16, ORC-12");
        assertThat(page.select("article.suggestion h3").eachText()).anyMatch(t -> t.contains("Which code systems do you send for Results"));
        // The profile page again later (GET) shows the profile but not the one-time failure reasons
        Document later = f.owner().page(f.base());
        assertThat(later.selectFirst("#failures")).isNull();
        assertThat(later.selectFirst("#profile-summary").text()).contains("messages 6");
    }

    @Test
    void acceptingASuggestionFillsTheAnswerAndIgnoringIsRemembered() {
        SamplesFixture f = SamplesFixture.create("Samples accept");
        Document page = f.profile(mixedHl7());
        Element card = page.selectFirst("#s-patient-id_types");
        String action = card.selectFirst("form").attr("action");
        Response accepted = f.owner().post(action, Map.of("question", "patient.id_types", "subject", "", "version", "", "decision", "accept"));
        assertThat(accepted.statusCode()).isEqualTo(303);
        Document questionnaire = f.owner().page("/sites/" + f.site() + "/projects/" + f.project() + "/questionnaire");
        Element answered = questionnaire.selectFirst("#q-patient-id_types");
        assertThat(answered.select("input[name^=cell-][value=MAIN]")).isNotEmpty();
        assertThat(answered.select("select[name=cell-0-type] option[selected]").attr("value")).isEqualTo("MR");
        assertThat(answered.select("input[name=cell-0-format]").attr("value")).isEqualTo("AAA9999999");
        Document again = f.owner().page(action.replace("/suggestions", ""));
        assertThat(again.selectFirst("#s-patient-id_types").text()).contains("Matches the answer");
        assertThat(again.selectFirst("#s-patient-id_types form")).isNull();

        // htmx: the card alone comes back, updated
        Response htmx = f.owner().htmxPost(action, Map.of("question", "provider.ids", "subject", "", "version", "", "decision", "accept"));
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body().asString()).doesNotContain("<html").contains("Matches the answer");

        // The count of identifiers: accepted from the first profile (3 types and authorities) ...
        assertThat(f.owner().htmxPost(action, Map.of("question", "patient.id_count", "subject", "", "version", "", "decision", "accept"))
                .body().asString()).contains("Matches the answer");
        // ... then a second profile (MR only) suggests 1; accepting from a page that did not show the answer is stale:
        // 409 with the current answer and its version, nothing overwritten; accepting again with that version replaces it
        Document secondProfile = f.profile(Samples.adtA04(9).replace("~EMPI99812377^^^EMPI^PE", ""));
        Element countCard = secondProfile.selectFirst("#s-patient-id_count");
        assertThat(countCard.selectFirst(".current-answer").text()).isEqualTo("3");
        String secondAction = countCard.selectFirst("form").attr("action");
        Response conflict = f.owner().htmxPost(secondAction, Map.of("question", "patient.id_count", "subject", "", "version", "", "decision", "accept"));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body().asString()).contains("changed since this page was loaded");
        assertThat(Jsoup.parse(conflict.body().asString()).selectFirst(".current-answer").text()).isEqualTo("3");
        String version = Jsoup.parse(conflict.body().asString()).selectFirst("input[name=version]").attr("value");
        assertThat(f.owner().htmxPost(secondAction, Map.of("question", "patient.id_count", "subject", "", "version", version,
                "decision", "accept")).body().asString()).contains("Matches the answer");
        assertThat(f.owner().page("/sites/" + f.site() + "/projects/" + f.project() + "/questionnaire")
                .selectFirst("#q-patient-id_count input[name=value]").attr("value")).isEqualTo("1");

        // Ignore: remembered, and accepting later is still possible
        Response ignored = f.owner().post(secondAction, Map.of("question", "codes.local_mapping", "subject", "PatientAdmin",
                "version", "", "decision", "ignore"));
        assertThat(ignored.statusCode()).isIn(303, 422);
        Response ignoredResults = f.owner().post(action, Map.of("question", "codes.local_mapping", "subject", "Results", "version", "",
                "decision", "ignore"));
        assertThat(ignoredResults.statusCode()).isEqualTo(303);
        Element local = f.owner().page(action.replace("/suggestions", "")).selectFirst("#suggestions article:has(input[value=codes.local_mapping]):has(input[name=subject][value=Results])");
        assertThat(local.text()).contains("Ignored");
        assertThat(local.select("button[value=accept]")).hasSize(1);
        assertThat(local.select("button[value=ignore]")).isEmpty();

        // A question the profile suggests nothing for, or an unknown decision
        assertThat(f.owner().post(action, Map.of("question", "golive.freezes", "subject", "", "version", "", "decision", "accept"))
                .header("Location")).contains(action.replace("/suggestions", ""));
        assertThat(f.owner().post(action, Map.of("question", "patient.id_types", "subject", "", "version", "", "decision", "delete"))
                .statusCode()).isEqualTo(400);
        // with htmx, a suggestion that no longer applies loads the page (HX-Redirect) rather than swapping a page into the card
        Response gone = f.owner().htmxPost(action, Map.of("question", "golive.freezes", "subject", "", "version", "", "decision", "accept"));
        assertThat(gone.statusCode()).isEqualTo(200);
        assertThat(gone.header("HX-Redirect")).startsWith(action.replace("/suggestions", ""));
        assertThat(gone.body().asString()).doesNotContain("<html");
    }

    @Test
    void badInputIsRefusedWithAMessageAndNothingStored() {
        SamplesFixture f = SamplesFixture.create("Samples bad input");
        Response blank = f.paste("   \n ");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(blank.body().asString()).selectFirst("#samples-problem").text()).contains("Paste at least one message");

        Response binary = f.paste("MSH|^~\\&|A\u0000\u0001\u0002PNG");
        assertThat(binary.statusCode()).isEqualTo(415);
        assertThat(binary.body().asString()).contains("does not look like text");

        String hostile = "<script>alert('x')</script>\n<img src=x onerror=alert(1)>";
        Response unreadable = f.paste(hostile);
        assertThat(unreadable.statusCode()).isEqualTo(422);
        Document doc = Jsoup.parse(unreadable.body().asString());
        assertThat(doc.selectFirst("#samples-problem").text()).contains("No message was found");
        assertThat(doc.selectFirst("#samples-text").wholeText()).contains("<script>alert('x')</script>").contains("<img src=x onerror");
        assertThat(doc.select("main script, main img")).isEmpty();

        // A hostile authority or code system name is kept (it is a name) but shown escaped
        Document named = f.profile(Samples.adtA04(1).replace("^^^MAIN^MR", "^^^<b onmouseover=x>MAIN^MR"));
        assertThat(named.select("#patient-ids b")).isEmpty();
        assertThat(row(named, "#patient-ids", "<b onmouseover=x>MAIN").text()).contains("MR");

        String big = "MSH|^~\\&|A|B|C|D|2026||ADT^A04|1|P|2.5.1\r" + "PID|1||" + "9".repeat(SampleInput.MAX_BYTES);
        Response tooLarge = f.paste(big);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(Jsoup.parse(tooLarge.body().asString()).selectFirst("#samples-problem").text()).contains("up to 10 MB");

        assertThat(f.owner().page(f.base()).select("#profile-list tbody tr")).hasSize(1); // only the named one
    }

    @Test
    void manyUnreadableMessagesAreListedUpToAHundredAndCounted() {
        SamplesFixture f = SamplesFixture.create("Samples many failures");
        Response response = f.paste(Samples.adtA04(1) + "\r" + "MSH|^~\\&|A\r".repeat(1_250));
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.select("#failure-list tbody tr")).hasSize(100);
        assertThat(page.selectFirst("#more-failures").text()).isEqualTo("And 1150 more, not listed.");
        assertThat(page.selectFirst("#profile-summary").text()).contains("1 of 1251 messages profiled").contains("1250 could not be read");
    }

    /** Close to 10 MB of HL7, which URL-encoding makes about half again as long, goes through the page's form. */
    @Test
    void aPasteCloseToTheLimitIsProfiled() {
        SamplesFixture f = SamplesFixture.create("Samples near the limit");
        String message = Samples.adtA04(1);
        String text = (message + "\r\n").repeat((int) (9.5 * 1024 * 1024 / (message.length() + 2)));
        Response response = f.paste(text);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(response.body().asString()).selectFirst("#profile-summary").text())
                .contains(String.format(java.util.Locale.ROOT, "%d of %d messages profiled", text.length() / (message.length() + 2),
                        text.length() / (message.length() + 2)));
    }

    @Test
    void viewersSeeButDoNotProfileAndCsrfIsRequired() {
        SamplesFixture f = SamplesFixture.create("Samples viewer");
        f.profile(mixedHl7());
        UUID profile = f.latestProfile();
        WebSession viewer = f.owner().addMember("VIEWER", "Vic Viewer");
        Document page = viewer.page(f.base() + "/" + profile);
        assertThat(page.selectFirst("#samples-form")).isNull();
        assertThat(page.select("#suggestions form")).isEmpty();
        assertThat(page.selectFirst("#s-patient-id_types")).isNotNull();
        assertThat(viewer.post(f.base(), Map.of("samples", Samples.adtA04(1))).statusCode()).isEqualTo(403);
        assertThat(viewer.post(f.base() + "/" + profile + "/suggestions", Map.of("question", "patient.id_types", "subject", "",
                "version", "", "decision", "accept")).statusCode()).isEqualTo(403);
        assertThat(viewer.post(f.base() + "/" + profile + "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(f.owner().rawPost(f.base() + "/" + profile + "/delete", Map.of()).statusCode()).isEqualTo(400);
        assertThat(f.owner().get(f.base() + "/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(f.owner().get(f.base() + "/not-a-uuid").statusCode()).isEqualTo(404);

        Response deleted = f.owner().post(f.base() + "/" + profile + "/delete", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(f.owner().get(f.base() + "/" + profile).statusCode()).isEqualTo(404);
    }

    @Test
    void checklistItemsShowTheMessageTypesSeenInSamples() {
        SamplesFixture f = SamplesFixture.create("Samples checklist");
        String testing = "/sites/" + f.site() + "/projects/" + f.project() + "/testing";
        assertThat(f.owner().page(testing).select("#checklist .seen-in-samples")).isEmpty();
        f.profile(Samples.oruR01(1) + "\r" + Samples.adtA04(1));
        Document page = f.owner().page(testing);
        List<Element> rows = page.select("#checklist tbody tr");
        Element results = rows.stream().filter(r -> r.text().startsWith("Results New")).findFirst().orElseThrow();
        assertThat(results.selectFirst(".seen-in-samples").attr("title")).contains("Seen in samples: 1 message").contains("not a pass");
        assertThat(results.select("select[name=result] option[selected]").attr("value")).isEqualTo("NOT_RUN");
        Element order = rows.stream().filter(r -> r.text().startsWith("Order New")).findFirst().orElseThrow();
        assertThat(order.select(".seen-in-samples")).isEmpty();
    }

    @Test
    void statementsPerPageStayFixedAsProfilesGrow() {
        SamplesFixture f = SamplesFixture.create("Samples statements");
        f.profile(Samples.adtA04(1));
        f.owner().page(f.base());
        long small = SqlStatements.countDuring(() -> f.owner().page(f.base()));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            many.append(Samples.adtA04(i)).append('\r').append(Samples.oruR01(i)).append('\r').append(Samples.vxuV04()).append('\r');
        }
        f.profile(many.toString());
        f.profile(mixedHl7());
        long large = SqlStatements.countDuring(() -> f.owner().page(f.base()));
        System.out.println("Sample messages page statements: " + small + " (one small profile) and " + large + " (three, 180 messages)");
        assertThat(large).isEqualTo(small);
    }

    static Element row(Document page, String table, String text) {
        return page.select(table + " tbody tr").stream().filter(r -> r.text().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + text + " in " + table + ": " + page.select(table).text()));
    }
}
