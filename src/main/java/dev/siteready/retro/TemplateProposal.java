package dev.siteready.retro;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.siteready.onboarding.OnboardingTemplate;
import dev.siteready.scoping.QuestionnaireTemplate;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A change to a template that a retrospective item asks for. A manager accepts it (which publishes a new template
 * version pointing back here) or rejects it, with a note.
 */
@Entity
@Table(name = "template_proposal")
public class TemplateProposal extends WorkspaceOwned {

    public enum Change {
        ADD_QUESTION("Add a question", true),
        REWORD_QUESTION("Reword a question", true),
        REQUIRE_FIELD("Require a field", false),
        DROP_FIELD("Drop a field from required", false),
        ADD_EVENT("Add an event type to the default scope", false),
        DROP_EVENT("Drop an event type from the default scope", false);

        public final String label;
        public final boolean questionnaire;

        Change(String label, boolean questionnaire) {
            this.label = label;
            this.questionnaire = questionnaire;
        }

        public static Change parse(String value) {
            for (Change c : values()) {
                if (c.name().equals(value)) {
                    return c;
                }
            }
            return null;
        }
    }

    public enum Status {
        PROPOSED("Waiting for a manager"),
        ACCEPTED("Accepted"),
        REJECTED("Rejected");

        public final String label;

        Status(String label) {
            this.label = label;
        }

        public String cssClass() {
            return "proposal-" + name().toLowerCase(Locale.ROOT);
        }
    }

    /** What to change, as typed (tolerant reader: fields a change does not use stay empty). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Details(String section, String question, String label, String help, String type, String options,
            String model, String event, String field, String previousLabel) {
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "retrospective_id", nullable = false, updatable = false)
    public Retrospective retrospective;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "item_id")
    public RetroItem item;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30, updatable = false)
    public Change change;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "questionnaire_template_id", updatable = false)
    public QuestionnaireTemplate questionnaireTemplate;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "onboarding_template_id", updatable = false)
    public OnboardingTemplate onboardingTemplate;

    /** The template's name when proposed: kept if the template is deleted later. */
    @Column(name = "template_name", nullable = false, length = 120, updatable = false)
    public String templateName;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb", updatable = false)
    public Details details;

    /** The change in words. */
    @Column(nullable = false, length = 1000)
    public String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Status status = Status.PROPOSED;

    @Column(name = "proposed_by", nullable = false, length = 200, updatable = false)
    public String proposedBy;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    public OffsetDateTime proposedAt = AppClock.now();

    @Column(name = "decided_by", length = 200)
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decision_note", nullable = false, length = 1000)
    public String decisionNote = "";

    /** The template version that accepting it published. */
    @Column(name = "resulting_version")
    public Integer resultingVersion;

    public boolean pending() {
        return status == Status.PROPOSED;
    }

    /** Accepted: the template's version it published. */
    void accept(String actor, String note, int version) {
        decide(Status.ACCEPTED, actor, note);
        resultingVersion = version;
    }

    void reject(String actor, String note) {
        decide(Status.REJECTED, actor, note);
    }

    private void decide(Status decision, String actor, String note) {
        status = decision;
        decidedBy = actor;
        decidedAt = AppClock.now();
        decisionNote = note;
    }

    public String templateName() {
        return questionnaireTemplate != null ? questionnaireTemplate.name : onboardingTemplate != null ? onboardingTemplate.name
                : templateName + " (deleted)";
    }

    /** Where the template is edited or listed; null once it was deleted. */
    public String templateLink() {
        return questionnaireTemplate != null ? "/templates/questionnaires/" + questionnaireTemplate.id
                : onboardingTemplate != null ? "/templates#template-" + onboardingTemplate.id : null;
    }

    public static List<TemplateProposal> listFor(Retrospective retro) {
        return list("from TemplateProposal t left join fetch t.questionnaireTemplate left join fetch t.onboardingTemplate"
                + " where t.retrospective = ?1 order by t.proposedAt, t.id", retro);
    }

    /** Proposals with their retrospective, project, site and template, in one query (newest first). */
    public static List<TemplateProposal> listWithContext(Status status, int limit) {
        return find("from TemplateProposal t join fetch t.retrospective r join fetch r.project p join fetch p.site"
                + " left join fetch t.item left join fetch t.questionnaireTemplate left join fetch t.onboardingTemplate"
                + " where t.status = ?1 order by t.proposedAt desc, t.id", status).page(0, limit).list();
    }

    /** The proposal with its context, its row locked until the transaction ends (so two decisions come one after the other). */
    public static TemplateProposal withContext(UUID id) {
        TemplateProposal proposal = find("from TemplateProposal t join fetch t.retrospective r join fetch r.project p join fetch p.site"
                + " left join fetch t.item left join fetch t.questionnaireTemplate left join fetch t.onboardingTemplate"
                + " where t.id = ?1", id).firstResult();
        if (proposal != null) {
            getEntityManager().refresh(proposal, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        }
        return proposal;
    }
}
