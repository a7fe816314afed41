package dev.siteready.testing;

import dev.siteready.web.Option;

import java.util.List;
import java.util.UUID;

/** Everything a test script's page shows: its form (as saved, or as typed when refused), its runs, the template form. */
record ScriptPage(UUID siteId, String siteName, UUID projectId, String projectName, String base, UUID scriptId,
        String name, String description, String workflowId, String workflowName, long version, List<Option> workflows,
        List<StepInput> steps, List<RunView> runs, String problem, String templateName, String templateProblem) {

    public record RunView(UUID id, int number, String status, String statusClass, String started, String finished,
            long openIssues) {
    }
}
