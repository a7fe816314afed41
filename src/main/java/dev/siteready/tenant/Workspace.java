package dev.siteready.tenant;

import dev.siteready.time.AppClock;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A tenant: one vendor team. Row level security shows a transaction only the row of its own workspace. */
@Entity
public class Workspace extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 120)
    public String name;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = AppClock.now();

    @Version
    public Long version;
}
