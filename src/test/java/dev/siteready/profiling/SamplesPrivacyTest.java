package dev.siteready.profiling;

import dev.siteready.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No patient data is ever stored: samples full of distinctive names, identifiers, dates and addresses are profiled
 * through the page and the API (with unreadable messages among them), then every row of every table of the
 * database, everything logged meanwhile and every file written meanwhile are searched for each value. Zero hits.
 */
@QuarkusTest
class SamplesPrivacyTest {

    @Test
    void noSampleValueReachesTheDatabaseTheLogOrAFile() throws Exception {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String name = String.valueOf(record.getLoggerName());
                if (name.startsWith("org.apache.http") || name.startsWith("io.restassured")) {
                    return; // the test's own HTTP client, logging the requests it sends
                }
                StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
                if (record.getParameters() != null) {
                    for (Object p : record.getParameters()) {
                        line.append(' ').append(p);
                    }
                }
                for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                    line.append(' ').append(t);
                }
                synchronized (logged) {
                    logged.add(line.toString());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Level level = root.getLevel();
        // Every level is captured, but the console keeps printing what it did (no flood of DEBUG lines in the build log).
        java.util.Map<Handler, java.util.logging.Level> others = new java.util.HashMap<>();
        for (Handler h : root.getHandlers()) {
            others.put(h, h.getLevel());
            h.setLevel(java.util.logging.Level.INFO);
        }
        root.addHandler(capture);
        root.setLevel(java.util.logging.Level.ALL);
        // The test's own HTTP client logs the requests it sends (samples included) at DEBUG; keep it quiet.
        List<java.util.logging.Logger> client = List.of(java.util.logging.Logger.getLogger("org.apache.http"),
                java.util.logging.Logger.getLogger("io.restassured"));
        client.forEach(l -> l.setLevel(java.util.logging.Level.INFO));
        FileTime start = FileTime.fromMillis(System.currentTimeMillis() - 1000);
        try {
            SamplesFixture f = SamplesFixture.create("Privacy");
            String hl7 = String.join("\n", Samples.adtA04(1), Samples.oruR01(1), Samples.mdmT02(), Samples.withoutVersion(),
                    Samples.adtA08WithDiagnosis(), "PID|1||MRN4471902^^^MAIN^MR||Quixotica^Zebulonne (no MSH before me)",
                    "MSH|^~\\&|Quixotica|742 Evergreen Terrace\rPID|broken|Zebulonne|19470312");
            f.profile(hl7);
            f.paste("{\"Meta\": {\"DataModel\": \"Quixotica\"}, \"Patient\": \"Zebulonne 742 Evergreen Terrace");
            f.profile(Samples.redoxResults() + "\n" + Samples.fhirBundle());
            // Well-formed JSON with patient data where names and keys belong: keys, resource types, data model names
            f.profile("{\"Meta\": {\"DataModel\": \"Quixotica Zebulonne\", \"EventType\": \"742 Evergreen Terrace\"},"
                    + " \"Patient\": {\"Identifiers\": [{\"ID\": \"MRN4471902\", \"IDType\": \"MR\"}]},"
                    + " \"Springfieldia 555-0199\": {\"Code\": \"x\", \"Codeset\": \"LN\"}}\n"
                    + "{\"resourceType\": \"Bundle\", \"entry\": [{\"resource\": {\"resourceType\": \"Fhirlinda Quixotica\","
                    + " \"Drosselmeyer\": {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"1\"}]}}}]}");
            String action = f.owner().page(f.base()).selectFirst("#s-patient-id_types form").attr("action");
            f.owner().post(action, java.util.Map.of("question", "patient.id_types", "subject", "", "version", "", "decision", "accept"));
            String token = f.owner().createApiToken("privacy");
            given().header("Authorization", "Bearer " + token).contentType("text/plain").body(Samples.mllp(Samples.adtA04(2), Samples.vxuV04()))
                    .post("/api/projects/" + f.project() + "/samples").then().statusCode(201);
            given().header("Authorization", "Bearer " + token).contentType("application/json")
                    .body("[" + Samples.redoxResults() + ", {\"Quixotica\": \"Zebulonne\"}]").post("/api/projects/" + f.project() + "/samples")
                    .then().statusCode(201);
            given().header("Authorization", "Bearer " + token).contentType("text/plain").body("Quixotica Zebulonne 19470312")
                    .post("/api/projects/" + f.project() + "/samples").then().statusCode(422);
            assertThat(f.owner().page(f.base()).select("#profile-list tbody tr")).hasSize(5);
        } finally {
            root.removeHandler(capture);
            root.setLevel(level);
            client.forEach(l -> l.setLevel(null));
            others.forEach(Handler::setLevel);
        }

        String dump = databaseDump();
        assertThat(dump).contains("\"?\""); // the keys that were data are kept as "?"
        assertThat(dump).contains("MAIN").contains("EMPI").contains("AAA9999999"); // the aggregates are there
        List<String> logLines;
        synchronized (logged) {
            logLines = List.copyOf(logged);
        }
        String log = String.join("\n", logLines);
        List<Path> written = filesWrittenSince(start);
        for (String secret : Samples.SECRETS) {
            assertThat(dump).as("database holds " + secret).doesNotContain(secret);
            assertThat(log).as("log holds " + secret).doesNotContain(secret);
            for (Path file : written) {
                assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)).as(file + " holds " + secret)
                        .doesNotContain(secret);
            }
        }
        System.out.println("Privacy: searched " + dump.length() + " characters of database rows, " + logLines.size()
                + " log records and " + written.size() + " files written during the test for " + Samples.SECRETS.size() + " values");
    }

    /**
     * A sample sent as a file part of a multipart form (what {@code curl -F samples=@feed.hl7} does) is refused unread:
     * Quarkus would write a multipart file part to its upload folder before any of SiteReady's code runs.
     */
    @Test
    void aSampleSentAsAFilePartIsNeverWrittenToTheUploadFolder() throws Exception {
        SamplesFixture f = SamplesFixture.create("Privacy upload");
        List<Path> folders = List.of(Path.of(System.getProperty("java.io.tmpdir"), "uploads"), Path.of("file-uploads").toAbsolutePath(),
                Path.of(System.getProperty("java.io.tmpdir")));
        try (java.nio.file.WatchService watch = java.nio.file.FileSystems.getDefault().newWatchService()) {
            for (Path folder : folders) {
                Files.createDirectories(folder);
                folder.register(watch, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE);
            }
            io.restassured.response.Response response = f.owner().multipartFilePost(f.base(),
                    java.util.Map.of("samples", String.join("\r", Samples.adtA04(1), Samples.oruR01(1)).repeat(200)), "feed.hl7");
            assertThat(response.statusCode()).isEqualTo(415);
            List<String> created = new ArrayList<>();
            for (java.nio.file.WatchKey key = watch.poll(500, java.util.concurrent.TimeUnit.MILLISECONDS); key != null; key = watch.poll()) {
                key.pollEvents().forEach(e -> created.add(e.context().toString()));
                key.reset();
            }
            assertThat(created).as("files created while the request ran").noneMatch(name -> name.contains("upload"));
        } finally {
            Files.deleteIfExists(Path.of("file-uploads").toAbsolutePath());
        }
        assertThat(f.owner().page(f.base()).selectFirst("#no-profile")).isNotNull();
    }

    /** Every row of every table, as text: read as the server's superuser (bypassing row level security), else as the owner. */
    static String databaseDump() throws SQLException {
        StringBuilder dump = new StringBuilder();
        try (Connection c = Db.superuser(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("sample_profile", "answer", "answer_change");
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT t::text FROM public.\"" + table + "\" t")) {
                    while (rs.next()) {
                        dump.append(table).append(": ").append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    /** Regular files under the temporary folder and the working folder changed since the test began (up to 20 MB each). */
    static List<Path> filesWrittenSince(FileTime start) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path root : List.of(Path.of(System.getProperty("java.io.tmpdir")), Path.of("").toAbsolutePath())) {
            try (Stream<Path> files = Files.walk(root, 6)) {
                files.filter(p -> !p.toString().contains("surefire") && !p.toString().contains("/.git/"))
                        .filter(p -> {
                            try {
                                return Files.isRegularFile(p) && Files.getLastModifiedTime(p).compareTo(start) > 0 && Files.size(p) < 20_000_000
                                        && !p.toString().endsWith(".class") && !p.toString().endsWith(".java");
                            } catch (IOException e) {
                                return false;
                            }
                        }).forEach(found::add);
            } catch (java.io.UncheckedIOException e) {
                // a folder that vanished while walking (another process's temporary files)
            }
        }
        return found;
    }
}
