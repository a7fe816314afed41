package dev.siteready.retro;

import org.jboss.resteasy.reactive.RestQuery;

/** The filters of the retrospectives' review (page, exports and API) as sent in the query string, and the page asked for. */
record ReviewParams(@RestQuery String q, @RestQuery String tag, @RestQuery String site, @RestQuery String from,
        @RestQuery String to, @RestQuery String page) {

    /** The page number asked for, 1 when none or not a number. */
    int pageNumber() {
        return page != null && page.matches("[0-9]{1,6}") ? Math.max(1, Integer.parseInt(page)) : 1;
    }
}
