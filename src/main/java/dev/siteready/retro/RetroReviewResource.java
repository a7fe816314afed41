package dev.siteready.retro;

import dev.siteready.tenant.TenantContext;
import dev.siteready.web.Downloads;
import dev.siteready.web.Forms;
import dev.siteready.web.Paged;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every retrospective in the workspace in one place: items found by full-text search, tag, site and date, the most
 * used tags, and the same selection as CSV or Markdown.
 */
@Path("/retrospectives")
@Produces(MediaType.TEXT_HTML)
public class RetroReviewResource {

    static final int PAGE_SIZE = 20;
    static final int EXPORT_LIMIT = 5000;
    static final int RETROS_SHOWN = 50;

    public record HitView(UUID id, String section, String title, RawString notes, List<String> tags, String link, String author,
            boolean fromPartner, String site, String ehrVendor, String project, String held, String retrospectiveLink,
            boolean siteMatch) {
    }

    public record TagCount(String tag, long items, boolean selected) {
    }

    public record SiteOption(UUID id, String name, boolean selected) {
    }

    public record RetroRow(String site, String project, String held, long items, long openActions, String link) {
    }

    public record Review(String q, String tag, String site, String from, String to, String problem, boolean filtered,
            List<HitView> hits, long total, int page, List<TagCount> tags, List<SiteOption> sites, List<RetroRow> retros,
            long retroTotal, String query) implements Paged {
        @Override
        public int pageSize() {
            return PAGE_SIZE;
        }

        @Override
        public String link(int page) {
            return "/retrospectives?" + query + (query.isEmpty() ? "" : "&") + "page=" + page;
        }

        public String exportQuery() {
            return query.isEmpty() ? "" : "?" + query;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(Review review);

        static native TemplateInstance review$results(Review review);
    }

    @Inject
    TenantContext tenant;

    @ConfigProperty(name = "siteready.base-url")
    java.util.Optional<String> publicUrl;

    @GET
    @Transactional
    public TemplateInstance review(@RestQuery String q, @RestQuery String tag, @RestQuery String site, @RestQuery String from,
            @RestQuery String to, @RestQuery String page, @RestHeader("HX-Request") boolean htmx,
            @RestHeader("HX-History-Restore-Request") boolean historyRestore) {
        UUID ws = tenant.requireWorkspaceId();
        Parsed parsed = parse(q, tag, site, from, to);
        int pageNumber = page != null && page.matches("[0-9]{1,6}") ? Math.max(1, Integer.parseInt(page)) : 1;
        RetroSearch.Result result = parsed.problem == null
                ? RetroSearch.find(ws, parsed.filter, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE) : new RetroSearch.Result(List.of(), 0);
        List<HitView> hits = result.hits().stream().map(h -> view(h, !parsed.filter.q().isEmpty())).toList();
        if (htmx && !historyRestore) {
            return Templates.review$results(new Review(parsed.q, parsed.tag, parsed.site, parsed.from, parsed.to, parsed.problem,
                    parsed.filter.any(), hits, result.total(), pageNumber, List.of(), List.of(), List.of(), 0, parsed.query));
        }
        List<TagCount> tags = RetroSearch.frequentTags(ws, 15).stream()
                .map(r -> new TagCount((String) r[0], ((Number) r[1]).longValue(), r[0].equals(parsed.filter.tag()))).toList();
        List<Object[]> rows = retroRows(ws);
        List<RetroRow> retros = rows.stream().map(r -> new RetroRow((String) r[1], (String) r[3], String.valueOf(r[4]),
                ((Number) r[5]).longValue(), ((Number) r[6]).longValue(), "/sites/" + r[0] + "/projects/" + r[2] + "/retrospective"))
                .toList();
        List<SiteOption> sites = sitesWithRetros(ws).stream()
                .map(r -> new SiteOption((UUID) r[0], (String) r[1], r[0].toString().equals(parsed.site))).toList();
        return Templates.review(new Review(parsed.q, parsed.tag, parsed.site, parsed.from, parsed.to, parsed.problem, parsed.filter.any(),
                hits, result.total(), pageNumber, tags, sites, retros, rows.isEmpty() ? 0 : ((Number) rows.get(0)[8]).longValue(),
                parsed.query));
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @Transactional
    public Response csv(@RestQuery String q, @RestQuery String tag, @RestQuery String site, @RestQuery String from,
            @RestQuery String to, @Context UriInfo uri) throws IOException {
        String base = publicUrl.filter(u -> !u.isBlank()).orElse(uri.getBaseUri().toString()).replaceAll("/+$", "");
        List<RetroSearch.Hit> hits = exported(q, tag, site, from, to);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("Site", "EHR vendor", "Project",
                "Retrospective date", "Section", "Title", "Tags", "Linked to", "Author", "Notes (Markdown)", "Link").get())) {
            for (RetroSearch.Hit h : hits) {
                csv.printRecord(cell(h.site()), cell(h.ehrVendor()), cell(h.project()), h.held(), h.section().label, cell(h.title()),
                        cell(String.join(", ", h.tags())), cell(h.linkLabel() == null ? "" : h.linkLabel()), cell(h.author()),
                        cell(h.notes()), base + h.retrospectiveLink() + "#item-" + h.id());
            }
        }
        return Downloads.attachment(out.toString(), "text/csv; charset=UTF-8", "retrospectives", "csv");
    }

