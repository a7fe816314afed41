package dev.siteready.testing;

import dev.siteready.web.Option;

import java.util.List;
import java.util.UUID;

/** Everything a run's page shows. */
record RunPage(UUID siteId, String siteName, UUID projectId, String projectName, String base, UUID runId,
        int number, UUID scriptId, String scriptName, String workflowName, String status, String statusClass,
        boolean inProgress, String started, String finished, List<StepView> steps, List<IssueView> issues,
        List<Option> severities, List<Option> sides, List<Option> stepOptions, NewIssueForm issueForm, String issueProblem,
        String passBlockedBy) {

    /** A step of the run with its form (as saved, or as typed when refused). */
    public record StepView(UUID id, int number, String action, String expected, String result, String resultLabel,
            String resultClass, String note, String recorded, long version, List<Option> results, String problem) {
    }

    StepView step(UUID id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}
