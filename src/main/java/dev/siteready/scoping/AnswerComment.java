package dev.siteready.scoping;

import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import java.time.OffsetDateTime;
import java.util.List;

/** A comment in a question's thread, by a member or through a partner link. */
@Entity
public class AnswerComment extends WorkspaceOwned {

    public static final int MAX_LENGTH = 4000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "questionnaire_id", nullable = false, updatable = false)
    public Questionnaire questionnaire;

    @Column(name = "question_key", nullable = false, length = 80)
    public String questionKey;

    @Column(nullable = false, length = 400)
    public String subject = "";

    @Column(nullable = false, length = 200)
    public String author;

    @Column(name = "from_partner", nullable = false)
    public boolean fromPartner;

    @Column(nullable = false, length = MAX_LENGTH)
    public String body;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt = AppClock.now();

    public static List<AnswerComment> listFor(Questionnaire questionnaire) {
        return list("questionnaire = ?1 order by createdAt, id", questionnaire);
    }
}
