package dev.siteready.testing;

import dev.siteready.catalog.CatalogUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** The events the functional checklist has items for (also out of scope, as history), for the catalog. */
@ApplicationScoped
class ChecklistCatalogUsage implements CatalogUsage {

    @Inject
    EntityManager em;

    @Override
    public Used used() {
        Set<UUID> events = new HashSet<>(em.createNativeQuery("SELECT DISTINCT event_id FROM checklist_item", UUID.class)
                .getResultList());
        return new Used(events, Set.of());
    }

    @Override
    public boolean usesEvent(UUID eventId) {
        return !em.createNativeQuery("SELECT 1 FROM checklist_item WHERE event_id = ?1 LIMIT 1").setParameter(1, eventId)
                .getResultList().isEmpty();
    }

    @Override
    public boolean usesField(UUID fieldId) {
        return false;
    }
}
