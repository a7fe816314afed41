package dev.siteready.scoping;

import dev.siteready.project.Project;
import dev.siteready.tenant.WorkspaceOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A project's scoping questionnaire, asked from one published template version. Pulling in a newer
 * version is an explicit step; answers are kept by question key, so they carry over.
 */
@Entity
public class Questionnaire extends WorkspaceOwned {

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", nullable = false, updatable = false)
    public Project project;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "template_version_id", nullable = false)
    public QuestionnaireTemplateVersion templateVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public QuestionnaireStatus status = QuestionnaireStatus.DRAFT;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "locked_at")
    public OffsetDateTime lockedAt;

    /** A questionnaire with everything its pages show about it: template version, template, project, site. */
    static final String WITH_PAGE_DATA = "from Questionnaire q join fetch q.templateVersion v join fetch v.template "
            + "join fetch q.project p join fetch p.site ";

    /** The project's questionnaire with its page data in one query, or null. */
    public static Questionnaire forProject(UUID projectId) {
        return find(WITH_PAGE_DATA + "where p.id = ?1", projectId).firstResult();
    }

    /** The questionnaire of the project, only if the project belongs to that site; else null. */
    public static Questionnaire findAt(UUID siteId, UUID projectId) {
        return find(WITH_PAGE_DATA + "where p.id = ?1 and p.site.id = ?2", projectId, siteId).firstResult();
    }

    public QuestionnaireDefinition definition() {
        return templateVersion.definition;
    }
}
