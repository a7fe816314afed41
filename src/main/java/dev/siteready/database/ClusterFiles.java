package dev.siteready.database;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * Which files of a running PostgreSQL cluster a base backup copies, as PostgreSQL 17's "Making a Base Backup Using
 * the Low Level API" lists them: everything except the server's run-time files, which a restored server recreates
 * or must not see.
 */
final class ClusterFiles {

    /**
     * Directories copied empty: their contents are rebuilt at start-up (pg_dynshmem, pg_notify, pg_serial, pg_snapshots,
     * pg_stat_tmp, pg_subtrans), belong to the running server alone (pg_replslot: the backup's own slot among them), or
     * are added from the backup's own WAL range afterwards (pg_wal).
     */
    static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
            "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    /** Files never copied, wherever they are: the running server's own, rebuilt caches, and zonky's lock file. */
    static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "pg_internal.init", "epg-lock");

    /** Temporary files and directories of running queries. */
    static final String TEMPORARY_PREFIX = "pgsql_tmp";

    interface Visitor {
        /** A directory, as a path relative to the cluster (empty for the cluster itself). */
        void directory(Path relative) throws IOException;

        /** A file to copy, as a path relative to the cluster. */
        void file(Path relative) throws IOException;
    }

    private ClusterFiles() {
    }

    /**
     * Visits what a backup copies, directories before their contents. Files the server removes while the walk runs
     * (temporary files, dropped tables) are skipped, as a copy made a moment later would not have them either.
     */
    static void walk(Path cluster, Visitor visitor) throws IOException {
        Files.walkFileTree(cluster, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = cluster.relativize(dir);
                if (relative.toString().isEmpty()) {
                    visitor.directory(relative);
                    return FileVisitResult.CONTINUE;
                }
                if (!copiedDirectory(relative)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                visitor.directory(relative);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path relative = cluster.relativize(file);
                if (attrs.isRegularFile() && copiedFile(relative)) {
                    visitor.file(relative);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    /** Whether a directory (relative to the cluster, not the cluster itself) is copied. */
    static boolean copiedDirectory(Path relative) {
        String name = relative.getFileName().toString();
        if (name.startsWith(TEMPORARY_PREFIX)) {
            return false;
        }
        String top = relative.getName(0).toString();
        // Inside an emptied directory only pg_wal's own subdirectories (archive_status, summaries) are kept, empty.
        return relative.getNameCount() == 1 || !EMPTIED.contains(top) || (top.equals("pg_wal") && relative.getNameCount() == 2);
    }

    /** Whether a file (relative to the cluster) is copied. */
    static boolean copiedFile(Path relative) {
        String name = relative.getFileName().toString();
        return !name.startsWith(TEMPORARY_PREFIX) && !SKIPPED.contains(name)
                && (relative.getNameCount() == 1 || !EMPTIED.contains(relative.getName(0).toString()));
    }
}
