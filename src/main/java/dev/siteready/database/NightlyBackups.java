package dev.siteready.database;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The nightly backup of an embedded install: once a day at a local time of day, an {@link EmbeddedBackup} into
 * {@code DATA/backups/siteready-YYYYMMDD-HHMMSS.zip}, keeping the newest few. The folder is outside the cluster, so
 * no backup contains the ones before it. A failed backup logs an error and the next night tries again; it never stops
 * the application.
 */
public final class NightlyBackups implements AutoCloseable {

    public static final LocalTime DEFAULT_TIME = LocalTime.of(2, 30);
    public static final int DEFAULT_KEEP = 7;
    static final Pattern NAME = Pattern.compile("siteready-\\d{8}-\\d{6}\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Logger LOG = Logger.getLogger(NightlyBackups.class);

    /** Makes one backup into the file (the embedded server's, in the application). */
    @FunctionalInterface
    public interface Backup {
        EmbeddedBackup.Result into(Path file) throws Exception;
    }

    private final Path folder;
    private final LocalTime at;
    private final int keep;
    private final Clock clock;
    private final Backup backup;
    private volatile ZonedDateTime plannedRun;
    private final ScheduledExecutorService scheduler = scheduler();

    /** One daemon thread; at shutdown the next night's backup is dropped, one under way is waited for (close()). */
    private static ScheduledExecutorService scheduler() {
        java.util.concurrent.ScheduledThreadPoolExecutor executor = new java.util.concurrent.ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "siteready-nightly-backup");
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    NightlyBackups(Path folder, LocalTime at, int keep, Clock clock, Backup backup) {
        this.folder = folder;
        this.at = at;
        this.keep = keep;
        this.clock = clock;
        this.backup = backup;
    }

    /**
     * Schedules the nightly backups of the data folder's running server on a daemon thread; with keep 0 they are off
     * and nothing is scheduled. The clock's zone is the one the time of day is read in.
     */
    public static NightlyBackups start(Path dataDir, LocalTime at, int keep, Clock clock, Backup backup) {
        NightlyBackups nightly = new NightlyBackups(dataDir.resolve("backups"), at, keep, clock, backup);
        if (keep > 0) {
            nightly.scheduleAfter(ZonedDateTime.now(clock));
            LOG.infof("Nightly backups at %s (%s) into %s, keeping the newest %d", at, clock.getZone(),
                    nightly.folder.toAbsolutePath().normalize(), keep);
        }
        return nightly;
    }

    /** The first moment after now at the time of day: a time a DST change skips moves on by the gap's length. */
    static ZonedDateTime nextRun(ZonedDateTime now, LocalTime at) {
        ZonedDateTime today = now.toLocalDate().atTime(at).atZone(now.getZone());
        return today.isAfter(now) ? today : now.toLocalDate().plusDays(1).atTime(at).atZone(now.getZone());
    }

    /** How long from the clock's now until the next run. */
    static Duration untilNextRun(Clock clock, LocalTime at) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        return Duration.between(now, nextRun(now, at));
    }

    private void scheduleAfter(ZonedDateTime after) {
        ZonedDateTime planned = nextRun(after, at);
        plannedRun = planned;
        long delay = Math.max(0, Duration.between(ZonedDateTime.now(clock), planned).toMillis());
        scheduler.schedule(() -> {
            try {
                runOnce();
            } finally {
                // From the planned time at the earliest: a timer that fires a little early must not run twice.
                if (!scheduler.isShutdown()) {
                    ZonedDateTime now = ZonedDateTime.now(clock);
                    scheduleAfter(now.isAfter(planned) ? now : planned);
                }
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** When the next backup runs; empty when nightly backups are off. */
    Optional<ZonedDateTime> plannedRun() {
        return Optional.ofNullable(plannedRun);
    }

    /** One backup named after the clock's now, then the pruning; returns the file, or null when the backup failed. */
    Path runOnce() {
        Path file = folder.resolve("siteready-" + STAMP.format(ZonedDateTime.now(clock)) + ".zip");
        try {
            Files.createDirectories(folder);
            ownerOnly(folder);
            EmbeddedBackup.Result result = backup.into(file);
            LOG.info("Nightly backup: " + (result == null ? file : result.summary()));
        } catch (Exception | LinkageError e) {
            LOG.errorf("Nightly backup to %s failed: %s (the next one is tomorrow at %s)", file, e, at);
            LOG.debug("Nightly backup failure", e);
            return null;
        }
        try {
            for (Path removed : prune(folder, keep)) {
                LOG.infof("Removed the old backup %s", removed.getFileName());
            }
        } catch (IOException e) {
            LOG.errorf("Could not remove old backups in %s: %s", folder, e);
        }
        return file;
    }

    /**
     * Deletes all but the newest {@code keep} nightly backups of the folder (newest by the time in their names) and
     * returns them, and the .partial of a nightly backup older than the newest one (cut off by a crash). Other files (a
     * backup an operator made by hand, notes) are left alone.
     */
    static List<Path> prune(Path folder, int keep) throws IOException {
        List<Path> nightly;
        try (Stream<Path> files = Files.list(folder)) {
            nightly = files.filter(p -> NAME.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
        List<Path> removed = new ArrayList<>();
        for (Path old : nightly.subList(Math.min(keep, nightly.size()), nightly.size())) {
            Files.deleteIfExists(old);
            removed.add(old);
        }
        // A nightly backup cut off by a crash or a kill leaves its .partial: once a newer backup is complete, no
        // backup of an earlier night can still be writing it.
        if (!nightly.isEmpty()) {
            String newest = nightly.get(0).getFileName().toString();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path partial : files.filter(p -> {
                    String name = p.getFileName().toString();
                    return name.endsWith(".partial") && NAME.matcher(name.substring(0, name.length() - ".partial".length())).matches()
                            && name.compareTo(newest) < 0;
                }).toList()) {
                    Files.deleteIfExists(partial);
                    removed.add(partial);
                }
            }
        }
        return removed;
    }

    /** SITEREADY_BACKUP_TIME: a local time of day such as 02:30 (default when unset). */
    public static LocalTime parseTime(String value) {
        if (value == null) {
            return DEFAULT_TIME;
        }
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("SITEREADY_BACKUP_TIME must be a time of day such as 02:30, not '" + value + "'");
        }
    }

    /** SITEREADY_BACKUP_KEEP: how many nightly backups to keep, 0 for none (default when unset). */
    public static int parseKeep(String value) {
        if (value == null) {
            return DEFAULT_KEEP;
        }
        try {
            int keep = Integer.parseInt(value.trim());
            if (keep >= 0) {
                return keep;
            }
        } catch (NumberFormatException ignored) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException("SITEREADY_BACKUP_KEEP must be a number of backups (0 turns nightly backups off),"
                + " not '" + value + "'");
    }

    private static void ownerOnly(Path folder) throws IOException {
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException ignored) {
            // non-POSIX file system: the data folder's own permissions apply
        }
    }

    /** Stops scheduling; a backup under way gets up to a minute to finish before the database is stopped. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
