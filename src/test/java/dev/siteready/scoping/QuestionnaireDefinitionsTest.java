package dev.siteready.scoping;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Definitions are parsed once per workspace and version, never shared across workspaces, and the cache is bounded. */
@QuarkusTest
class QuestionnaireDefinitionsTest {

    private static String json(String title) {
        return "{\"sections\":[{\"key\":\"s\",\"title\":\"" + title + "\",\"questions\":[]}]}";
    }

    @Test
    void aVersionIsParsedOnceAndAnotherWorkspaceWithTheSameIdGetsItsOwn() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        UUID version = UUID.randomUUID();

        QuestionnaireDefinition first = QuestionnaireDefinitions.of(a, version, json("Connection"));
        assertThat(first.sections().get(0).title()).isEqualTo("Connection");
        assertThat(QuestionnaireDefinitions.of(a, version, json("Connection"))).isSameAs(first);
        assertThat(QuestionnaireDefinitions.parsed(a, version)).isSameAs(first);

        // The key is the table's primary key (workspace, id): the same id in another workspace is another row.
        assertThat(QuestionnaireDefinitions.parsed(b, version)).isNull();
        assertThat(QuestionnaireDefinitions.of(b, version, json("Other")).sections().get(0).title()).isEqualTo("Other");
        assertThat(QuestionnaireDefinitions.of(a, version, json("ignored")).sections().get(0).title()).isEqualTo("Connection");
    }

    @Test
    void peekingParsesWithoutKeepingButUsesWhatIsKept() {
        String workspace = UUID.randomUUID().toString();
        UUID listed = UUID.randomUUID();
        assertThat(QuestionnaireDefinitions.peek(workspace, listed, json("Listed")).sections().get(0).title()).isEqualTo("Listed");
        assertThat(QuestionnaireDefinitions.parsed(workspace, listed)).as("a list of versions does not fill the cache").isNull();
        QuestionnaireDefinition kept = QuestionnaireDefinitions.of(workspace, listed, json("Listed"));
        assertThat(QuestionnaireDefinitions.peek(workspace, listed, json("Listed"))).isSameAs(kept);
    }

    @Test
    void withoutAWorkspaceOrIdNothingIsKeptAndTheCacheStaysBounded() {
        UUID version = UUID.randomUUID();
        assertThat(QuestionnaireDefinitions.of(null, version, json("Unsaved")).sections().get(0).title()).isEqualTo("Unsaved");
        assertThat(QuestionnaireDefinitions.parsed(null, version)).isNull();

        String workspace = UUID.randomUUID().toString();
        for (int i = 0; i <= QuestionnaireDefinitions.MAX; i++) {
            QuestionnaireDefinitions.of(workspace, UUID.randomUUID(), json("T"));
        }
        assertThat(QuestionnaireDefinitions.size()).isBetween(1, QuestionnaireDefinitions.MAX);

        // Bounded by size too: a definition of more than half the budget leaves room for no second one.
        String big = json("x".repeat((int) (QuestionnaireDefinitions.MAX_CHARS / 2) + 1));
        QuestionnaireDefinitions.of(workspace, UUID.randomUUID(), big);
        UUID second = UUID.randomUUID();
        QuestionnaireDefinitions.of(workspace, second, big);
        assertThat(QuestionnaireDefinitions.size()).isEqualTo(1);
        assertThat(QuestionnaireDefinitions.parsed(workspace, second)).isNotNull();
    }
}
