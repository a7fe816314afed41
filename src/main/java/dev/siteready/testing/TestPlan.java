package dev.siteready.testing;

import dev.siteready.project.Project;
import dev.siteready.project.Workflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything about a project's testing, read in a fixed number of queries whatever its size: phases, the
 * functional checklist (brought in line with the scope first), workflows with their scripts and runs, issues,
 * sign-offs and the current scope version; and the gates that follow from them.
 */
record TestPlan(Project project, List<TestPhase> phases, List<ChecklistItem> checklist, List<Workflow> workflows,
        List<TestScript> scripts, List<TestRun> runs, List<TestIssue> issues, List<SignOff> signOffs, String scopeVersion) {

    /** Loads the plan; the project must have been found in the current workspace. */
    public static TestPlan load(UUID workspaceId, Project project) {
        Checklist.sync(workspaceId, project);
        // Plain SQL for most lists (no per-call translation, docs/performance.md), in this order: each list's
        // references (a script's workflow, a run's script, an issue's run) are then found in the session.
        List<TestPhase> phases = TestPhase.listFor(project);
        List<ChecklistItem> checklist = ChecklistItem.listFor(project);
        List<Workflow> workflows = Workflow.listFor(project);
        List<TestScript> scripts = TestScript.listFor(project);
        List<TestRun> runs = TestRun.listFor(project);
        List<TestIssue> issues = TestIssue.listFor(project);
        return new TestPlan(project, phases, checklist, workflows, scripts, runs, issues, SignOff.listFor(project),
                ScopeVersion.of(workspaceId, project.id));
    }

    /**
     * Holds a transaction-scoped lock for numbering rows (run 1, 2, ... of a script; issue #1, #2, ... of a project),
     * shared by every app node through PostgreSQL, without locking the parent row against other writers.
     */
    static void lockNumbering(String what, UUID parent) {
        io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", what + ":" + parent).getSingleResult();
    }

    public TestPhase phase(TestPhase.Kind kind) {
        return phases.stream().filter(p -> p.kind == kind).findFirst().orElseThrow();
    }

    public List<ChecklistItem> inScope() {
        return checklist.stream().filter(c -> c.inScope).toList();
    }

    public List<ChecklistItem> outOfScope() {
        return checklist.stream().filter(c -> !c.inScope).toList();
    }

    /** The latest run of each script (runs are listed newest first). */
    public Map<UUID, TestRun> latestRuns() {
        Map<UUID, TestRun> latest = new LinkedHashMap<>();
        runs.forEach(r -> latest.putIfAbsent(r.script.id, r));
        return latest;
    }

    public List<TestScript> scriptsOf(Workflow workflow) {
        return scripts.stream().filter(s -> s.workflow != null && s.workflow.id.equals(workflow.id)).toList();
    }

    /**
     * A workflow passed when it has at least one script and the latest run of each of its scripts passed
     * (a later failing run takes a pass back).
     */
    public boolean passed(Workflow workflow) {
        List<TestScript> own = scriptsOf(workflow);
        Map<UUID, TestRun> latest = latestRuns();
        return !own.isEmpty() && own.stream().allMatch(s -> Optional.ofNullable(latest.get(s.id))
                .map(r -> r.status == TestRun.Status.PASSED).orElse(false));
    }

    /** The sign-off of that side for the current scope version, if any. */
    public Optional<SignOff> currentSignOff(SignOff.Side side) {
        return signOffs.stream().filter(s -> s.side == side && s.scopeVersion.equals(scopeVersion))
                .max(Comparator.comparing(s -> s.signedAt));
    }

    public long openIssues() {
        return issues.stream().filter(i -> i.status.open()).count();
    }

    public PhaseGates gates() {
        Map<TestPhase.Kind, TestPhase.Status> statuses = new EnumMap<>(TestPhase.Kind.class);
        phases.forEach(p -> statuses.put(p.kind, p.status));
        List<ChecklistItem> items = inScope();
        List<String> without = new ArrayList<>();
        workflows.stream().filter(w -> !passed(w)).forEach(w -> without.add(w.name));
        return new PhaseGates(statuses, items.size(), (int) items.stream().filter(c -> c.result == TestResult.PASSED).count(),
                workflows.size(), without, (int) issues.stream().filter(TestIssue::blocksPassing).count(),
                currentSignOff(SignOff.Side.VENDOR).isPresent(), currentSignOff(SignOff.Side.PARTNER).isPresent(),
                phase(TestPhase.Kind.PRODUCTION).scheduledAt != null);
    }

}
