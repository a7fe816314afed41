package dev.siteready.deploy;

import dev.siteready.database.EmbeddedDatabase;
import dev.siteready.support.AppNode;
import dev.siteready.support.WebSession;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A rolling upgrade: the new release migrates the database while the previous release's nodes still serve it. The
 * previous release's jar (SITEREADY_PREVIOUS_JAR; .ci/run builds it from the commit in .ci/previous-release) must start
 * on the new schema and serve its pages, and what either release writes the other reads. This holds the rule in
 * docs/architecture.md: a migration only expands; what it makes unused is removed one release later.
 */
class UpgradeIT {

    @Test
    void thePreviousReleaseServesItsPagesOnTheNewSchemaBesideTheNewRelease() {
        Path previous = previousJar();
        try (EmbeddedDatabase db = EmbeddedDatabase.startEphemeral()) {
            Map<String, String> env = AppNode.databaseEnv(db.connectionProperties(), "upgrade-session-key-" + UUID.randomUUID());
            // The previous release first, as in production, with data of its own; then the new one migrates.
            WebSession owner;
            UUID oldSite;
            try (AppNode old = AppNode.start("upgrade-previous-first", previous, env)) {
                owner = WebSession.anonymous().via(old.baseUrl()).signUpHere("Upgrade Co");
                oldSite = owner.createSite("Written By The Previous Release", "Lab results");
            }
            try (AppNode fresh = AppNode.start("upgrade-new", AppNode.JAR, env);
                    AppNode old = AppNode.start("upgrade-previous", previous, env)) {
                owner.via(fresh.baseUrl());
                UUID newSite = owner.createSite("Written By The New Release", "Lab results");
                List<String> pages = pagesOf(owner, oldSite);
                pages.addAll(pagesOf(owner, newSite));
                assertThat(pages).as("pages reached from the site pages").hasSizeGreaterThan(8);

                owner.via(old.baseUrl()); // the same session, on the previous release's node
                List<String> failures = new ArrayList<>();
                for (String page : pages) {
                    Response response = owner.get(page);
                    if (response.statusCode() != 200) {
                        failures.add(page + " -> " + response.statusCode());
                    }
                }
                assertThat(failures).as("pages the previous release could not serve on the new schema").isEmpty();
                Document list = owner.page("/sites");
                assertThat(list.text()).contains("Written By The New Release", "Written By The Previous Release");

                UUID fromOld = owner.createSite("Written Again By The Previous Release", "");
                owner.via(fresh.baseUrl());
                assertEquals(200, owner.get("/sites/" + fromOld).statusCode(), "the new release reads the previous one's write");
                assertThat(old.log()).doesNotContain("ERROR");
            }
        }
    }

    /**
     * The other half of a rolling upgrade, for the next release: this release's nodes must (re)start on a schema that a
     * newer release has migrated further. A migration it does not know is the next release's expansion; Flyway would
     * refuse to start on it unless told to ignore newer migrations.
     */
    @Test
    void thisReleaseStartsOnASchemaANewerReleaseMigrated() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.startEphemeral()) {
            Map<String, String> env = AppNode.databaseEnv(db.connectionProperties(), "ahead-session-key-" + UUID.randomUUID());
            try (AppNode first = AppNode.start("ahead-first", AppNode.JAR, env)) {
                WebSession.anonymous().via(first.baseUrl()).signUpHere("Ahead Co").createSite("Before The Next Release", "");
            }
            Map<String, String> props = db.connectionProperties();
            try (Connection c = DriverManager.getConnection(props.get("siteready.db.url"), props.get("siteready.db.user"),
                    props.get("siteready.db.password")); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE next_release_expansion (workspace_id uuid, id uuid)");
                st.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                        + " installed_by, execution_time, success) SELECT max(installed_rank) + 1, '9999', 'next release',"
                        + " 'SQL', 'V9999__next_release.sql', 1, current_user, 1, true FROM flyway_schema_history");
            }
            try (AppNode again = AppNode.start("ahead-again", AppNode.JAR, env)) {
                WebSession owner = WebSession.anonymous().via(again.baseUrl()).signUpHere("Ahead Again Co");
                assertEquals(200, owner.get("/sites/" + owner.createSite("After The Next Release", "")).statusCode());
                assertThat(again.log()).doesNotContain("ERROR");
            }
        }
    }

    /** The site page and every page of the workspace it links to (projects, questionnaire, feasibility, testing...). */
    private static List<String> pagesOf(WebSession session, UUID site) {
        TreeSet<String> pages = new TreeSet<>();
        pages.add("/");
        pages.add("/sites");
        pages.add("/catalog");
        pages.add("/templates");
        pages.add("/retrospectives");
        pages.add("/sites/" + site);
        Document sitePage = session.page("/sites/" + site);
        UUID project = session.firstProject(site);
        for (String from : List.of("/sites/" + site, "/sites/" + site + "/projects/" + project)) {
            Document page = from.equals("/sites/" + site) ? sitePage : session.page(from);
            page.select("main a[href^=/sites/]").eachAttr("href").stream()
                    .map(href -> href.replaceAll("[#?].*$", ""))
                    .filter(href -> !href.endsWith(".pdf") && !href.endsWith(".csv"))
                    .forEach(pages::add);
        }
        List<String> reachable = new ArrayList<>();
        for (String page : pages) {
            if (session.get(page).statusCode() == 200) { // on the new release: links to pages that need a step first are left out
                reachable.add(page);
            }
        }
        return reachable;
    }

    private static Path previousJar() {
        String value = System.getenv("SITEREADY_PREVIOUS_JAR");
        boolean required = "true".equals(System.getenv("SITEREADY_REQUIRE_PREVIOUS"));
        if (value == null || value.isBlank() || !Files.isRegularFile(Path.of(value))) {
            if (required) {
                throw new AssertionError("SITEREADY_PREVIOUS_JAR does not name the previous release's jar: " + value);
            }
            Assumptions.abort("No previous release to upgrade from: set SITEREADY_PREVIOUS_JAR (see .ci/run)");
        }
        return Path.of(value);
    }
}
