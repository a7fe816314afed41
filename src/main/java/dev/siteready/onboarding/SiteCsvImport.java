package dev.siteready.onboarding;

import dev.siteready.web.Names;
import dev.siteready.project.ScopeService;
import dev.siteready.scoping.QuestionnaireTemplateVersion;
import dev.siteready.scoping.QuestionnaireTemplates;
import dev.siteready.site.Site;
import dev.siteready.site.SiteDraft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Imports sites from CSV, all or nothing: every row is checked first and any problem is reported with
 * its line number in the file; only a file without problems creates sites, in one transaction.
 * Columns (header names in any case, spaces or underscores): name, ehr_vendor, time_zone, contact_name,
 * contact_role, contact_email, template, status, environment_notes. Other columns are ignored.
 */
@ApplicationScoped
class SiteCsvImport {

    public static final int MAX_ROWS = 5000;

    /** From this many sites on, an import refreshes the planner's statistics of the tables it wrote. */
    static final int REFRESH_STATISTICS_FROM = 100;
    static final List<String> COLUMNS = List.of("name", "ehr_vendor", "time_zone", "contact_name", "contact_role",
            "contact_email", "template", "status", "environment_notes");

    public record RowProblem(long line, String message) {
    }

    public record Result(List<UUID> created, List<RowProblem> problems, List<String> ignoredColumns) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    @Inject
    SiteDrafts drafts;

    @Inject
    Onboarding onboarding;

    @Inject
    ScopeService scopes;

    @Inject
    QuestionnaireTemplates questionnaires;

    @Transactional
    public Result importCsv(String csv) {
        if (csv == null || csv.isBlank()) {
            return new Result(List.of(), List.of(new RowProblem(1, "The file is empty: it needs a header line and one line per site.")), List.of());
        }
        Parsed parsed = parse(csv);
        List<RowProblem> problems = new ArrayList<>(parsed.problems());
        if (parsed.unreadable()) {
            return new Result(List.of(), problems, parsed.ignored());
        }
        if (parsed.lines().isEmpty() && problems.isEmpty()) {
            problems.add(new RowProblem(1, "The file has a header but no sites."));
        }
        SiteDrafts.Context context = drafts.context();
        problems.addAll(check(parsed.lines(), context));
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingLong(RowProblem::line));
            return new Result(List.of(), problems, parsed.ignored());
        }
        return new Result(create(parsed.lines(), context), List.of(), parsed.ignored());
    }

    private record Line(long number, SiteDraft draft) {
    }

    /** The file's lines as drafts; {@code unreadable}: the header or the CSV itself is wrong, nothing else is checked. */
    private record Parsed(List<Line> lines, List<RowProblem> problems, List<String> ignored, boolean unreadable) {
    }

    private static Parsed parse(String csv) {
        List<RowProblem> problems = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        // Empty lines are read (and skipped below) rather than ignored by the parser, so line numbers stay right.
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(false).setAllowMissingColumnNames(true)
                .setAllowDuplicateHeaderNames(true).build();
        try (CSVParser parser = CSVParser.parse(new StringReader(stripBom(csv)), format)) {
            Map<String, String> columns = columns(parser.getHeaderNames(), ignored);
            for (String required : List.of("name", "time_zone")) {
                if (!columns.containsKey(required)) {
                    problems.add(new RowProblem(1, "The header has no \"" + required + "\" column. Columns: "
                            + String.join(", ", COLUMNS) + "."));
                }
            }
            if (!problems.isEmpty()) {
                return new Parsed(lines, problems, ignored, true);
            }
            long previousEnd = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                long line = previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // an empty line
                }
                if (lines.size() >= MAX_ROWS) {
                    problems.add(new RowProblem(line, "At most " + MAX_ROWS + " sites per import."));
                    break;
                }
                lines.add(new Line(line, draft(record, columns)));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            // Commons CSV names the line in its message (e.g. an unclosed quote).
            problems.add(new RowProblem(lines.isEmpty() ? 1 : lines.get(lines.size() - 1).number + 1,
                    "The file is not valid CSV here: " + e.getMessage()));
            return new Parsed(lines, problems, ignored, true);
        }
        return new Parsed(lines, problems, ignored, false);
    }

    /** Each line checked as a new site, and names that repeat an earlier line. */
    private List<RowProblem> check(List<Line> lines, SiteDrafts.Context context) {
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (Line line : lines) {
            Map<String, String> rowProblems = drafts.problems(line.draft, context);
            rowProblems.forEach((field, message) -> problems.add(new RowProblem(line.number, column(field) + ": " + message)));
            String key = Names.key(line.draft.name());
            Long first = seen.putIfAbsent(key, line.number);
            if (first != null && !key.isEmpty()) {
                problems.add(new RowProblem(line.number, "name: the same site as line " + first + "."));
            }
        }
        return problems;
    }

    /** The sites, each with its first project and questionnaire, the catalog and questions read once for all. */
    private List<UUID> create(List<Line> lines, SiteDrafts.Context context) {
        List<UUID> created = new ArrayList<>();
        ScopeService.CatalogSnapshot catalog = scopes.snapshot();
        QuestionnaireTemplateVersion questions = QuestionnaireTemplateVersion.latest(questionnaires.ensureStandard());
        int count = 0;
        for (Line line : lines) {
            Onboarding.Onboarded onboarded = onboarding.createSite(line.draft, context.template(line.draft), catalog);
            questionnaires.start(onboarded.project(), questions);
            created.add(onboarded.site().id);
            if (++count % 250 == 0) {
                // Keep the persistence context small on big files: write this batch and forget its entities
                // (the catalog entities used from here on are detached, which references need no more than).
                Site.getEntityManager().flush();
                Site.getEntityManager().clear();
            }
        }
        if (created.size() >= REFRESH_STATISTICS_FROM) {
            // The planner's statistics still describe the tables before the import until autovacuum visits them; analyse
            // now, in this transaction, so the first pages after it are planned on the new figures (db/migration/afterMigrate.sql).
            Site.getEntityManager().flush();
            Site.getEntityManager().createNativeQuery("SELECT app_refresh_statistics()").getSingleResult();
        }
        return created;
    }

    private static SiteDraft draft(CSVRecord record, Map<String, String> columns) {
        Map<String, String> v = new LinkedHashMap<>();
        columns.forEach((canonical, header) -> v.put(canonical, record.isSet(header) ? record.get(header) : null));
        List<SiteDraft.Contact> contacts = List.of(new SiteDraft.Contact(v.get("contact_name"), v.get("contact_role"),
                v.get("contact_email")));
        return new SiteDraft(v.get("name"), v.get("ehr_vendor"), v.get("time_zone"), v.get("status"),
                v.get("environment_notes"), contacts, v.get("template"));
    }

    /** Canonical column name to the header as written in the file. */
    private static Map<String, String> columns(List<String> headers, List<String> ignored) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String header : headers) {
            String canonical = header.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_")
                    .replace("ehrvendor", "ehr_vendor").replace("timezone", "time_zone");
            if (COLUMNS.contains(canonical)) {
                columns.putIfAbsent(canonical, header);
            } else if (!header.isBlank()) {
                ignored.add(header);
            }
        }
        return columns;
    }

    private static String column(String jsonPath) {
        return switch (jsonPath) {
            case "ehrVendor" -> "ehr_vendor";
            case "timeZone" -> "time_zone";
            case "environmentNotes" -> "environment_notes";
            case "contacts[0].name" -> "contact_name";
            case "contacts[0].role" -> "contact_role";
            case "contacts[0].email" -> "contact_email";
            default -> jsonPath;
        };
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
