package dev.siteready.retro;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The review's filters as typed (stripped, shown again), checked: the search to run, or the problem that keeps it from
 * running; and the same filters as a query string for the page links and exports.
 */
record ReviewQuery(RetroSearch.Filter filter, String q, String tag, String site, String from, String to, String problem,
        String query) {

    static ReviewQuery of(ReviewParams params) {
        String q = Forms.text(params.q()).strip();
        String tag = Forms.text(params.tag()).strip();
        String site = Forms.text(params.site()).strip();
        String from = Forms.text(params.from()).strip();
        String to = Forms.text(params.to()).strip();
        String problem = null;
        if (q.length() > RetroSearch.MAX_QUERY || !PlainText.Validator.isPlain(q)) {
            problem = "Search for up to " + RetroSearch.MAX_QUERY + " characters of text.";
            q = q.substring(0, Math.min(q.length(), RetroSearch.MAX_QUERY));
        }
        UUID siteId = Forms.uuid(site);
        if (!site.isEmpty() && siteId == null) {
            problem = "Choose a site from the list.";
        }
        LocalDate fromDate = Forms.date(from);
        LocalDate toDate = Forms.date(to);
        if ((!from.isEmpty() && fromDate == null) || (!to.isEmpty() && toDate == null)) {
            problem = "Give the dates as dates between 2000 and 2099.";
        }
        if (!tag.isEmpty() && !Tags.isTag(tag)) {
            problem = "A tag is one word of up to 40 letters, digits, dots, hyphens or underscores.";
            tag = "";
        }
        String query = Stream.of(param("q", q), param("tag", tag), param("site", site), param("from", from), param("to", to))
                .filter(p -> !p.isEmpty()).collect(Collectors.joining("&"));
        return new ReviewQuery(new RetroSearch.Filter(q, tag, siteId, fromDate, toDate), q, tag, site, from, to, problem, query);
    }

    /** The filters in words, for the Markdown export's reader. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (!q.isEmpty()) {
            parts.add("search \"" + q + "\"");
        }
        if (!tag.isEmpty()) {
            parts.add("tag " + tag);
        }
        if (filter.site() != null) {
            parts.add("one site");
        }
        if (filter.from() != null) {
            parts.add("from " + filter.from());
        }
        if (filter.to() != null) {
            parts.add("to " + filter.to());
        }
        return String.join(", ", parts);
    }

    private static String param(String name, String value) {
        return value.isEmpty() ? "" : name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
