package dev.siteready.team;

import dev.siteready.account.MemberRole;
import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An invitation to join a workspace, sent as a link. Only the SHA-256 of the link's secret is stored;
 * the link works once and until it expires or is revoked.
 */
@Entity
public class Invitation extends WorkspaceOwned {

    @Column(nullable = false, length = 254)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public MemberRole role;

    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    @Column(name = "invited_by", nullable = false)
    public UUID invitedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = AppClock.now();

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    public boolean isPending() {
        return acceptedAt == null && revokedAt == null && expiresAt.isAfter(AppClock.now());
    }

    public String status() {
        if (acceptedAt != null) {
            return "Accepted";
        }
        if (revokedAt != null) {
            return "Revoked";
        }
        return expiresAt.isAfter(AppClock.now()) ? "Pending" : "Expired";
    }

    public static Invitation findByTokenHash(String hash) {
        return find("tokenHash", hash).firstResult();
    }

    /** Pending invitations, newest first. */
    public static List<Invitation> listPending() {
        return list("acceptedAt is null and revokedAt is null and expiresAt > ?1 order by createdAt desc",
                AppClock.now());
    }
}
