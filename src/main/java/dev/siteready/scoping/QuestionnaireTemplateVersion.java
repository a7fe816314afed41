package dev.siteready.scoping;

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
import java.util.List;

/** A published, unchangeable version of a template (a database trigger refuses changes too). */
@Entity
@Immutable
@Table(name = "questionnaire_template_version")
public class QuestionnaireTemplateVersion extends WorkspaceOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "template_id", nullable = false, updatable = false)
    public QuestionnaireTemplate template;

    @Column(nullable = false, updatable = false)
    public int number;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    public QuestionnaireDefinition definition;

    @Column(nullable = false, length = 500, updatable = false)
    public String note = "";

    @Column(name = "published_at", nullable = false, updatable = false)
    public OffsetDateTime publishedAt = OffsetDateTime.now();

    @Column(name = "published_by", nullable = false, length = 200, updatable = false)
    public String publishedBy;

    /** The retrospective's proposal that this version carries out, if any. */
    @Column(name = "proposal_id", updatable = false)
    public java.util.UUID proposalId;

    public static QuestionnaireTemplateVersion latest(QuestionnaireTemplate template) {
        return find("template = ?1 order by number desc", template).firstResult();
    }

    public static List<QuestionnaireTemplateVersion> listFor(QuestionnaireTemplate template) {
        return list("template = ?1 order by number desc", template);
    }
}
