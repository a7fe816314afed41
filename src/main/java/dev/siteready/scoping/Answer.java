package dev.siteready.scoping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;

/** The current answer to one question (for one subject), with its follow-up flag. Its history is in AnswerChange. */
@Entity
public class Answer extends WorkspaceOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "questionnaire_id", nullable = false, updatable = false)
    public Questionnaire questionnaire;

    @Column(name = "question_key", nullable = false, length = 80, updatable = false)
    public String questionKey;

    @Column(nullable = false, length = 400, updatable = false)
    public String subject = "";

    /** A JSON string, list of strings or list of objects; null while unanswered. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode value;

    @Column(name = "needs_follow_up", nullable = false)
    public boolean needsFollowUp;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt = AppClock.now();

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    public AnswerKey key() {
        return AnswerKey.of(questionKey, subject);
    }

    public static List<Answer> listFor(Questionnaire questionnaire) {
        return list("questionnaire", questionnaire);
    }

    public static Answer find(Questionnaire questionnaire, String questionKey, String subject) {
        return find("questionnaire = ?1 and questionKey = ?2 and subject = ?3", questionnaire, questionKey, subject).firstResult();
    }
}
