package dev.siteready.testing;

import dev.siteready.partner.ProjectLinkForm;
import dev.siteready.partner.ProjectLinkView;
import dev.siteready.web.Option;

import java.util.List;
import java.util.UUID;

/** Everything the testing page (and its printable version and CSV) shows. */
record TestingPage(UUID siteId, String siteName, UUID projectId, String projectName, String base, String timeZone,
        Timeline timeline, List<PhaseView> phases, List<ChecklistItemView> checklist, List<ChecklistItemView> outOfScope,
        String checklistSummary, List<WorkflowView> workflows, List<ScriptView> orphanScripts, List<Option> workflowOptions,
        List<Option> templates, NewScriptForm scriptForm, String scriptProblem, List<IssueView> issues, long openIssues,
        String scopeVersion, SignOffView vendorSignOff, SignOffView partnerSignOff, List<SignOffView> signOffs,
        List<ProjectLinkView> links, SignOffForm signOffForm, ProjectLinkForm linkForm, String signProblem, String newUrl,
        String newLabel, List<ActivityView> activity) {

    public String signOffLinksPath() {
        return base + "/sign-off-links";
    }

    public record ScriptView(UUID id, String name, int steps, String latest, String latestClass, UUID latestRunId) {
    }

    public record WorkflowView(UUID id, String name, boolean passed, List<ScriptView> scripts) {
    }

    public record ActivityView(String at, String actor, String summary) {
    }
}
