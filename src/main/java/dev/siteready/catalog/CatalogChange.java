package dev.siteready.catalog;

import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import io.quarkus.panache.common.Page;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

import java.time.OffsetDateTime;
import java.util.List;

/** One line of the catalog's change log: what was added or taken out, when, by whom. */
@Entity
public class CatalogChange extends WorkspaceOwned {

    public enum Kind { MODEL_ADDED, EVENT_ADDED, FIELD_ADDED, EVENT_REMOVED, FIELD_REMOVED, FIELD_RETYPED, IMPORTED }

    @Column(name = "changed_at", nullable = false, updatable = false)
    public OffsetDateTime changedAt = AppClock.now();

    @Column(name = "changed_by", nullable = false, length = 120)
    public String changedBy;

    @Column(nullable = false, length = 30)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;

    @Column(nullable = false, length = 2000)
    public String summary;

    public static List<CatalogChange> page(int index, int size) {
        return find("order by changedAt desc, id").page(Page.of(index, size)).list();
    }
}
