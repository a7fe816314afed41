package dev.siteready.testing;

import java.util.List;

/** What the health system's contact sees through a sign-off link. */
record SignOffPortal(String workspaceName, String siteName, String projectName, String label, String base,
        String expires, String scopeVersion, List<ScopeLine> scope, List<String> workflows, List<PhaseLine> phases,
        String checklist, long openIssues, List<IssueView> issues, SignOffView signed, SignOffForm input, String problem,
        boolean memberSignedIn) {

    /** How many of the open issues are blocking. */
    public long blocking() {
        return issues.stream().filter(i -> "Blocking".equals(i.severity())).count();
    }

    public record ScopeLine(String model, String direction, String method, String events) {
    }

    public record PhaseLine(String label, String status, String cssClass, String dates) {
    }
}
