package dev.siteready.scoping;

import dev.siteready.support.Db;
import dev.siteready.support.LogCapture;
import dev.siteready.support.OpenTransaction;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two answers to one question saved at the same moment: the later one gets the conflict card with its input, as an
 * htmx fragment, and the log stays free of stack traces.
 */
@QuarkusTest
class AnswerConflictsTest {

    private static final String KEY = StandardQuestionnaire.BUSINESS_HOURS;

    @Test
    void anAnswerSavedWhileAnotherSaveOfItCommitsGetsTheConflictCard() throws Exception {
        QuestionnaireTest.Fixture f = QuestionnaireTest.fixture("Answer Race");
        assertThat(f.save(KEY, "", Map.of("value", "Mon-Fri 08:00-17:00")).statusCode()).isEqualTo(303);
        long version = Long.parseLong(f.version(KEY, ""));

        Response response = race(f, theirs -> theirs.update("UPDATE answer SET value = to_jsonb('Mon-Fri 07:00-19:00'::text),"
                + " updated_by = 'Someone else', version = version + 1 WHERE question_key = ? AND subject = ''"
                + " AND questionnaire_id IN (SELECT id FROM questionnaire WHERE project_id = ?)", KEY, f.project()),
                String.valueOf(version));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body().asString()).doesNotContain("<html");
        Element card = Jsoup.parseBodyFragment(response.body().asString()).getElementById(AnswerKey.of(KEY, "").domId());
        assertThat(card.selectFirst("input[name=value]").val()).isEqualTo("Mon-Sat 06:00-20:00");
        assertThat(card.selectFirst(".conflict .theirs").text()).isEqualTo("Mon-Fri 07:00-19:00");
        assertThat(card.selectFirst("input[name=version]").val()).isEqualTo(String.valueOf(version + 1));
    }

    @Test
    void aFirstAnswerSavedWhileAnotherFirstAnswerCommitsGetsTheConflictCard() throws Exception {
        QuestionnaireTest.Fixture f = QuestionnaireTest.fixture("First Answer Race");
        assertThat(f.version(KEY, "")).isEmpty();

        // the other save is one of the application's: it locks the questionnaire, then adds the answer
        Response response = race(f, theirs -> {
            theirs.update("UPDATE questionnaire SET version = version WHERE project_id = ?", f.project());
            theirs.update("INSERT INTO answer (workspace_id, id, questionnaire_id, question_key, subject, value, updated_by)"
                    + " SELECT workspace_id, gen_random_uuid(), id, ?, '', to_jsonb('Mon-Fri 07:00-19:00'::text), 'Someone else'"
                    + " FROM questionnaire WHERE project_id = ?", KEY, f.project());
        }, "");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body().asString()).doesNotContain("<html");
        Element card = Jsoup.parseBodyFragment(response.body().asString()).getElementById(AnswerKey.of(KEY, "").domId());
        assertThat(card.selectFirst("input[name=value]").val()).isEqualTo("Mon-Sat 06:00-20:00");
        assertThat(card.selectFirst(".conflict .theirs").text()).isEqualTo("Mon-Fri 07:00-19:00");
    }

    interface Change {
        void make(OpenTransaction theirs);
    }

    /** Saves "Mon-Sat 06:00-20:00" over that version (htmx) while another transaction holds its change open. */
    private static Response race(QuestionnaireTest.Fixture f, Change change, String version) throws Exception {
        try (LogCapture log = LogCapture.start(); OpenTransaction theirs = OpenTransaction.begin(Db.workspaceOf(f.owner().email))) {
            change.make(theirs);
            Response response = theirs.commitWhileWaiting(() -> f.owner().htmxPost(f.base() + "/answers",
                    Map.of("question", KEY, "subject", "", "version", version, "value", "Mon-Sat 06:00-20:00")));
            assertThat(log.stackTracesAndCommitFailures()).isEmpty();
            return response;
        }
    }

}
