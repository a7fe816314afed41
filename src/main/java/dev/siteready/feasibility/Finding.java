package dev.siteready.feasibility;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One conclusion of a rule about one subject of one project: a scope row, a required field, an identifier
 * type, a code system, or the project as a whole. Kept in published snapshots as JSON, so it is read
 * tolerantly: fields added later are ignored by older code and missing ones get defaults.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Finding(String ruleId, Area area, String title, UUID projectId, String projectName, String subjectKey,
        String subject, String outcome, Status status, Severity severity, Effort effort, String explanation,
        List<Source> sources) {

    public Finding {
        subjectKey = subjectKey == null ? "" : subjectKey;
        subject = subject == null ? "" : subject;
        outcome = outcome == null ? "" : outcome;
        status = status == null ? Status.UNKNOWN : status;
        severity = severity == null ? Severity.NONE : severity;
        effort = effort == null ? Effort.NONE : effort;
        explanation = explanation == null ? "" : explanation;
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** What the finding is about, in a way that survives re-evaluation: compared across snapshots. */
    @JsonIgnore
    public String key() {
        return projectId + "|" + ruleId + "|" + subjectKey;
    }

    /** Whether it asks for work, a decision or an answer (everything but met). */
    @JsonIgnore
    public boolean isOpen() {
        return status != Status.MET;
    }

    /** Where a finding came from: a question of the questionnaire or a part of the scope, with its page. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String kind, String label, String href) {
    }

    public enum Status {
        MET("Met"), WORK("Work needed"), WARNING("Warning"), BLOCKED("Not possible"), UNKNOWN("Unknown");

        public final String label;

        Status(String label) {
            this.label = label;
        }

        public String cssClass() {
            return "finding-" + name().toLowerCase(Locale.ROOT);
        }
    }

    /** How much a finding weighs in the verdict; see {@link Verdict#of}. */
    public enum Severity {
        NONE("—"), LOW("Low"), MEDIUM("Medium"), HIGH("High");

        public final String label;

        Severity(String label) {
            this.label = label;
        }
    }

    /** The work a finding asks for: small (days), medium (weeks), large (months). */
    public enum Effort {
        NONE("—"), S("S"), M("M"), L("L");

        public final String label;

        Effort(String label) {
            this.label = label;
        }
    }

    /** The part of the integration a rule looks at; findings are grouped by it. */
    public enum Area {
        SCOPE("Scope and questionnaire"), CONNECTION("Connection"), DATA("Data requirements"),
        PATIENT("Patient identity"), VISIT("Visits and encounters"), PROVIDER("Providers"), CODES("Coded values"),
        VOLUME("Volume"), OPEN("Open questions");

        public final String label;

        Area(String label) {
            this.label = label;
        }

        public String anchor() {
            return "area-" + name().toLowerCase(Locale.ROOT);
        }
    }
}
