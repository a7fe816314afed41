package dev.siteready.retro;

import dev.siteready.web.Downloads;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The review's selection of items as a spreadsheet (CSV) or as a document (Markdown), retrospective by retrospective. */
final class RetroExports {

    static final int LIMIT = 5000;

    private RetroExports() {
    }

    /** One row per item; base: the address the links in it start with. */
    static String csv(List<RetroSearch.Hit> hits, String base) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("Site", "EHR vendor", "Project",
                "Retrospective date", "Section", "Title", "Tags", "Linked to", "Author", "Notes (Markdown)", "Link").get())) {
            for (RetroSearch.Hit h : hits) {
                csv.printRecord(cell(h.site()), cell(h.ehrVendor()), cell(h.project()), h.held(), h.section().label, cell(h.title()),
                        cell(String.join(", ", h.tags())), cell(h.linkLabel() == null ? "" : h.linkLabel()), cell(h.author()),
                        cell(h.notes()), base + h.retrospectiveLink() + "#item-" + h.id());
            }
        }
        return out.toString();
    }

    static String markdown(ReviewQuery query, List<RetroSearch.Hit> hits) {
        Map<UUID, List<RetroSearch.Hit>> byRetro = new LinkedHashMap<>();
        hits.forEach(h -> byRetro.computeIfAbsent(h.retrospectiveId(), k -> new ArrayList<>()).add(h));
        StringBuilder md = new StringBuilder("# Retrospectives\n\n");
        if (query.filter().any()) {
            md.append("Selection: ").append(line(query.describe())).append(".\n\n");
        }
        md.append(hits.size()).append(hits.size() == 1 ? " item" : " items").append(" from ").append(byRetro.size())
                .append(byRetro.size() == 1 ? " retrospective" : " retrospectives")
                .append(hits.size() == LIMIT ? " (the export stops at " + LIMIT + " items: narrow the selection)" : "")
                .append(".\n");
        byRetro.values().forEach(group -> retrospective(md, group));
        return md.toString();
    }

    private static void retrospective(StringBuilder md, List<RetroSearch.Hit> group) {
        RetroSearch.Hit first = group.get(0);
        md.append("\n## ").append(line(first.site())).append(" — ").append(line(first.project())).append(" (").append(first.held())
                .append(")\n");
        RetroItem.Section section = null;
        for (RetroSearch.Hit h : group.stream().sorted(Comparator.comparing(RetroSearch.Hit::section)).toList()) {
            if (h.section() != section) {
                section = h.section();
                md.append("\n### ").append(section.label).append("\n\n");
            }
            md.append("- **").append(line(h.title())).append("**");
            h.tags().forEach(t -> md.append(" #").append(t));
            if (h.linkLabel() != null) {
                md.append(" (").append(line(h.linkLabel())).append(")");
            }
            md.append(" — ").append(line(h.author())).append("\n");
            if (!h.notes().isBlank()) {
                h.notes().lines().forEach(l -> md.append("  ").append(l).append("\n"));
            }
        }
    }

    private static String cell(String value) {
        return Downloads.csvCell(value);
    }

    /** One line of Markdown text: no line breaks, and nothing that starts a heading or list when it begins a line. */
    private static String line(String value) {
        return value == null ? "" : value.replaceAll("\\s+", " ").replace("*", "\\*").replace("#", "\\#");
    }
}
