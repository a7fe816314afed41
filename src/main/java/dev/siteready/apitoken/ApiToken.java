package dev.siteready.apitoken;

import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A workspace's token for the JSON API. Only the SHA-256 of the token is stored; it is shown once. */
@Entity
public class ApiToken extends WorkspaceOwned {

    @Column(nullable = false, length = 80)
    public String name;

    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    /** The first characters of the token, so people can tell their tokens apart. */
    @Column(name = "token_prefix", nullable = false, length = 16)
    public String tokenPrefix;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = AppClock.now();

    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    public boolean isActive() {
        return revokedAt == null;
    }

    /** Every token, active first, newest first. */
    public static List<ApiToken> listForSettings() {
        return list("order by case when revokedAt is null then 0 else 1 end, createdAt desc");
    }
}
