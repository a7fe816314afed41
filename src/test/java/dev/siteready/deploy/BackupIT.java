package dev.siteready.deploy;

import dev.siteready.support.AppNode;
import dev.siteready.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups of the embedded install with the packaged jar: {@code backup FILE} while SiteReady runs and while it does not,
 * {@code restore FILE} into a new folder, and a node on the restored folder that has the data of the backup's moment,
 * the same sign-in and the same session key.
 */
class BackupIT {

    /**
     * One story, as starting a fresh node is the slow part (initdb and every migration): a backup while the node runs,
     * a change after it, a backup with nothing running, restores refused and allowed, and a node on the restored copy.
     */
    @Test
    void backUpWhileRunningAndStoppedThenRestoreIntoANewFolderOnly(@TempDir Path a, @TempDir Path b, @TempDir Path backups)
            throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String before = "Backed-up Health " + suffix;
        String after = "Too-late Health " + suffix;
        Path live = backups.resolve("live.zip");
        WebSession owner;
        String sessionCookie;
        try (AppNode node = AppNode.start("backup-a", AppNode.JAR, dataDir(a))) {
            owner = WebSession.anonymous().via(node.baseUrl()).signUpHere("Backups " + suffix);
            owner.createSite(before, null);
            sessionCookie = owner.cookie("quarkus-credential");

            AppNode.Result made = AppNode.run("backup-live", AppNode.JAR, dataDir(a), "backup", live.toString());
            assertThat(made.exitCode()).as(made.output()).isZero();
            assertThat(made.output()).contains("Backed up to " + live.toAbsolutePath(), " MB in ", " s (PostgreSQL 17");

            owner.createSite(after, null);
        }
        assertThat(live.resolveSibling("live.zip.partial")).doesNotExist();
        assertThat(entries(live)).contains("postgres/backup_label", "postgres/global/pg_control", "postgres/pg_wal/",
                "postgres/pg_replslot/", "db-owner.secret", "session.key", "siteready-backup.properties")
                .noneMatch(name -> name.endsWith("postmaster.pid") || name.startsWith("postgres/pg_replslot/siteready")
                        || name.startsWith("backups/"))
                .anyMatch(name -> name.matches("postgres/pg_wal/[0-9A-F]{24}"));

        // Nothing runs on A now: the backup starts a server of its own for the copy and stops it.
        Path offline = backups.resolve("offline.zip");
        AppNode.Result made = AppNode.run("backup-offline", AppNode.JAR, dataDir(a), "backup", offline.toString());
        assertThat(made.exitCode()).as(made.output()).isZero();
        assertThat(made.output()).contains("Backed up to " + offline.toAbsolutePath());
        assertThat(a.resolve("postgres/postmaster.pid")).as("the server started for the backup is stopped").doesNotExist();

        List<String> filesOfA = listing(a);
        AppNode.Result refused = AppNode.run("backup-refused", AppNode.JAR, dataDir(a), "restore", live.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("Will not restore into " + a.toAbsolutePath(), "not empty",
                "Restore into a new or empty folder");
        assertThat(listing(a)).isEqualTo(filesOfA);

        AppNode.Result external = AppNode.run("backup-external", AppNode.JAR,
                Map.of("SITEREADY_DB_URL", "jdbc:postgresql://db.example.org/siteready"), "backup", offline + ".2");
        assertThat(external.exitCode()).isNotZero();
        assertThat(external.output()).contains("external PostgreSQL", "pg_dump");

        AppNode.Result restored = AppNode.run("backup-restore", AppNode.JAR, dataDir(b), "restore", live.toString());
        assertThat(restored.exitCode()).as(restored.output()).isZero();
        assertThat(restored.output()).contains("SITEREADY_DATA_DIR=" + b.toAbsolutePath());
        assertThat(Files.readString(b.resolve("session.key"))).isEqualTo(Files.readString(a.resolve("session.key")));

        try (AppNode node = AppNode.start("backup-b", AppNode.JAR, dataDir(b))) {
            WebSession fromBefore = WebSession.anonymous().via(node.baseUrl()).withCookie("quarkus-credential", sessionCookie);
            assertThat(siteNames(fromBefore)).as("the session cookie of before the backup, on the restored copy")
                    .containsExactly(before);

            WebSession signedIn = WebSession.anonymous().via(node.baseUrl()).signInHere(owner.email, WebSession.PASSWORD);
            assertThat(siteNames(signedIn)).containsExactly(before).doesNotContain(after);
        }
    }

    private static Map<String, String> dataDir(Path folder) {
        return Map.of("SITEREADY_DATA_DIR", folder.toString());
    }

    private static List<String> siteNames(WebSession session) {
        return session.page("/sites").select("#site-results tbody td a").eachText();
    }

    private static List<String> entries(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    private static List<String> listing(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            return files.map(folder::relativize).map(Path::toString).sorted().toList();
        }
    }
}
