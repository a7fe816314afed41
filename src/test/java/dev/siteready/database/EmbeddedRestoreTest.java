package dev.siteready.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A restore writes only a complete-looking SiteReady backup, only into a missing or empty folder, only inside it, and
 * leaves the cluster as PostgreSQL requires it (0700). The round trip through a real server is BackupIT's.
 */
class EmbeddedRestoreTest {

    @Test
    void unpacksABackupWithTheClusterReadableByItsOwnerOnly(@TempDir Path tmp) throws IOException {
        Path data = tmp.resolve("data");

        EmbeddedRestore.Result result = EmbeddedRestore.restore(zip(tmp, backup()), data);

        assertThat(result.sessionKey()).isTrue();
        assertThat(result.postgresVersion()).isEqualTo("17.6");
        assertThat(data.resolve("postgres/backup_label")).hasContent("START WAL LOCATION: 0/2000028");
        assertThat(data.resolve("postgres/pg_replslot")).isEmptyDirectory();
        assertThat(data.resolve("session.key")).hasContent("the key");
        assertThat(data.resolve(EmbeddedBackup.MANIFEST)).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("postgres")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("session.key")))).isEqualTo("rw-------");
    }

    @Test
    void refusesAFolderThatHasAnythingInItAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("session.key"), "another install's key");

        assertThatThrownBy(() -> EmbeddedRestore.restore(zip(tmp, backup()), data))
                .hasMessageContaining("Will not restore into " + data.toAbsolutePath())
                .hasMessageContaining("new or empty folder");
        try (var files = Files.list(data)) {
            assertThat(files).containsExactly(data.resolve("session.key"));
        }
    }

    @Test
    void refusesWhatIsNotASiteReadyBackupBeforeWritingAnything(@TempDir Path tmp) throws IOException {
        Path data = tmp.resolve("data");
        Map<String, String> noLabel = backup();
        noLabel.remove("postgres/backup_label");
        Map<String, String> climbing = backup();
        climbing.put("postgres/../../outside", "x");
        Map<String, String> noManifest = backup();
        noManifest.remove(EmbeddedBackup.MANIFEST);
        Path notAZip = Files.writeString(tmp.resolve("notes.zip"), "just text");

        assertThatThrownBy(() -> EmbeddedRestore.restore(zip(tmp, noLabel), data)).hasMessageContaining("no postgres/backup_label");
        assertThatThrownBy(() -> EmbeddedRestore.restore(zip(tmp, climbing), data)).hasMessageContaining("unexpected entry");
        assertThatThrownBy(() -> EmbeddedRestore.restore(zip(tmp, noManifest), data)).hasMessageContaining("is not a SiteReady backup");
        assertThatThrownBy(() -> EmbeddedRestore.restore(notAZip, data)).hasMessageContaining("not a zip file");
        assertThat(data).doesNotExist();
        assertThat(tmp.resolve("outside")).doesNotExist();
    }

    /** The entries of a minimal backup, as EmbeddedBackup lays them out. */
    private static Map<String, String> backup() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("postgres/", null);
        entries.put("postgres/PG_VERSION", "17\n");
        entries.put("postgres/global/", null);
        entries.put("postgres/global/pg_control", "control");
        entries.put("postgres/pg_replslot/", null);
        entries.put("postgres/pg_wal/", null);
        entries.put("postgres/backup_label", "START WAL LOCATION: 0/2000028");
        entries.put("postgres/pg_wal/000000010000000000000002", "wal");
        entries.put("db-owner.secret", "the password");
        entries.put("session.key", "the key");
        entries.put(EmbeddedBackup.MANIFEST, "format=1\ncreated=2025-06-01T07:30:00Z\npostgres.version=17.6\n");
        return entries;
    }

    private static Path zip(Path folder, Map<String, String> entries) throws IOException {
        Path file = Files.createTempFile(folder, "backup", ".zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                if (entry.getValue() != null) {
                    zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        }
        return file;
    }
}
