package dev.siteready.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Every feature's answer to whether an event or field is in use: one query from each. */
@ApplicationScoped
class CatalogUses {

    @Inject
    @Any
    Instance<CatalogUsage> usages;

    CatalogUsage.Used used() {
        Set<UUID> events = new HashSet<>();
        Set<UUID> fields = new HashSet<>();
        usages.forEach(u -> {
            CatalogUsage.Used used = u.used();
            events.addAll(used.events());
            fields.addAll(used.fields());
        });
        return new CatalogUsage.Used(events, fields);
    }

    boolean eventUsed(UUID eventId) {
        return usages.stream().anyMatch(u -> u.usesEvent(eventId));
    }

    boolean fieldUsed(UUID fieldId) {
        return usages.stream().anyMatch(u -> u.usesField(fieldId));
    }
}
