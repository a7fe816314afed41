package dev.siteready.partner;

import dev.siteready.project.Project;
import dev.siteready.scoping.Questionnaire;
import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A link through which one partner contact answers a questionnaire, or signs off a project's go-live, without an
 * account. Only a hash of its secret is stored; the link itself is shown once, to the member who created it.
 */
@Entity
public class PartnerLink extends WorkspaceOwned {

    /** What the link opens. Both kinds share the secret, the cookie, expiry, revocation and the access log. */
    public enum Purpose {
        QUESTIONNAIRE("/partner/"),
        SIGN_OFF("/partner/sign-off/"),
        RETROSPECTIVE("/partner/retro/");

        private final String pathPrefix;

        Purpose(String pathPrefix) {
            this.pathPrefix = pathPrefix;
        }

        /** The partner's page for the questionnaire or project the link opens. */
        public String path(UUID target) {
            return pathPrefix + target;
        }
    }

    public static final int DEFAULT_DAYS = 14;
    public static final int MAX_DAYS = 90;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    public Purpose purpose = Purpose.QUESTIONNAIRE;

    /** Set for questionnaire links. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "questionnaire_id", updatable = false)
    public Questionnaire questionnaire;

    /** Set for sign-off links. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id", updatable = false)
    public Project project;

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
    public OffsetDateTime createdAt = AppClock.now();

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;

    public boolean isActive() {
        return revokedAt == null && expiresAt.isAfter(AppClock.now());
    }

    public String state() {
        return revokedAt != null ? "Revoked" : isActive() ? "Active" : "Expired";
    }

    public boolean allows(String sectionKey) {
        return sections.isEmpty() || sections.contains(sectionKey);
    }

    /** The link with its questionnaire and everything the partner page shows about it, in one query, or null. */
    public static PartnerLink withQuestionnaire(UUID linkId, UUID questionnaireId) {
        return find("from PartnerLink l join fetch l.questionnaire q join fetch q.templateVersion v join fetch v.template "
                + "join fetch q.project p join fetch p.site where l.id = ?1 and q.id = ?2", linkId, questionnaireId).firstResult();
    }

    public static List<PartnerLink> listFor(Questionnaire questionnaire) {
        return list("questionnaire = ?1 order by createdAt desc, id", questionnaire);
    }

    /** The project's links of that purpose, newest first. */
    public static List<PartnerLink> linksFor(Project project, Purpose purpose) {
        return list("project = ?1 and purpose = ?2 order by createdAt desc, id", project, purpose);
    }

    /** The project's link of that purpose with its project and site, in one query, or null. */
    public static PartnerLink withProject(UUID linkId, UUID projectId, Purpose purpose) {
        return find("from PartnerLink l join fetch l.project p join fetch p.site where l.id = ?1 and p.id = ?2"
                + " and l.purpose = ?3", linkId, projectId, purpose).firstResult();
    }
}
