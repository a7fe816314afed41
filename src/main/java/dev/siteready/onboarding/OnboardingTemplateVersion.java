package dev.siteready.onboarding;

import dev.siteready.project.ScopeSpec;
import dev.siteready.versioning.PublishedVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.UUID;

/** One published state of an onboarding template's default scope; the template's scope is its latest version's. */
@Entity
@Immutable
@Table(name = "onboarding_template_version")
public class OnboardingTemplateVersion extends PublishedVersion {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "template_id", nullable = false, updatable = false)
    public OnboardingTemplate template;


    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    public ScopeSpec scope;




    /** The retrospective's proposal that this version carries out, if any. */
    @Column(name = "proposal_id", updatable = false)
    public UUID proposalId;

    /** Sets the template's scope and records it as the template's next version. */
    public static OnboardingTemplateVersion publish(OnboardingTemplate template, ScopeSpec scope, String note, String actor,
            UUID proposalId) {
        if (proposalId != null && template.scope != null && count("template", template) == 0) {
            // A template made by a node of the version before V6 (during a rolling deploy) has no version yet:
            // record how it stood before its first change.
            record(template, template.scope, "As the template stood before its first change.", "SiteReady", null);
        }
        return record(template, scope, note, actor, proposalId);
    }

    private static OnboardingTemplateVersion record(OnboardingTemplate template, ScopeSpec scope, String note, String actor,
            UUID proposalId) {
        OnboardingTemplateVersion version = new OnboardingTemplateVersion();
        version.template = template;
        version.scope = scope;
        version.proposalId = proposalId;
        version.publish("template", template.id, note, actor);
        template.scope = scope;
        return version;
    }
}
