package dev.siteready;

import dev.siteready.database.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Starts SiteReady. Without a configured database it first starts the embedded PostgreSQL and points the
 * application at it; with one ({@code SITEREADY_DB_URL} or the standard Quarkus datasource variables) it
 * starts nothing. Settings are read from system properties and environment variables, because this runs
 * before Quarkus has loaded its configuration.
 */
@QuarkusMain
public final class SiteReadyMain {

    public static void main(String... args) {
        EmbeddedDatabase embedded = null;
        if (setting("siteready.db.url") == null && setting("quarkus.datasource.jdbc.url") == null) {
            Path dataDir = Path.of(orDefault(setting("siteready.data-dir"), "./data"));
            embedded = EmbeddedDatabase.startPersistent(dataDir);
            embedded.connectionProperties().forEach(System::setProperty);
            System.setProperty("siteready.db.description", embedded.describe());
            if (setting("siteready.session.key") == null) {
                // A single-node trial install keeps its session key beside its data, so sign-ins survive restarts.
                try {
                    System.setProperty("siteready.session.key",
                            EmbeddedDatabase.readOrCreateSecret(dataDir.resolve("session.key")));
                } catch (IOException e) {
                    throw new IllegalStateException("Could not create the session key in " + dataDir, e);
                }
            }
        } else if (setting("siteready.session.key") == null) {
            System.err.println("SiteReady: SITEREADY_SESSION_KEY is not set. With an external database, every app node"
                    + " must share one session encryption key (at least 32 random characters),"
                    + " e.g. SITEREADY_SESSION_KEY=$(openssl rand -base64 32)");
            System.exit(1);
        }
        try {
            Quarkus.run(args);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** A setting from a system property, else from its environment variable (a.b-c -> A_B_C). */
    static String setting(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

}
