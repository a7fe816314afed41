package dev.siteready.support;

import dev.siteready.database.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The PostgreSQL every test runs against: a fresh embedded server per test run by default, or the one
 * named by SITEREADY_TEST_DB_URL (with SITEREADY_TEST_DB_USER / SITEREADY_TEST_DB_PASSWORD, the owner).
 * Started once per JVM even when Quarkus restarts between test profiles; zonky removes it at JVM exit.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static Map<String, String> properties;

    @Override
    public synchronized Map<String, String> start() {
        if (properties == null) {
            String url = System.getenv("SITEREADY_TEST_DB_URL");
            if (url != null && !url.isBlank()) {
                properties = Map.of(
                        "siteready.db.url", url,
                        "siteready.db.user", envOr("SITEREADY_TEST_DB_USER", "siteready"),
                        "siteready.db.password", envOr("SITEREADY_TEST_DB_PASSWORD", ""),
                        "siteready.db.description", "external PostgreSQL for tests at " + url);
            } else {
                EmbeddedDatabase db = EmbeddedDatabase.startEphemeral();
                properties = new java.util.HashMap<>(db.connectionProperties());
                properties.put("siteready.db.description", db.describe());
            }
        }
        return properties;
    }

    @Override
    public void stop() {
        // kept for the whole test JVM; see the class comment
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
