package dev.siteready.scoping;

import dev.siteready.project.Project;
import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
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
    public OffsetDateTime createdAt = AppClock.now();

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

    /** The project's questionnaire with its page data (the API's routes, by project id alone); otherwise 404. */
    public static Questionnaire requireForProject(UUID projectId) {
        Questionnaire questionnaire = projectId == null ? null : forProject(projectId);
        if (questionnaire == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return questionnaire;
    }

    /** The questionnaire of the project, only if the project belongs to that site; else null. */
    public static Questionnaire findAt(UUID siteId, UUID projectId) {
        return find(WITH_PAGE_DATA + "where p.id = ?1 and p.site.id = ?2", projectId, siteId).firstResult();
    }

    /** The project's questionnaire, only if the project belongs to that site (and so to this workspace); otherwise 404. */
    public static Questionnaire require(UUID siteId, UUID projectId) {
        Questionnaire questionnaire = siteId == null || projectId == null ? null : findAt(siteId, projectId);
        if (questionnaire == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return questionnaire;
    }

    /** The address of the project's questionnaire page. */
    public static String path(UUID siteId, UUID projectId) {
        return "/sites/" + siteId + "/projects/" + projectId + "/questionnaire";
    }

    // ---- where it stands: every change of status goes through one of these ------------------------------------

    /** A partner link was created for it: a draft is now sent. */
    public void markSent() {
        if (status == QuestionnaireStatus.DRAFT) {
            status = QuestionnaireStatus.SENT;
        }
    }

    /** A partner saved an answer: a draft or sent questionnaire is now being answered. */
    public void answeredByPartner() {
        if (status == QuestionnaireStatus.DRAFT || status == QuestionnaireStatus.SENT) {
            status = QuestionnaireStatus.IN_PROGRESS;
        }
    }

    /** The partner submits it for review (again, after changes); refused (false) once it is locked. */
    public boolean submitByPartner(OffsetDateTime at) {
        if (status.isLocked()) {
            return false;
        }
        status = QuestionnaireStatus.SUBMITTED;
        submittedAt = at;
        return true;
    }

    /** A manager marks it submitted for review (e.g. answers came by e-mail); refused when submitted or locked. */
    public boolean markSubmitted(OffsetDateTime at) {
        if (status.isLocked() || status == QuestionnaireStatus.SUBMITTED) {
            return false;
        }
        status = QuestionnaireStatus.SUBMITTED;
        submittedAt = at;
        return true;
    }

    /** Reviewed and locked: nobody changes answers until it is reopened. Refused when locked already. */
    public boolean lock(OffsetDateTime at) {
        if (status.isLocked()) {
            return false;
        }
        status = QuestionnaireStatus.LOCKED;
        lockedAt = at;
        return true;
    }

    /** Answers can change again, also through partner links. Only a submitted or locked questionnaire is reopened. */
    public boolean reopen() {
        if (status != QuestionnaireStatus.LOCKED && status != QuestionnaireStatus.SUBMITTED) {
            return false;
        }
        status = QuestionnaireStatus.IN_PROGRESS;
        lockedAt = null;
        return true;
    }

    /** What a manager's action on the questionnaire came to: done, or refused; with the message to show either way. */
    public record Outcome(boolean done, String message) {
        static Outcome done(String message) {
            return new Outcome(true, message);
        }

        static Outcome refused(String message) {
            return new Outcome(false, message);
        }
    }

    /** A manager's status action: LOCKED (reviewed), IN_PROGRESS (reopen) or SUBMITTED (e.g. answers came by e-mail). */
    public Outcome moveTo(String to, OffsetDateTime at) {
        return switch (to == null ? "" : to) {
            case "LOCKED" -> lock(at) ? Outcome.done("Reviewed and locked: nobody can change answers until you reopen it.")
                    : Outcome.refused("The questionnaire is locked already.");
            case "IN_PROGRESS" -> reopen() ? Outcome.done("Reopened: answers can be changed again, also through partner links.")
                    : Outcome.refused("Only a submitted or locked questionnaire can be reopened.");
            case "SUBMITTED" -> {
                String before = status.label.toLowerCase();
                yield markSubmitted(at) ? Outcome.done("Marked as submitted for review.")
                        : Outcome.refused("The questionnaire is " + before + " already.");
            }
            default -> Outcome.refused("Choose what to do with the questionnaire.");
        };
    }

    /** Asks the latest published version of its template from now on; answers are kept by question key. */
    public Outcome upgrade() {
        QuestionnaireTemplateVersion latest = QuestionnaireTemplateVersion.latest(templateVersion.template);
        if (latest.number == templateVersion.number) {
            return Outcome.done("The questionnaire already uses the latest version.");
        }
        if (status.isLocked()) {
            return Outcome.refused("Reopen the questionnaire before pulling in a new version.");
        }
        templateVersion = latest;
        return Outcome.done("Now asking version " + latest.number + " of the template. Answers to questions it keeps were kept.");
    }

    public QuestionnaireDefinition definition() {
        return templateVersion.definition();
    }
}
