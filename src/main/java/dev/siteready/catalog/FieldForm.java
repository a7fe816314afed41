package dev.siteready.catalog;

import org.jboss.resteasy.reactive.RestForm;

/** A new field of a data model: its path, type and description, checked by {@link Catalog} (as a JSON import's are). */
record FieldForm(@RestForm String path, @RestForm String type, @RestForm String description) {
}
