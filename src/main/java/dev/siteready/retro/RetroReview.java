package dev.siteready.retro;

import dev.siteready.web.Option;
import dev.siteready.web.Paged;
import io.quarkus.qute.RawString;

import java.util.List;
import java.util.UUID;

/**
 * The review of every retrospective in the workspace (RetroReviewResource/review.html): the items found, a page at a
 * time, and (on the full page) the most used tags, the sites to filter by and the latest retrospectives.
 */
record RetroReview(String q, String tag, String site, String from, String to, String problem, boolean filtered,
        List<HitView> hits, long total, int page, List<TagCount> tags, List<Option> sites, List<RetroRow> retros,
        long retroTotal, String query) implements Paged {

    static final int PAGE_SIZE = 20;
    static final int RETROS_SHOWN = 50;
    static final int TAGS_SHOWN = 15;

    public record HitView(UUID id, String section, String title, RawString notes, List<String> tags, String link, String author,
            boolean fromPartner, String site, String ehrVendor, String project, String held, String retrospectiveLink,
            boolean siteMatch) {
    }

    public record TagCount(String tag, long items, boolean selected) {
    }

    public record RetroRow(String site, String project, String held, long items, long openActions, String link) {
    }

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

    /** Only the items found (what htmx swaps in as the filters change). */
    static RetroReview results(UUID workspaceId, ReviewQuery query, int page) {
        RetroSearch.Result result = query.problem() == null
                ? RetroSearch.find(workspaceId, query.filter(), (page - 1) * PAGE_SIZE, PAGE_SIZE) : new RetroSearch.Result(List.of(), 0);
        List<HitView> hits = result.hits().stream().map(h -> hit(h, !query.filter().q().isEmpty())).toList();
        return new RetroReview(query.q(), query.tag(), query.site(), query.from(), query.to(), query.problem(), query.filter().any(),
                hits, result.total(), page, List.of(), List.of(), List.of(), 0, query.query());
    }

    /** The whole page. */
    static RetroReview full(UUID workspaceId, ReviewQuery query, int page) {
        RetroReview results = results(workspaceId, query, page);
        List<TagCount> tags = RetroSearch.frequentTags(workspaceId, TAGS_SHOWN).stream()
                .map(t -> new TagCount(t.tag(), t.items(), t.tag().equals(query.filter().tag()))).toList();
        List<RetroSearch.Listed> listed = RetroSearch.retrospectives(workspaceId, RETROS_SHOWN);
        List<RetroRow> retros = listed.stream().map(r -> new RetroRow(r.site(), r.project(), String.valueOf(r.held()), r.items(),
                r.openActions(), r.link())).toList();
        List<Option> sites = RetroSearch.sitesWithRetrospectives(workspaceId).stream()
                .map(r -> new Option(r[0].toString(), (String) r[1], r[0].toString().equals(query.site()))).toList();
        return new RetroReview(results.q, results.tag, results.site, results.from, results.to, results.problem, results.filtered,
                results.hits, results.total, page, tags, sites, retros, listed.isEmpty() ? 0 : listed.get(0).total(), results.query);
    }

    private static HitView hit(RetroSearch.Hit h, boolean searched) {
        return new HitView(h.id(), h.section().label, h.title(), Markdown.render(h.notes()), h.tags(),
                h.linkLabel() == null ? "" : h.linkLabel(), h.author(), h.fromPartner(), h.site(), h.ehrVendor(), h.project(),
                String.valueOf(h.held()), h.retrospectiveLink() + "#item-" + h.id(), searched && !h.textMatch());
    }
}
