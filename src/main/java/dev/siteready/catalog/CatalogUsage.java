package dev.siteready.catalog;

import java.util.Set;
import java.util.UUID;

/**
 * Where the catalog's events and fields are used, told by the features that use them (a project's scope, the
 * functional checklist's history), so that the catalog never reads their tables: those features stand in rings
 * outside it. A used event or field cannot be removed, nor a used field's type changed.
 */
public interface CatalogUsage {

    /** The ids of the events and fields in use in this workspace, read in one query. */
    Used used();

    boolean usesEvent(UUID eventId);

    boolean usesField(UUID fieldId);

    record Used(Set<UUID> events, Set<UUID> fields) {
    }
}
