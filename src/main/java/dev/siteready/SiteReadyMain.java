package dev.siteready;

import dev.siteready.database.EmbeddedBackup;
import dev.siteready.database.EmbeddedDatabase;
import dev.siteready.database.EmbeddedRestore;
import dev.siteready.database.NightlyBackups;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.util.Locale;

/**
 * Starts SiteReady. Without a configured database it first starts the embedded PostgreSQL and points the
 * application at it; with one ({@code SITEREADY_DB_URL} or the standard Quarkus datasource variables) it
 * starts nothing. Settings are read from system properties and environment variables, because this runs
 * before Quarkus has loaded its configuration.
 *
 * <p>{@code backup FILE} and {@code restore FILE} back up the embedded install's data folder and restore it into a new
 * one (see {@link EmbeddedBackup}); they run instead of the application.
 */
@QuarkusMain
public final class SiteReadyMain {

    public static void main(String... args) {
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            System.exit(command(args));
        }
        EmbeddedDatabase embedded = null;
        NightlyBackups nightly = null;
        if (!externalDatabase()) {
            Path dataDir = dataDir();
            LocalTime backupTime;
            int backupKeep;
            try {
                backupTime = NightlyBackups.parseTime(setting("siteready.backup.time"));
                backupKeep = NightlyBackups.parseKeep(setting("siteready.backup.keep"));
            } catch (IllegalArgumentException e) {
                System.err.println("SiteReady: " + e.getMessage());
                System.exit(1);
                return;
            }
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
            nightly = nightlyBackups(embedded, dataDir, backupTime, backupKeep);
        } else if (setting("siteready.session.key") == null) {
            System.err.println("SiteReady: SITEREADY_SESSION_KEY is not set. With an external database, every app node"
                    + " must share one session encryption key (at least 32 random characters),"
                    + " e.g. SITEREADY_SESSION_KEY=$(openssl rand -base64 32)");
            System.exit(1);
        }
        try {
            Quarkus.run(args);
        } finally {
            if (nightly != null) {
                nightly.close();
            }
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** Backs up the embedded server every night at the time of day, in the machine's zone, on a daemon thread. */
    private static NightlyBackups nightlyBackups(EmbeddedDatabase server, Path dataDir, LocalTime at, int keep) {
        return NightlyBackups.start(dataDir, at, keep, Clock.systemDefaultZone(), file -> {
            try (var superuser = server.superuserConnection()) {
                return EmbeddedBackup.backUp(superuser, dataDir, file);
            }
        });
    }

    /** Runs {@code backup FILE} or {@code restore FILE}; returns the exit code. */
    static int command(String... args) {
        String name = args[0];
        if (args.length != 2) {
            System.err.println("Usage: java -jar quarkus-run.jar " + name + " FILE   (the data folder is SITEREADY_DATA_DIR,"
                    + " default ./data)");
            return 2;
        }
        if (externalDatabase()) {
            System.err.println("SiteReady runs against an external PostgreSQL (SITEREADY_DB_URL): there is no embedded"
                    + " database to " + (name.equals("backup") ? "back up" : "restore into") + ". Use PostgreSQL's own"
                    + " tools for it, e.g. pg_dump -Fc and pg_restore (see docs/operations.md, Backups).");
            return 1;
        }
        Path file = Path.of(args[1]);
        try {
            if (name.equals("backup")) {
                System.out.println(EmbeddedBackup.backUp(dataDir(), file).summary());
            } else {
                System.out.println(EmbeddedRestore.nextSteps(EmbeddedRestore.restore(file, dataDir())));
            }
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("SiteReady " + name + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("SiteReady " + name + " failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    private static boolean externalDatabase() {
        return setting("siteready.db.url") != null || setting("quarkus.datasource.jdbc.url") != null;
    }

    private static Path dataDir() {
        return Path.of(orDefault(setting("siteready.data-dir"), "./data"));
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
