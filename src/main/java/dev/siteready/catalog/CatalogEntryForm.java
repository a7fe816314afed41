package dev.siteready.catalog;

import org.jboss.resteasy.reactive.RestForm;

/** A new data model or event type: its name and description, checked by {@link Catalog} (as a JSON import's are). */
record CatalogEntryForm(@RestForm String name, @RestForm String description) {
}
