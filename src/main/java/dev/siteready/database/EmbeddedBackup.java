package dev.siteready.database;

import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An online physical backup of the embedded PostgreSQL and its data folder's secrets, in one zip file.
 *
 * <p>zonky's binaries have no pg_dump or pg_basebackup, so this follows PostgreSQL 17's "Making a Base Backup Using the
 * Low Level API" as the server's superuser ({@code postgres}, trusted on localhost): {@code pg_backup_start}, a copy of
 * the cluster's files while the server keeps running, {@code pg_backup_stop}, then the backup_label it returns and the
 * WAL written meanwhile. On its first start, a server restored from it replays that WAL and reaches the state of the
 * moment the backup ended. The owner password and the session key go along, so a restored install accepts the same
 * sign-ins and the sessions of before.
 *
 * <p>Layout: {@code postgres/} (the cluster, with {@code backup_label} and {@code pg_wal/}), {@code db-owner.secret},
 * {@code session.key}, and {@value #MANIFEST} (what the restore checks).
 */
public final class EmbeddedBackup {

    public static final String CLUSTER = "postgres";
    public static final String OWNER_SECRET = "db-owner.secret";
    public static final String SESSION_KEY = "session.key";
    public static final String MANIFEST = "siteready-backup.properties";
    static final String FORMAT = "1";

    private EmbeddedBackup() {
    }

    /** What a backup wrote, for its one-line summary. */
    public record Result(Path file, long bytes, Duration took, String postgresVersion, List<String> walFiles) {

        public String summary() {
            return String.format(Locale.ROOT, "Backed up to %s: %.1f MB in %.1f s (PostgreSQL %s, %d WAL file%s).",
                    file.toAbsolutePath().normalize(), bytes / 1_000_000.0, took.toMillis() / 1000.0, postgresVersion,
                    walFiles.size(), walFiles.size() == 1 ? "" : "s");
        }
    }

    /**
     * Backs up the data folder into the file: from the server that runs on it (SiteReady is running), else from one
     * started for the purpose and stopped afterwards.
     */
    public static Result backUp(Path dataDir, Path file) throws IOException, SQLException {
        Path cluster = dataDir.resolve(CLUSTER);
        if (!Files.isRegularFile(cluster.resolve("PG_VERSION"))) {
            throw new IllegalStateException("There is no SiteReady data in " + dataDir.toAbsolutePath().normalize()
                    + " (no " + CLUSTER + "/PG_VERSION): set SITEREADY_DATA_DIR to the data folder to back up.");
        }
        Optional<PGSimpleDataSource> running = runningServer(cluster);
        if (running.isPresent()) {
            try (Connection superuser = running.get().getConnection()) {
                return backUp(superuser, dataDir, file);
            }
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.startPersistent(dataDir);
                Connection superuser = db.superuserConnection()) {
            return backUp(superuser, dataDir, file);
        }
    }

    /**
     * Backs up the data folder through a superuser connection to the server running on it. The connection is used
     * for nothing else meanwhile; the backup's temporary replication slot lives as long as it does.
     */
    public static Result backUp(Connection superuser, Path dataDir, Path file) throws IOException, SQLException {
        Instant started = Instant.now();
        Path cluster = dataDir.resolve(CLUSTER);
        refuseTarget(cluster, file);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial);
        ownerOnly(partial);
        try {
            List<String> walFiles;
            String version;
            try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
                // Fast over small: WAL segments are mostly empty and shrink at any level; tables change little more.
                zip.setLevel(Deflater.BEST_SPEED);
                version = query(superuser, "SHOW server_version");
                walFiles = copyCluster(superuser, cluster, zip, file.getFileName().toString());
                addSecret(zip, dataDir, OWNER_SECRET);
                addSecret(zip, dataDir, SESSION_KEY);
                addManifest(zip, version, walFiles);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return new Result(file, Files.size(file), Duration.between(started, Instant.now()), version, walFiles);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * The base backup proper: a temporary physical replication slot that reserves WAL at once, so that no segment the
     * backup needs is recycled while the files are copied; pg_backup_start; the copy; pg_backup_stop; its backup_label
     * (and tablespace_map); then the WAL segments from the start LSN's through the stop LSN's. Returns their names.
     */
    private static List<String> copyCluster(Connection superuser, Path cluster, ZipOutputStream zip, String label)
            throws IOException, SQLException {
        int serverVersion = Integer.parseInt(query(superuser, "SHOW server_version_num"));
        if (serverVersion < 160000) {
            // pg_backup_start (15) and pg_split_walfile_name (16); zonky's binaries for some platforms are older.
            throw new SQLException("Backups need the embedded PostgreSQL 16 or later; this platform's is "
                    + query(superuser, "SHOW server_version") + ". Back up with the app stopped by copying the data folder.");
        }
        try (Statement st = superuser.createStatement()) {
            st.execute("SELECT pg_create_physical_replication_slot('siteready_backup_' || pg_backend_pid(), true, true)");
        }
        String startLsn = query(superuser, "SELECT pg_backup_start(?, true)::text", label);
        ClusterFiles.walk(cluster, new ClusterFiles.Visitor() {
            @Override
            public void directory(Path relative) throws IOException {
                zip.putNextEntry(new ZipEntry(entryName(relative) + "/"));
                zip.closeEntry();
            }

            @Override
            public void file(Path relative) throws IOException {
                addFile(zip, cluster.resolve(relative), entryName(relative));
            }
        });
        String stopLsn;
        try (Statement st = superuser.createStatement();
                ResultSet rs = st.executeQuery("SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(false)")) {
            rs.next();
            stopLsn = rs.getString(1);
            addText(zip, entryName(Path.of("backup_label")), rs.getString(2));
            String tablespaceMap = rs.getString(3);
            if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
                addText(zip, entryName(Path.of("tablespace_map")), tablespaceMap);
            }
        }
        List<String> walFiles = walFiles(superuser, cluster.resolve("pg_wal"), startLsn, stopLsn);
        for (String wal : walFiles) {
            addFile(zip, cluster.resolve("pg_wal").resolve(wal), entryName(Path.of("pg_wal", wal)));
        }
        return walFiles;
    }

    /** The WAL segment files from the start LSN's through the stop LSN's, checked to be all there. */
    private static List<String> walFiles(Connection superuser, Path walDir, String startLsn, String stopLsn)
            throws IOException, SQLException {
        String first = query(superuser, "SELECT pg_walfile_name(?::pg_lsn)", startLsn);
        String last = query(superuser, "SELECT pg_walfile_name(?::pg_lsn)", stopLsn);
        long expected = Long.parseLong(query(superuser, "SELECT (SELECT segment_number FROM pg_split_walfile_name(?))"
                + " - (SELECT segment_number FROM pg_split_walfile_name(?)) + 1", last, first));
        List<String> files;
        try (Stream<Path> listing = Files.list(walDir)) {
            files = listing.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("[0-9A-F]{24}") && name.compareTo(first) >= 0 && name.compareTo(last) <= 0)
                    .sorted().toList();
        }
        if (files.size() != expected) {
            throw new IllegalStateException("The backup needs the WAL files " + first + " to " + last + " (" + expected
                    + "), but " + walDir + " has " + files);
        }
        return files;
    }

    /** The superuser data source of the server running on the cluster, if its postmaster.pid names one that answers. */
    static Optional<PGSimpleDataSource> runningServer(Path cluster) {
        List<String> pid;
        try {
            pid = Files.readAllLines(cluster.resolve("postmaster.pid"));
        } catch (IOException none) {
            return Optional.empty();
        }
        if (pid.size() < 4 || !pid.get(3).trim().matches("\\d+")) {
            return Optional.empty();
        }
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] { "localhost" });
        source.setPortNumbers(new int[] { Integer.parseInt(pid.get(3).trim()) });
        source.setDatabaseName("postgres");
        source.setUser("postgres");
        source.setConnectTimeout(5);
        try (Connection c = source.getConnection()) {
            // The port may have been reused since a crash left the file behind: only this cluster's server will do.
            return Files.isSameFile(Path.of(query(c, "SHOW data_directory")), cluster) ? Optional.of(source) : Optional.empty();
        } catch (SQLException | IOException notRunning) {
            return Optional.empty();
        }
    }

    private static void refuseTarget(Path cluster, Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        if (target.startsWith(cluster.toAbsolutePath().normalize())) {
            throw new IllegalStateException("Will not write a backup inside the cluster it copies: " + target);
        }
        if (Files.exists(target)) {
            throw new IllegalStateException(target + " already exists: choose a new file name, or move it away first.");
        }
        Files.createDirectories(target.getParent());
    }

    private static String entryName(Path relativeToCluster) {
        String path = relativeToCluster.toString().replace('\\', '/');
        return path.isEmpty() ? CLUSTER : CLUSTER + "/" + path;
    }

    private static void addFile(ZipOutputStream zip, Path file, String name) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException removedMeanwhile) {
            return; // a file the server removed since the walk saw it (WAL replay recreates or drops it)
        }
        try (in) {
            zip.putNextEntry(new ZipEntry(name));
            in.transferTo(zip);
            zip.closeEntry();
        }
    }

    private static void addText(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A secret of the data folder; the session key is absent when SITEREADY_SESSION_KEY supplies it. */
    private static void addSecret(ZipOutputStream zip, Path dataDir, String name) throws IOException {
        if (Files.isRegularFile(dataDir.resolve(name))) {
            addFile(zip, dataDir.resolve(name), name);
        } else if (name.equals(OWNER_SECRET)) {
            throw new IllegalStateException("The data folder has no " + OWNER_SECRET + ": " + dataDir.toAbsolutePath());
        }
    }

    private static void addManifest(ZipOutputStream zip, String version, List<String> walFiles) throws IOException {
        Properties manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("created", Instant.now().toString());
        manifest.setProperty("postgres.version", version);
        manifest.setProperty("wal.files", String.join(",", walFiles));
        zip.putNextEntry(new ZipEntry(MANIFEST));
        manifest.store(zip, "A SiteReady backup of an embedded PostgreSQL: restore it with the 'restore' command");
        zip.closeEntry();
    }

    private static String query(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** The file holds secrets (the owner password, the session key, every workspace's data): its owner alone reads it. */
    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // non-POSIX file system: the folder's own permissions apply
        }
    }
}
