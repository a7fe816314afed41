package dev.siteready.scoping;

/**
 * Where a questionnaire stands: prepared by the manager, sent through a partner link, being answered,
 * submitted by the partner for review, reviewed and locked (no more changes until reopened).
 */
public enum QuestionnaireStatus {
    DRAFT("Draft", "status-planned"),
    SENT("Sent", "status-scoping"),
    IN_PROGRESS("In progress", "status-implementing"),
    SUBMITTED("Submitted", "status-on-hold"),
    LOCKED("Reviewed and locked", "status-live");

    public final String label;
    public final String cssClass;

    QuestionnaireStatus(String label, String cssClass) {
        this.label = label;
        this.cssClass = cssClass;
    }

    public boolean isLocked() {
        return this == LOCKED;
    }
}
