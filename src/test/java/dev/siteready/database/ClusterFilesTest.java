package dev.siteready.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A base backup copies the cluster without the running server's own files, keeping the directories it empties. */
class ClusterFilesTest {

    @Test
    void copiesTheDataAndLeavesOutWhatTheLowLevelApiDocsSayToOmit(@TempDir Path cluster) throws IOException {
        for (String file : List.of("PG_VERSION", "postgresql.conf", "global/pg_control", "global/1262", "base/1/1259",
                "base/1/pg_internal.init", "global/pg_internal.init", "base/pgsql_tmp/pgsql_tmp123.0", "postmaster.pid",
                "postmaster.opts", "epg-lock", "pg_wal/000000010000000000000001", "pg_wal/archive_status/000000010000000000000001.done",
                "pg_wal/summaries/x.summary", "pg_replslot/siteready_backup_42/state", "pg_dynshmem/mmap.1", "pg_notify/0000",
                "pg_serial/0000", "pg_snapshots/00000003-1", "pg_stat_tmp/global.tmp", "pg_subtrans/0000", "pg_xact/0000",
                "pg_stat/pgstat.stat")) {
            Files.createDirectories(cluster.resolve(file).getParent());
            Files.writeString(cluster.resolve(file), file);
        }

        List<String> directories = new ArrayList<>();
        List<String> files = new ArrayList<>();
        ClusterFiles.walk(cluster, new ClusterFiles.Visitor() {
            @Override
            public void directory(Path relative) {
                directories.add(relative.toString());
            }

            @Override
            public void file(Path relative) {
                files.add(relative.toString());
            }
        });

        assertThat(files).containsExactlyInAnyOrder("PG_VERSION", "postgresql.conf", "global/pg_control", "global/1262",
                "base/1/1259", "pg_xact/0000", "pg_stat/pgstat.stat");
        assertThat(directories).containsExactlyInAnyOrder("", "global", "base", "base/1", "pg_wal", "pg_wal/archive_status",
                "pg_wal/summaries", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp",
                "pg_subtrans", "pg_xact", "pg_stat");
    }
}
