package dev.siteready.onboarding;

import dev.siteready.project.ScopeSpec;
import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import dev.siteready.web.Names;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;

/** A starting point for new sites: a name and the default scope of their first project. */
@Entity
public class OnboardingTemplate extends WorkspaceOwned {

    @Column(nullable = false, length = 120)
    @Convert(converter = Names.Nfc.class)
    public String name;

    @Column(nullable = false, length = 2000)
    public String description = "";

    /** Kept as the scope JSON, so a template outlives catalog changes (unknown names are skipped on use). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public ScopeSpec scope;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = AppClock.now();

    public static List<OnboardingTemplate> listByName() {
        return list("order by lower(name)");
    }

    /** The template a site draft names, or null when it names none (or one that does not exist). */
    public static OnboardingTemplate named(String name) {
        return name == null || name.isBlank() ? null : findByName(name);
    }

    public static OnboardingTemplate findByName(String name) {
        return find("lower(name) = lower(?1)", Names.normalize(name)).firstResult();
    }
}