    @GET
    @Path("export.md")
    @Produces("text/markdown")
    @Transactional
    public Response markdown(@RestQuery String q, @RestQuery String tag, @RestQuery String site, @RestQuery String from,
            @RestQuery String to) {
        List<RetroSearch.Hit> hits = exported(q, tag, site, from, to);
        Map<UUID, List<RetroSearch.Hit>> byRetro = new LinkedHashMap<>();
        hits.forEach(h -> byRetro.computeIfAbsent(h.retrospectiveId(), k -> new ArrayList<>()).add(h));
        Parsed parsed = parse(q, tag, site, from, to);
        StringBuilder md = new StringBuilder("# Retrospectives\n\n");
        if (parsed.filter.any()) {
            md.append("Selection: ").append(line(describe(parsed))).append(".\n\n");
        }
        md.append(hits.size()).append(hits.size() == 1 ? " item" : " items").append(" from ").append(byRetro.size())
                .append(byRetro.size() == 1 ? " retrospective" : " retrospectives")
                .append(hits.size() == EXPORT_LIMIT ? " (the export stops at " + EXPORT_LIMIT + " items: narrow the selection)" : "")
                .append(".\n");
        for (List<RetroSearch.Hit> group : byRetro.values()) {
            RetroSearch.Hit first = group.get(0);
            md.append("\n## ").append(line(first.site())).append(" — ").append(line(first.project())).append(" (").append(first.held())
                    .append(")\n");
            RetroItem.Section section = null;
            for (RetroSearch.Hit h : group.stream().sorted(java.util.Comparator.comparing(RetroSearch.Hit::section)).toList()) {
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
        return Downloads.attachment(md.toString(), "text/markdown; charset=UTF-8", "retrospectives", "md");
    }

    /** A stable address for a retrospective (questions and template versions that came from one link here). */
    @GET
    @Path("{id}")
    @Transactional
    public Response open(@RestPath UUID id) {
        Retrospective retro = Retrospective.withProject(id);
        if (retro == null) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create(retro.path())).build();
    }

    /** The filters in words, for the Markdown export's reader. */
    private static String describe(Parsed parsed) {
        List<String> parts = new ArrayList<>();
        if (!parsed.q.isEmpty()) {
            parts.add("search \"" + parsed.q + "\"");
        }
        if (!parsed.tag.isEmpty()) {
            parts.add("tag " + parsed.tag);
        }
        if (parsed.filter.site() != null) {
            parts.add("one site");
        }
        if (parsed.filter.from() != null) {
            parts.add("from " + parsed.filter.from());
        }
        if (parsed.filter.to() != null) {
            parts.add("to " + parsed.filter.to());
        }
        return String.join(", ", parts);
    }

    private List<RetroSearch.Hit> exported(String q, String tag, String site, String from, String to) {
        Parsed parsed = parse(q, tag, site, from, to);
        if (parsed.problem != null) {
            throw new jakarta.ws.rs.BadRequestException(parsed.problem);
        }
        return RetroSearch.find(tenant.requireWorkspaceId(), parsed.filter, 0, EXPORT_LIMIT).hits();
    }

    record Parsed(RetroSearch.Filter filter, String q, String tag, String site, String from, String to, String problem,
            String query) {
    }

    /** The filters as typed, checked; a bad one is reported and the search not run. */
    static Parsed parse(String q, String tag, String site, String from, String to) {
        String cq = q == null ? "" : q.strip();
        String ctag = tag == null ? "" : tag.strip();
        String csite = site == null ? "" : site.strip();
        String cfrom = from == null ? "" : from.strip();
        String cto = to == null ? "" : to.strip();
        String problem = null;
        if (cq.length() > RetroSearch.MAX_QUERY || !dev.siteready.web.PlainText.Validator.isPlain(cq)) {
            problem = "Search for up to " + RetroSearch.MAX_QUERY + " characters of text.";
            cq = cq.substring(0, Math.min(cq.length(), RetroSearch.MAX_QUERY));
        }
        UUID siteId = csite.isEmpty() ? null : Forms.uuid(csite);
        if (!csite.isEmpty() && siteId == null) {
            problem = "Choose a site from the list.";
        }
        LocalDate fromDate = cfrom.isEmpty() ? null : Forms.date(cfrom);
        LocalDate toDate = cto.isEmpty() ? null : Forms.date(cto);
        if ((!cfrom.isEmpty() && fromDate == null) || (!cto.isEmpty() && toDate == null)) {
            problem = "Give the dates as dates between 2000 and 2099.";
        }
        if (!ctag.isEmpty() && !RetrospectiveResource.TAG.matcher(ctag.toLowerCase(java.util.Locale.ROOT)).matches()) {
            problem = "A tag is one word of up to 40 letters, digits, dots, hyphens or underscores.";
            ctag = "";
        }
        StringBuilder query = new StringBuilder();
        param(query, "q", cq);
        param(query, "tag", ctag);
        param(query, "site", csite);
        param(query, "from", cfrom);
        param(query, "to", cto);
        return new Parsed(new RetroSearch.Filter(cq, ctag, siteId, fromDate, toDate), cq, ctag, csite, cfrom, cto, problem,
                query.toString());
    }

    private static void param(StringBuilder query, String name, String value) {
        if (!value.isEmpty()) {
            query.append(query.length() == 0 ? "" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    static HitView view(RetroSearch.Hit h, boolean searched) {
        return new HitView(h.id(), h.section().label, h.title(), Markdown.render(h.notes()), h.tags(),
                h.linkLabel() == null ? "" : h.linkLabel(), h.author(), h.fromPartner(), h.site(), h.ehrVendor(), h.project(),
                String.valueOf(h.held()), h.retrospectiveLink() + "#item-" + h.id(), searched && !h.textMatch());
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> retroRows(UUID ws) {
        return Panache.getEntityManager().createNativeQuery("""
                SELECT s.id, s.name, p.id, p.name, coalesce(r.held_on, CAST(r.created_at AS date)),
                       (SELECT count(*) FROM retro_item i WHERE i.workspace_id = r.workspace_id AND i.retrospective_id = r.id),
                       (SELECT count(*) FROM retro_action a WHERE a.workspace_id = r.workspace_id AND a.retrospective_id = r.id
                          AND a.status = 'OPEN'),
                       r.id, count(*) OVER ()
                FROM retrospective r
                JOIN project p ON p.workspace_id = r.workspace_id AND p.id = r.project_id
                JOIN site s ON s.workspace_id = p.workspace_id AND s.id = p.site_id
                WHERE r.workspace_id = :ws
                ORDER BY 5 DESC, lower(s.name), p.id LIMIT :limit
                """).setParameter("ws", ws).setParameter("limit", RETROS_SHOWN).getResultList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> sitesWithRetros(UUID ws) {
        return Panache.getEntityManager().createNativeQuery("""
                SELECT DISTINCT s.id, s.name, lower(s.name) FROM retrospective r
                JOIN project p ON p.workspace_id = r.workspace_id AND p.id = r.project_id
                JOIN site s ON s.workspace_id = p.workspace_id AND s.id = p.site_id
                WHERE r.workspace_id = :ws ORDER BY lower(s.name)
                """).setParameter("ws", ws).getResultList();
    }

    private static String cell(String value) {
        return Downloads.csvCell(value);
    }

    /** One line of Markdown text: no line breaks, and nothing that starts a heading or list when it begins a line. */
    private static String line(String value) {
        return value == null ? "" : value.replaceAll("\\s+", " ").replace("*", "\\*").replace("#", "\\#");
    }
}
