package dev.siteready.web;

import dev.siteready.support.WebSession;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtHandler;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret reaches the log, also when requests on secret-bearing addresses fail because PostgreSQL cannot be
 * reached: each is answered 503 and logged as "Database unavailable on GET /p/…" (Quarkus' own "HTTP Request to …
 * failed" line is covered by LogRedactionTest). The log is read as the console writes it: every record, through the
 * console handler's own filter and formatter.
 *
 * <p>The outage is real for the application: the database refuses every new connection ({@code CONNECTION LIMIT 0},
 * which binds every role but a superuser) and the pool is emptied. It is lifted in a {@code finally}; the class
 * runs alone if test classes ever run in parallel.
 */
@QuarkusTest
@Isolated
class SecretLogTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void failedRequestsOnSecretAddressesLogNoSecretWhileTheDatabaseIsDown() throws Exception {
        // From an address of its own: partner link lookups are limited per network and minute, and earlier tests may
        // have used up the budget of the tests' shared local address (a 429 before the database is even asked).
        WebSession owner = WebSession.fromOwnAddress().signUpHere("Secret Log Co");
        String invitation = owner.invite(WebSession.uniqueEmail("invited"), "VIEWER");
        String partnerLink = partnerLink(owner);
        String apiToken = owner.createApiToken("log test");
        List<String> secrets = List.of(invitation.substring("/invitations/".length()),
                partnerLink.substring("/p/".length()), apiToken);

        Handler console = consoleHandler();
        List<String> written = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (console.getFilter() == null || console.getFilter().isLoggable(record)) {
                    written.add(console.getFormatter().format(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try (Connection owners = ownerConnection()) {
            String database = currentDatabase(owners);
            try {
                connectionLimit(owners, database, 0);
                dataSource.flush(AgroalDataSource.FlushMode.ALL);

                // Members' requests: the session lookup fails before any page runs. Every such request answers 503 (the
                // database cannot be reached), and its log lines are what this test reads.
                assertThat(owner.get(partnerLink).statusCode()).isEqualTo(503);
                assertThat(owner.get(invitation).statusCode()).isEqualTo(503);
                // Anonymous requests reach SiteReady's pages, which fail at their first query.
                assertThat(WebSession.fromOwnAddress().get(partnerLink).statusCode()).isEqualTo(503);
                assertThat(WebSession.anonymous().get(invitation).statusCode()).isEqualTo(503);
                assertThat(WebSession.anonymous().post(invitation, Map.of("name", "N", "password", WebSession.PASSWORD))
                        .statusCode()).isEqualTo(503);
                // The API, with the token in the header and (wrongly, by a careless client) in the query.
                assertThat(given().header("Authorization", "Bearer " + apiToken).get("/api/sites?token=" + apiToken)
                        .statusCode()).isEqualTo(503);
            } finally {
                connectionLimit(owners, database, -1);
                dataSource.flush(AgroalDataSource.FlushMode.ALL);
            }
        } finally {
            root.removeHandler(capture);
        }
        assertThat(owner.get("/").statusCode()).as("the application works again").isEqualTo(200);

        String log = String.join("", written);
        for (String secret : secrets) {
            assertThat(log).as("the log").doesNotContain(secret.substring(secret.indexOf('_') + 1));
        }
        assertThat(log).contains("Database unavailable on GET /p/" + LogRedaction.HIDDEN)
                .contains("on GET /p/" + LogRedaction.HIDDEN)
                .contains("on GET /invitations/" + LogRedaction.HIDDEN)
                .contains("on POST /invitations/" + LogRedaction.HIDDEN)
                .contains("on GET /api/sites");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String secret : secrets) {
            assertThat(metrics).as("the metrics").doesNotContain(secret.substring(secret.indexOf('_') + 1));
        }
    }

    /** A questionnaire partner link; sign-off and retrospective links share its /p/ address. */
    private static String partnerLink(WebSession owner) {
        java.util.UUID site = owner.createSite("Secret Log Hospital " + java.util.UUID.randomUUID().toString().substring(0, 6),
                "Lab results");
        java.util.UUID project = owner.firstProject(site);
        Response created = owner.post("/sites/" + site + "/projects/" + project + "/questionnaire/links",
                Map.of("label", "Pat Lee", "days", "14"));
        assertThat(created.statusCode()).as(created.body().asString()).isEqualTo(200);
        String url = Jsoup.parse(created.body().asString()).selectFirst("#new-link").text();
        return url.substring(url.indexOf("/p/"));
    }

    private static Handler consoleHandler() {
        Deque<Handler> todo = new ArrayDeque<>(List.of(Logger.getLogger("").getHandlers()));
        while (!todo.isEmpty()) {
            Handler handler = todo.pop();
            if (handler instanceof org.jboss.logmanager.handlers.ConsoleHandler) {
                return handler;
            }
            if (handler instanceof ExtHandler ext) {
                todo.addAll(List.of(ext.getHandlers()));
            }
        }
        throw new AssertionError("no console log handler");
    }

    /** The owner SiteReady migrates as (the owner of the database), outside the application's pool. */
    private static Connection ownerConnection() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("siteready.db.url", String.class),
                config.getValue("siteready.db.user", String.class),
                config.getOptionalValue("siteready.db.password", String.class).orElse(""));
    }

    private static String currentDatabase(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT quote_ident(current_database())")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void connectionLimit(Connection c, String database, int limit) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + database + " CONNECTION LIMIT " + limit);
        }
    }
}
