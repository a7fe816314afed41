package dev.siteready.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When the nightly backup runs (in the machine's zone, across midnight and DST changes) and which backups it keeps. */
class NightlyBackupsTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final LocalTime HALF_PAST_TWO = LocalTime.of(2, 30);

    @Test
    void runsLaterTheSameDayWhenTheTimeIsStillAhead() {
        assertThat(next("2025-06-10T01:00-05:00", HALF_PAST_TWO)).isEqualTo("2025-06-10T02:30-05:00[America/Chicago]");
        assertThat(NightlyBackups.untilNextRun(clock("2025-06-10T01:00-05:00"), HALF_PAST_TWO)).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void runsTomorrowWhenTheTimeHasPassedOrIsNow() {
        assertThat(next("2025-06-10T09:15-05:00", HALF_PAST_TWO)).isEqualTo("2025-06-11T02:30-05:00[America/Chicago]");
        assertThat(next("2025-06-10T02:30-05:00", HALF_PAST_TWO)).isEqualTo("2025-06-11T02:30-05:00[America/Chicago]");
    }

    @Test
    void crossesMidnightAndTheEndOfAYear() {
        assertThat(NightlyBackups.untilNextRun(clock("2025-12-31T23:50-06:00"), HALF_PAST_TWO))
                .isEqualTo(Duration.ofHours(2).plusMinutes(40));
        assertThat(next("2025-12-31T23:50-06:00", LocalTime.of(0, 10))).isEqualTo("2026-01-01T00:10-06:00[America/Chicago]");
    }

    @Test
    void aTimeTheSpringChangeSkipsRunsAnHourLaterThatDayAfter23Hours30() {
        // 9 March 2025: Chicago's clocks jump from 02:00 CST to 03:00 CDT; 02:30 does not exist that night.
        assertThat(next("2025-03-08T03:00-06:00", HALF_PAST_TWO)).isEqualTo("2025-03-09T03:30-05:00[America/Chicago]");
        assertThat(NightlyBackups.untilNextRun(clock("2025-03-08T03:00-06:00"), HALF_PAST_TWO))
                .isEqualTo(Duration.ofHours(23).plusMinutes(30));
        assertThat(next("2025-03-09T04:00-05:00", HALF_PAST_TWO)).isEqualTo("2025-03-10T02:30-05:00[America/Chicago]");
    }

    @Test
    void theAutumnChangeMakesADayOf25HoursAndATimeItRepeatsRunsOnce() {
        // 2 November 2025: Chicago's clocks go back from 02:00 CDT to 01:00 CST; 01:00-02:00 happens twice.
        assertThat(NightlyBackups.untilNextRun(clock("2025-11-01T02:30-05:00"), HALF_PAST_TWO)).isEqualTo(Duration.ofHours(25));
        LocalTime halfPastOne = LocalTime.of(1, 30);
        assertThat(next("2025-11-02T00:30-05:00", halfPastOne)).isEqualTo("2025-11-02T01:30-05:00[America/Chicago]");
        // After the first 01:30 has run, the second one (CST) does not run again: the next is the following night.
        assertThat(next("2025-11-02T01:31-05:00", halfPastOne)).isEqualTo("2025-11-03T01:30-06:00[America/Chicago]");
        assertThat(next("2025-11-02T01:10-06:00", halfPastOne)).isEqualTo("2025-11-03T01:30-06:00[America/Chicago]");
    }

    @Test
    void namesEachBackupAfterTheClocksLocalTimeAndThenKeepsTheNewest(@TempDir Path dataDir) throws IOException {
        Path backups = dataDir.resolve("backups");
        for (int night = 1; night <= 4; night++) {
            Clock clock = clock("2025-06-0" + night + "T02:30:05-05:00");
            NightlyBackups nightly = new NightlyBackups(backups, HALF_PAST_TWO, 2, clock, NightlyBackupsTest::fakeBackup);
            assertThat(nightly.runOnce()).isEqualTo(backups.resolve("siteready-2025060" + night + "-023005.zip"));
        }
        assertThat(names(backups)).containsExactly("siteready-20250603-023005.zip", "siteready-20250604-023005.zip");
    }

    @Test
    void pruningKeepsTheNewestByTheTimeInTheirNamesAndLeavesOtherFilesAlone(@TempDir Path folder) throws IOException {
        for (String name : List.of("siteready-20250101-023000.zip", "siteready-20241231-023000.zip",
                "siteready-20250103-023000.zip", "siteready-20250102-023000.zip", "siteready-20250104-023000.zip",
                "before-upgrade.zip", "siteready-20240101-000000.zip.partial", "siteready-20250105-023000.zip.partial",
                "notes.txt")) {
            Files.writeString(folder.resolve(name), name);
        }
        Files.createDirectory(folder.resolve("siteready-20200101-000000.zip")); // not a file: not a backup either

        List<Path> removed = NightlyBackups.prune(folder, 3);

        // The .partial of a night before the newest backup was cut off (a crash); a newer one may still be written.
        assertThat(removed).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("siteready-20250101-023000.zip", "siteready-20241231-023000.zip",
                        "siteready-20240101-000000.zip.partial");
        assertThat(names(folder)).containsExactly("before-upgrade.zip", "notes.txt", "siteready-20200101-000000.zip",
                "siteready-20250102-023000.zip", "siteready-20250103-023000.zip", "siteready-20250104-023000.zip",
                "siteready-20250105-023000.zip.partial");
    }

    @Test
    void aFailedBackupIsLoggedAndNeitherThrowsNorPrunes(@TempDir Path dataDir) throws IOException {
        Path backups = Files.createDirectories(dataDir.resolve("backups"));
        Files.writeString(backups.resolve("siteready-20250101-023000.zip"), "old");
        Files.writeString(backups.resolve("siteready-20250102-023000.zip"), "old");
        NightlyBackups nightly = new NightlyBackups(backups, HALF_PAST_TWO, 1, clock("2025-06-01T02:30-05:00"), file -> {
            throw new IllegalStateException("the server is gone");
        });

        assertThat(nightly.runOnce()).isNull();
        assertThat(names(backups)).hasSize(2);
    }

    @Test
    void settingsHaveDefaultsAndClearMessages() {
        assertThat(NightlyBackups.parseTime(null)).isEqualTo(HALF_PAST_TWO);
        assertThat(NightlyBackups.parseTime("23:05")).isEqualTo(LocalTime.of(23, 5));
        assertThat(NightlyBackups.parseKeep(null)).isEqualTo(7);
        assertThat(NightlyBackups.parseKeep("0")).isZero();
        assertThatThrownBy(() -> NightlyBackups.parseTime("2.30am")).hasMessageContaining("SITEREADY_BACKUP_TIME");
        assertThatThrownBy(() -> NightlyBackups.parseKeep("-1")).hasMessageContaining("SITEREADY_BACKUP_KEEP");
    }

    @Test
    void startingPlansTheFirstRunAndKeepZeroPlansNone(@TempDir Path dataDir) {
        NightlyBackups.Backup never = file -> {
            throw new AssertionError("no backup runs in this test");
        };
        try (NightlyBackups on = NightlyBackups.start(dataDir, HALF_PAST_TWO, 7, clock("2025-06-10T01:00-05:00"), never);
                NightlyBackups off = NightlyBackups.start(dataDir, HALF_PAST_TWO, 0, clock("2025-06-10T01:00-05:00"), never)) {
            assertThat(on.plannedRun()).hasValueSatisfying(
                    at -> assertThat(at.toString()).isEqualTo("2025-06-10T02:30-05:00[America/Chicago]"));
            assertThat(off.plannedRun()).isEmpty();
        }
    }

    private static String next(String now, LocalTime at) {
        return NightlyBackups.nextRun(ZonedDateTime.now(clock(now)), at).toString();
    }

    /** A clock stopped at the instant, in Chicago. */
    private static Clock clock(String offsetDateTime) {
        Instant instant = OffsetDateTime.parse(offsetDateTime).toInstant();
        return Clock.fixed(instant, CHICAGO);
    }

    private static EmbeddedBackup.Result fakeBackup(Path file) throws IOException {
        Files.writeString(file, "a backup");
        return null;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
