package dev.siteready.web;

/**
 * A list shown a page at a time: what the pager needs. A list's result record implements {@link #page()},
 * {@link #total()}, {@link #pageSize()} and {@link #link(int)} (the same list on another page).
 */
public interface Paged {

    int page();

    long total();

    int pageSize();

    String link(int page);

    default int pages() {
        return (int) Math.max(1, (total() + pageSize() - 1) / pageSize());
    }

    default boolean hasPrevious() {
        return page() > 1;
    }

    default boolean hasNext() {
        return page() < pages();
    }

    default String previousLink() {
        return link(page() - 1);
    }

    default String nextLink() {
        return link(page() + 1);
    }
}
