package dev.siteready.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import static dev.siteready.database.EmbeddedBackup.CLUSTER;
import static dev.siteready.database.EmbeddedBackup.MANIFEST;
import static dev.siteready.database.EmbeddedBackup.OWNER_SECRET;
import static dev.siteready.database.EmbeddedBackup.SESSION_KEY;

/**
 * Restores an {@link EmbeddedBackup} into a new data folder. Nothing starts here: on its next start the embedded
 * PostgreSQL finds the backup_label and replays the backup's WAL, as after a crash, before it accepts connections.
 */
public final class EmbeddedRestore {

    /** What was restored, for the message that says what to do next. */
    public record Result(Path dataDir, String created, String postgresVersion, boolean sessionKey) {
    }

    private EmbeddedRestore() {
    }

    /**
     * Unpacks the backup into the data folder, which must be missing or empty: a restore never mixes with, or
     * overwrites, an install's data. The file is checked to be a SiteReady backup before anything is written.
     */
    public static Result restore(Path file, Path dataDir) throws IOException {
        Path target = dataDir.toAbsolutePath().normalize();
        refuseUnlessEmpty(target);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("There is no backup file " + file.toAbsolutePath().normalize());
        }
        try (ZipFile zip = open(file)) {
            Properties manifest = check(zip, file);
            boolean existed = Files.exists(target);
            try {
                unpack(zip, target);
            } catch (IOException | RuntimeException e) {
                removeContents(target, existed);
                throw e;
            }
            return new Result(target, manifest.getProperty("created"), manifest.getProperty("postgres.version"),
                    zip.getEntry(SESSION_KEY) != null);
        }
    }

    private static ZipFile open(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new IllegalStateException(file.toAbsolutePath().normalize() + " is not a SiteReady backup (not a zip file: "
                    + e.getMessage() + ").");
        }
    }

    private static void refuseUnlessEmpty(Path target) throws IOException {
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IllegalStateException("Will not restore into " + target + ": it is a file, not a folder.");
        }
        if (Files.isDirectory(target)) {
            try (Stream<Path> contents = Files.list(target)) {
                if (contents.findAny().isPresent()) {
                    throw new IllegalStateException("Will not restore into " + target + ": the folder is not empty,"
                            + " and a restore never overwrites data. Restore into a new or empty folder (set"
                            + " SITEREADY_DATA_DIR to it), or move " + target + " away first.");
                }
            }
        }
    }

    /** The manifest, after checking that the file looks like a complete SiteReady backup and unpacks safely. */
    private static Properties check(ZipFile zip, Path file) throws IOException {
        String notABackup = file.toAbsolutePath().normalize() + " is not a SiteReady backup";
        ZipEntry manifestEntry = zip.getEntry(MANIFEST);
        if (manifestEntry == null) {
            throw new IllegalStateException(notABackup + " (no " + MANIFEST + ").");
        }
        Properties manifest = new Properties();
        try (InputStream in = zip.getInputStream(manifestEntry)) {
            manifest.load(in);
        }
        if (!EmbeddedBackup.FORMAT.equals(manifest.getProperty("format"))) {
            throw new IllegalStateException(notABackup + " this version can read (format " + manifest.getProperty("format") + ").");
        }
        for (String required : List.of(CLUSTER + "/PG_VERSION", CLUSTER + "/global/pg_control", CLUSTER + "/backup_label",
                OWNER_SECRET)) {
            if (zip.getEntry(required) == null) {
                throw new IllegalStateException(notABackup + " (no " + required + ").");
            }
        }
        boolean hasWal = false;
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (!safe(entry.getName())) {
                throw new IllegalStateException(notABackup + " (unexpected entry " + entry.getName() + ").");
            }
            hasWal |= entry.getName().matches(CLUSTER + "/pg_wal/[0-9A-F]{24}");
        }
        if (!hasWal) {
            throw new IllegalStateException(notABackup + " (no WAL files in " + CLUSTER + "/pg_wal).");
        }
        return manifest;
    }

    /** Only the cluster and the known files at the top, and no name that climbs out of the folder. */
    private static boolean safe(String name) {
        boolean known = name.equals(MANIFEST) || name.equals(OWNER_SECRET) || name.equals(SESSION_KEY)
                || name.equals(CLUSTER + "/") || name.startsWith(CLUSTER + "/");
        return known && !name.contains("\\") && Stream.of(name.split("/")).noneMatch(part -> part.equals("..") || part.equals("."));
    }

    private static void unpack(ZipFile zip, Path target) throws IOException {
        Files.createDirectories(target);
        try {
            // Owner only from the start: the secrets must never sit readable by others, not even while unpacking.
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException ignored) {
            // non-POSIX file system
        }
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (entry.getName().equals(MANIFEST)) {
                continue;
            }
            Path path = target.resolve(entry.getName());
            if (entry.isDirectory()) {
                Files.createDirectories(path);
            } else {
                Files.createDirectories(path.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, path);
                }
            }
        }
        ownerOnly(target);
    }

    /** PostgreSQL refuses a data directory others may read (it must be 0700); the secrets get the same care. */
    private static void ownerOnly(Path target) throws IOException {
        try (Stream<Path> all = Files.walk(target)) {
            for (Path path : all.toList()) {
                Files.setPosixFilePermissions(path,
                        PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
            }
        } catch (UnsupportedOperationException ignored) {
            // non-POSIX file system: PostgreSQL does not check permissions there
        }
    }

    /** After a failed unpack, leaves the folder as it was: gone, or empty. */
    private static void removeContents(Path target, boolean keepFolder) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        try (Stream<Path> all = Files.walk(target)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!keepFolder || !path.equals(target)) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** What the launcher prints after a restore. */
    public static String nextSteps(Result result) {
        return "Restored the backup made " + result.created() + " (PostgreSQL " + result.postgresVersion() + ") into "
                + result.dataDir() + ".\nNext: start SiteReady with SITEREADY_DATA_DIR=" + result.dataDir()
                + ". On that first start PostgreSQL replays the backup's WAL (its backup_label) before SiteReady opens.\n"
                + (result.sessionKey()
                        ? "The session key came along: sessions signed in before the backup stay valid."
                        : "The backup has no session.key (SITEREADY_SESSION_KEY supplied it): start with that same key.");
    }
}
