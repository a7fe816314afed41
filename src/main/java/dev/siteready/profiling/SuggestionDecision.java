package dev.siteready.profiling;

import dev.siteready.scoping.AnswerKey;
import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;

/** A manager accepted or ignored what a profile suggests for one question (and subject). */
@Entity
@Table(name = "sample_suggestion_decision")
public class SuggestionDecision extends WorkspaceOwned {

    public enum Decision { ACCEPTED, IGNORED }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "profile_id", nullable = false, updatable = false)
    public SampleProfile profile;

    @Column(name = "question_key", nullable = false, length = 80, updatable = false)
    public String questionKey;

    @Column(nullable = false, length = 400, updatable = false)
    public String subject = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Decision decision;

    @Column(name = "decided_by", nullable = false, length = 200)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public OffsetDateTime decidedAt = AppClock.now();

    /** The answer the decision is about. */
    public AnswerKey key() {
        return AnswerKey.of(questionKey, subject);
    }

    public static List<SuggestionDecision> listFor(SampleProfile profile) {
        return list("profile", profile);
    }
}
