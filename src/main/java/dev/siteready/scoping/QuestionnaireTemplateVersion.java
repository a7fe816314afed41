package dev.siteready.scoping;

import dev.siteready.tenant.WorkspaceSql;
import dev.siteready.web.Json;
import dev.siteready.versioning.PublishedVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;

/** A published, unchangeable version of a template (a database trigger refuses changes too). */
@Entity
@Immutable
@Table(name = "questionnaire_template_version")
public class QuestionnaireTemplateVersion extends PublishedVersion {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "template_id", nullable = false, updatable = false)
    public QuestionnaireTemplate template;


    /**
     * The definition as stored (JSON text, handed over by Hibernate unparsed); {@link #definition()} parses it once per
     * version and node ({@link QuestionnaireDefinitions}).
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "definition", nullable = false, updatable = false, columnDefinition = "jsonb")
    String definitionJson;

    /** Set when this version is published in this request, so that it is not parsed back from its own JSON. */
    @Transient
    private QuestionnaireDefinition published;




    /** The retrospective's proposal that this version carries out, if any. */
    @Column(name = "proposal_id", updatable = false)
    public java.util.UUID proposalId;

    /** The definition as the template's next version. */
    static QuestionnaireTemplateVersion publish(QuestionnaireTemplate template, QuestionnaireDefinition definition, String note,
            String actor, java.util.UUID proposalId) {
        QuestionnaireTemplateVersion version = new QuestionnaireTemplateVersion();
        version.template = template;
        version.published = definition;
        version.definitionJson = Json.write(definition);
        version.proposalId = proposalId;
        version.publish("template", template.id, note, actor);
        return version;
    }

    /** The questions of this version. */
    public QuestionnaireDefinition definition() {
        return published != null ? published : QuestionnaireDefinitions.of(workspaceId, id, definitionJson);
    }

    /** The number of questions of this version, without keeping its definition parsed (the list of all versions). */
    public int questionCount() {
        return (published != null ? published : QuestionnaireDefinitions.peek(workspaceId, id, definitionJson)).questionCount();
    }

    public static QuestionnaireTemplateVersion latest(QuestionnaireTemplate template) {
        return find("template = ?1 order by number desc", template).firstResult();
    }

    /** The number of the template's latest version (plain SQL: every questionnaire page shows whether a newer one exists). */
    public static int latestNumber(java.util.UUID templateId) {
        return ((Number) WorkspaceSql.query("SELECT coalesce(max(v.number), 0) FROM questionnaire_template_version v"
                + " WHERE v.workspace_id = :ws AND v.template_id = :template").setParameter("template", templateId)
                .getSingleResult()).intValue();
    }

    public static List<QuestionnaireTemplateVersion> listFor(QuestionnaireTemplate template) {
        return list("template = ?1 order by number desc", template);
    }
}
