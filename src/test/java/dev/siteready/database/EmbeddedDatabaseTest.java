package dev.siteready.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded server a trial user keeps their data in must survive a crash; the tests' server may be fast. */
class EmbeddedDatabaseTest {

    @Test
    void thePersistentServerSyncsEveryCommitToDisk(@TempDir Path dataDir) throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.startPersistent(dataDir);
                Connection c = db.superuserConnection()) {
            assertThat(show(c, "fsync")).isEqualTo("on");
            assertThat(show(c, "synchronous_commit")).isEqualTo("on");
            assertThat(show(c, "full_page_writes")).isEqualTo("on");
            assertThat(show(c, "autovacuum_naptime")).isEqualTo("10s");
        }
    }

    @Test
    void theThrowAwayServerOfTheTestsMaySkipSyncing() throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.startEphemeral();
                Connection c = db.superuserConnection()) {
            assertThat(show(c, "fsync")).isEqualTo("off");
            assertThat(show(c, "synchronous_commit")).isEqualTo("off");
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
