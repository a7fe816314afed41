package dev.siteready.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded PostgreSQL that SiteReady starts when no external database is configured.
 *
 * <p>zonky's server runs with a superuser ({@code postgres}); the application never uses it. It creates an
 * owner role without superuser rights (the same kind of user an operator configures for an external
 * database), and the application connects as that owner, which in turn serves requests through the
 * non-owner application role created by the migrations.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String OWNER = "siteready";
    public static final String DATABASE = "siteready";

    /**
     * zonky starts every server with {@code -F} (fsync off) and {@code synchronous_commit=off}, fine for a test
     * server and a risk for a trial user's ./data: a crash could lose committed work or corrupt the cluster.
     * These later {@code -c} options override both for the persistent server.
     */
    static final Map<String, String> DURABLE = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    /**
     * Autovacuum looks at each database every 10 s instead of every minute. A new workspace importing thousands of
     * sites otherwise runs for up to a minute on plans made when its tables were empty: each chunk of 250 sites took
     * longer than the last, up to 10 s, until the first analyse (docs/performance.md). A server with little data
     * checks cheaply. An external PostgreSQL keeps its operator's settings.
     */
    static final Map<String, String> FRESH_STATISTICS = Map.of("autovacuum_naptime", "10s");

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final String ownerPassword;
    private final boolean ephemeral;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, String ownerPassword, boolean ephemeral) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.ownerPassword = ownerPassword;
        this.ephemeral = ephemeral;
    }

    /** Starts on a data folder that survives restarts (created on first use). */
    public static EmbeddedDatabase startPersistent(Path dataDir) {
        try {
            Path pgData = dataDir.resolve("postgres");
            Files.createDirectories(dataDir);
            String password = readOrCreateSecret(dataDir.resolve("db-owner.secret"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // zonky waits 10 s by default; the first start after a restore (or a crash) replays WAL first.
                    .setPGStartupWait(java.time.Duration.ofMinutes(10));
            DURABLE.forEach(builder::setServerConfig);
            FRESH_STATISTICS.forEach(builder::setServerConfig);
            EmbeddedPostgres pg = builder.start();
            EmbeddedDatabase db = new EmbeddedDatabase(pg, dataDir, password, false);
            db.provisionOwner();
            return db;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDir.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts a throw-away server in a temporary folder, removed when closed (tests). It keeps zonky's
     * settings for speed ({@code fsync} and {@code synchronous_commit} off): a crash loses nothing that matters.
     */
    public static EmbeddedDatabase startEphemeral() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
            EmbeddedDatabase db = new EmbeddedDatabase(pg, null, randomSecret(), true);
            db.provisionOwner();
            return db;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start an embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private void provisionOwner() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                ps.setString(1, OWNER);
                exists = ps.executeQuery().next();
            }
            try (Statement st = c.createStatement()) {
                // The owner may create the application roles but is never a superuser and cannot bypass RLS.
                String attributes = "LOGIN CREATEROLE NOSUPERUSER NOBYPASSRLS NOCREATEDB PASSWORD '"
                        + ownerPassword.replace("'", "''") + "'";
                st.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + OWNER + " " + attributes);
                boolean dbExists;
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    ps.setString(1, DATABASE);
                    dbExists = ps.executeQuery().next();
                }
                if (!dbExists) {
                    st.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
                }
            }
        }
        try (Connection c = postgres.getDatabase("postgres", DATABASE).getConnection();
                Statement st = c.createStatement()) {
            st.execute("ALTER SCHEMA public OWNER TO " + OWNER);
        }
    }

    /** Properties that point the application at this server. */
    public Map<String, String> connectionProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("siteready.db.url", jdbcUrl());
        props.put("siteready.db.user", OWNER);
        props.put("siteready.db.password", ownerPassword);
        return props;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    /** A connection as zonky's superuser, for tests that must inspect what the application cannot. */
    public Connection superuserConnection() throws SQLException {
        return postgres.getDatabase("postgres", DATABASE).getConnection();
    }

    public String describe() {
        return "embedded PostgreSQL on port " + postgres.getPort()
                + (ephemeral ? " (temporary data)" : ", data in " + dataDir.toAbsolutePath().normalize());
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("Could not stop the embedded PostgreSQL", e);
        }
    }

    /** Reads a secret kept in the data folder, or creates it readable by the owner only. */
    public static String readOrCreateSecret(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String secret = randomSecret();
        Files.writeString(file, secret);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // non-POSIX file system: the folder's own permissions apply
        }
        return secret;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
