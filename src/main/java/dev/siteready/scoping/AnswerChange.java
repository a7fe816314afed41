package dev.siteready.scoping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.tenant.WorkspaceSql;
import dev.siteready.time.AppClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;

/** One change to an answer or its follow-up flag: who, when, old and new value. Never changed afterwards. */
@Entity
@Immutable
public class AnswerChange extends WorkspaceOwned {

    public enum Kind { ANSWER, FOLLOW_UP }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "questionnaire_id", nullable = false, updatable = false)
    public Questionnaire questionnaire;

    @Column(name = "question_key", nullable = false, length = 80)
    public String questionKey;

    @Column(nullable = false, length = 400)
    public String subject = "";

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt = AppClock.now();

    @Column(name = "changed_by", nullable = false, length = 200)
    public String changedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Kind kind;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "old_value", columnDefinition = "jsonb")
    public JsonNode oldValue;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "new_value", columnDefinition = "jsonb")
    public JsonNode newValue;

    public static List<AnswerChange> listFor(Questionnaire questionnaire, String questionKey, String subject) {
        return list("questionnaire = ?1 and questionKey = ?2 and subject = ?3 order by changedAt desc, id",
                questionnaire, questionKey, subject);
    }

    /** Question key, subject and number of changes, per answer of the questionnaire (plain SQL: read on every view). */
    public static List<Object[]> countsFor(Questionnaire questionnaire) {
        return WorkspaceSql.rows(WorkspaceSql.query("SELECT c.question_key, c.subject, count(*) FROM answer_change c"
                + " WHERE c.workspace_id = :ws AND c.questionnaire_id = :questionnaire GROUP BY c.question_key, c.subject")
                .setParameter("questionnaire", questionnaire.id));
    }
}
