package dev.siteready.project;

import dev.siteready.catalog.CatalogUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The events in projects' scopes and the fields projects require, for the catalog (which cannot read scopes). */
@ApplicationScoped
class ScopeCatalogUsage implements CatalogUsage {

    @Inject
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public Used used() {
        Set<UUID> events = new HashSet<>();
        Set<UUID> fields = new HashSet<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT DISTINCT 'E', event_id FROM scope_row_event"
                + " UNION SELECT DISTINCT 'F', field_id FROM scope_requirement WHERE field_id IS NOT NULL").getResultList()) {
            ("E".equals(String.valueOf(r[0])) ? events : fields).add((UUID) r[1]);
        }
        return new Used(events, fields);
    }

    @Override
    public boolean usesEvent(UUID eventId) {
        return !em.createNativeQuery("SELECT 1 FROM scope_row_event WHERE event_id = ?1 LIMIT 1").setParameter(1, eventId)
                .getResultList().isEmpty();
    }

    @Override
    public boolean usesField(UUID fieldId) {
        return !em.createNativeQuery("SELECT 1 FROM scope_requirement WHERE field_id = ?1 LIMIT 1").setParameter(1, fieldId)
                .getResultList().isEmpty();
    }
}
