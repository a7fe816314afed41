package dev.siteready.onboarding;

import dev.siteready.project.ScopeSpec;
import dev.siteready.tenant.WorkspaceOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One published state of an onboarding template's default scope; the template's scope is its latest version's. */
@Entity
@Immutable
@Table(name = "onboarding_template_version")
public class OnboardingTemplateVersion extends WorkspaceOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "template_id", nullable = false, updatable = false)
    public OnboardingTemplate template;

    @Column(nullable = false, updatable = false)
    public int number;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    public ScopeSpec scope;

    @Column(nullable = false, length = 500, updatable = false)
    public String note = "";

    @Column(name = "published_at", nullable = false, updatable = false)
    public OffsetDateTime publishedAt = OffsetDateTime.now();

    @Column(name = "published_by", nullable = false, length = 200, updatable = false)
    public String publishedBy;

    /** The retrospective's proposal that this version carries out, if any. */
    @Column(name = "proposal_id", updatable = false)
    public UUID proposalId;

    /** Sets the template's scope and records it as the template's next version. */
    public static OnboardingTemplateVersion publish(OnboardingTemplate template, ScopeSpec scope, String note, String actor,
            UUID proposalId) {
        Integer latest = find("select max(v.number) from OnboardingTemplateVersion v where v.template = ?1", template)
                .project(Integer.class).firstResult();
        if (latest == null && proposalId != null && template.scope != null) {
            // A template made by a node of the version before V6 (during a rolling deploy) has no version yet:
            // record how it stood before its first change.
            record(template, 1, template.scope, "As the template stood before its first change.", "SiteReady", null);
            latest = 1;
        }
        return record(template, latest == null ? 1 : latest + 1, scope, note, actor, proposalId);
    }

    private static OnboardingTemplateVersion record(OnboardingTemplate template, int number, ScopeSpec scope, String note,
            String actor, UUID proposalId) {
        OnboardingTemplateVersion version = new OnboardingTemplateVersion();
        version.template = template;
        version.number = number;
        version.scope = scope;
        version.note = note.length() > 500 ? note.substring(0, 499) + "…" : note;
        version.publishedBy = actor;
        version.proposalId = proposalId;
        version.persist();
        template.scope = scope;
        return version;
    }
}
