package dev.siteready.partner;

import dev.siteready.scoping.Questionnaire;
import dev.siteready.tenant.WorkspaceOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A link through which one partner contact answers a questionnaire without an account. Only a hash of its
 * secret is stored; the link itself is shown once, to the member who created it.
 */
@Entity
public class PartnerLink extends WorkspaceOwned {

    public static final int DEFAULT_DAYS = 14;
    public static final int MAX_DAYS = 90;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "questionnaire_id", nullable = false, updatable = false)
    public Questionnaire questionnaire;

    @Column(nullable = false, length = 120)
    public String label;

    @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
    public String tokenHash;

    /** The section keys this link may see; empty for all. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> sections = List.of();

    @Column(name = "created_by", nullable = false, length = 200, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;

    public boolean isActive() {
        return revokedAt == null && expiresAt.isAfter(OffsetDateTime.now());
    }

    public String state() {
        return revokedAt != null ? "Revoked" : isActive() ? "Active" : "Expired";
    }

    public boolean allows(String sectionKey) {
        return sections.isEmpty() || sections.contains(sectionKey);
    }

    /** The link with its questionnaire and everything the partner page shows about it, in one query, or null. */
    public static PartnerLink withQuestionnaire(java.util.UUID linkId, java.util.UUID questionnaireId) {
        return find("from PartnerLink l join fetch l.questionnaire q join fetch q.templateVersion v join fetch v.template "
                + "join fetch q.project p join fetch p.site where l.id = ?1 and q.id = ?2", linkId, questionnaireId).firstResult();
    }

    public static List<PartnerLink> listFor(Questionnaire questionnaire) {
        return list("questionnaire = ?1 order by createdAt desc, id", questionnaire);
    }
}
