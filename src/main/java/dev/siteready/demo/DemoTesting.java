package dev.siteready.demo;

import dev.siteready.project.Project;
import dev.siteready.project.Workflow;
import dev.siteready.site.Site;
import dev.siteready.testing.Checklist;
import dev.siteready.testing.ChecklistItem;
import dev.siteready.testing.ScopeVersion;
import dev.siteready.testing.ScriptStep;
import dev.siteready.testing.SignOff;
import dev.siteready.testing.TestIssue;
import dev.siteready.testing.TestPhase.Kind;
import dev.siteready.testing.TestPhase.Status;
import dev.siteready.testing.TestPhase;
import dev.siteready.testing.TestResult;
import dev.siteready.testing.TestRun;
import dev.siteready.testing.TestRunStep;
import dev.siteready.testing.TestScript;
import dev.siteready.testing.TestScriptTemplate;
import dev.siteready.testing.TestingActivity;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Test phases for the demo sites, relative to today: live sites went through every phase, implementing ones are
 * in integrated testing (one with a blocking issue, one blocked), and some scoping sites have a go-live planned.
 */
@ApplicationScoped
class DemoTesting {

    static final String DEV = "Dev Okafor (demo)";
    static final List<ScriptStep> ORDER_TO_RESULT = List.of(
            new ScriptStep("Place a CBC order for the test patient in the product", "ORM^O01 (Order New) reaches the site's lab system"),
            new ScriptStep("The lab receives the order and files a result for it", "ORU^R01 (Results New) arrives with LOINC codes in OBX-3"),
            new ScriptStep("Open the order in the product", "The result is filed on the order, with units and reference range"),
            new ScriptStep("Cancel a second order in the product", "ORM^O01 with ORC-1 CA reaches the lab; the lab cancels it"));

    static final List<ScriptStep> GENERIC = List.of(
            new ScriptStep("Trigger the workflow's first event at the site (test patient)", "The message reaches the integration platform"),
            new ScriptStep("Check the platform's log for the message", "Transformed without errors; control ID noted"),
            new ScriptStep("Open the record in the product", "The data appears within two minutes, with the right identifiers"));

    void load(UUID workspaceId, LocalDate today) {
        TestScriptTemplate template = new TestScriptTemplate();
        template.name = "Order → result, happy path";
        template.description = "Orders out of the product, results back in.";
        template.steps = ORDER_TO_RESULT;
        template.createdBy = DEV;
        template.persist();
        for (Site site : Site.<Site>listAll()) {
            for (Project project : Project.listFor(site)) {
                Checklist.sync(workspaceId, project);
                plan(workspaceId, site, project, today);
            }
        }
    }

    private void plan(UUID workspaceId, Site site, Project project, LocalDate today) {
        List<TestPhase> phases = TestPhase.listFor(project);
        switch (site.name) {
            case "Riverside Health", "Desert Sun Health", "Bayou General", "Coastal Carolina Health" -> {
                LocalDate live = goLive(site.name, today);
                passChecklist(project, live.minusDays(60));
                passedRun(project, live.minusDays(40), false);
                dates(phases, Kind.FUNCTIONAL, live.minusDays(70), live.minusDays(56), Status.PASSED);
                dates(phases, Kind.INTEGRATED, live.minusDays(55), live.minusDays(30), Status.PASSED);
                dates(phases, Kind.UAT, live.minusDays(28), live.minusDays(14), site.name.startsWith("B") ? Status.SKIPPED : Status.PASSED);
                dates(phases, Kind.PRODUCTION, live.minusDays(6), live.minusDays(6), Status.PASSED);
                phase(phases, Kind.PRODUCTION).scheduledAt = live.minusDays(6).atTime(6, 0).atOffset(ZoneOffset.ofHours(-6));
                dates(phases, Kind.GO_LIVE, live, live, Status.PASSED);
                signOffs(workspaceId, project, live.minusDays(2));
                history(project, live.minusDays(56), "Functional testing: in progress → passed.");
                history(project, live.minusDays(30), "Integrated testing: in progress → passed.");
                history(project, live.minusDays(2), "Vendor and health system signed off go-live.");
                history(project, live, "Go-live: in progress → passed.");
            }
            case "Lakeview Medical Center", "Granite State Hospital", "Heartland Regional Medical" -> {
                passChecklist(project, today.minusDays(20));
                dates(phases, Kind.FUNCTIONAL, today.minusDays(30), today.minusDays(18), Status.PASSED);
                dates(phases, Kind.INTEGRATED, today.minusDays(17), today.plusDays(10), Status.IN_PROGRESS);
                phase(phases, Kind.INTEGRATED).actualEnd = null;
                phase(phases, Kind.INTEGRATED).owner = DEV;
                plannedOnly(phases, Kind.PRODUCTION, today.plusDays(24), today.plusDays(24));
                plannedOnly(phases, Kind.GO_LIVE, goLive(site.name, today), null);
                passedRun(project, today.minusDays(5), site.name.startsWith("Lakeview"));
                history(project, today.minusDays(18), "Functional testing: in progress → passed.");
                history(project, today.minusDays(17), "Integrated testing: not started → in progress.");
                if (site.name.startsWith("Lakeview")) {
                    history(project, today.minusDays(5), "Issue #1 logged (blocking, health system): Results arrive with local codes instead of LOINC");
                }
            }
            case "Harbor Children's Hospital" -> {
                dates(phases, Kind.FUNCTIONAL, today.minusDays(12), null, Status.BLOCKED);
                phase(phases, Kind.FUNCTIONAL).notes = "The site's VPN tunnel to the integration platform is down; their network team has the ticket.";
                plannedOnly(phases, Kind.GO_LIVE, goLive(site.name, today), null);
                history(project, today.minusDays(2), "Functional testing: in progress → blocked (VPN tunnel down).");
            }
            case "Cascade Health Partners", "Capital City Hospital" -> {
                plannedOnly(phases, Kind.FUNCTIONAL, today.plusDays(7), today.plusDays(21));
                plannedOnly(phases, Kind.GO_LIVE, goLive(site.name, today), null);
            }
            default -> {
            }
        }
    }

    /**
     * The go-live date of the demo site's test plan (the actual one for the sites already live), or null for a site
     * whose plan has none: also the date the demo partner answers in the questionnaire.
     */
    static LocalDate goLive(String site, LocalDate today) {
        return switch (site) {
            case "Riverside Health", "Desert Sun Health", "Bayou General", "Coastal Carolina Health" ->
                    today.minusDays(30 + site.length());
            case "Lakeview Medical Center" -> weekday(today.plusWeeks(3));
            case "Granite State Hospital" -> weekday(today.plusWeeks(5));
            case "Heartland Regional Medical" -> weekday(today.plusWeeks(7));
            case "Harbor Children's Hospital" -> weekday(today.plusDays(45));
            case "Cascade Health Partners", "Capital City Hospital" -> weekday(today.plusDays(60 + site.length()));
            default -> null;
        };
    }

    /** The date, moved to the next Tuesday: go-lives avoid weekends, Mondays and holidays like 25 December. */
    private static LocalDate weekday(LocalDate date) {
        LocalDate d = date.with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.TUESDAY));
        return d.getMonthValue() == 12 && d.getDayOfMonth() >= 24 ? d.plusWeeks(2) : d;
    }

    private static void history(Project project, LocalDate on, String summary) {
        TestingActivity a = new TestingActivity();
        a.project = project;
        a.actor = DEV;
        a.summary = summary;
        a.at = on.atTime(14, 0).atOffset(ZoneOffset.UTC);
        a.persist();
    }

    private static TestPhase phase(List<TestPhase> phases, Kind kind) {
        return phases.stream().filter(p -> p.kind == kind).findFirst().orElseThrow();
    }

    private static void dates(List<TestPhase> phases, Kind kind, LocalDate start, LocalDate end, Status status) {
        phase(phases, kind).recordAsItWent(status, start, end);
    }

    private static void plannedOnly(List<TestPhase> phases, Kind kind, LocalDate start, LocalDate end) {
        TestPhase p = phase(phases, kind);
        p.plannedStart = start;
        p.plannedEnd = end;
    }

    private static void passChecklist(Project project, LocalDate on) {
        int n = 1000;
        for (ChecklistItem item : ChecklistItem.listFor(project)) {
            n++;
            item.record(TestResult.PASSED, "MSG" + n, "rdx-" + Integer.toHexString(project.name.hashCode() & 0xffff) + "-" + n,
                    item.note, DEV, on.atTime(10, 0).atOffset(ZoneOffset.UTC));
        }
    }

    /** A script for the project's first workflow with one run: passed, or (withIssue) in progress with a failed step and a blocking issue. */
    private static void passedRun(Project project, LocalDate on, boolean withIssue) {
        Workflow workflow = Workflow.<Workflow>find("project = ?1 order by position", project).firstResult();
        if (workflow == null) {
            return;
        }
        TestScript script = new TestScript();
        script.project = project;
        script.workflow = workflow;
        boolean orders = workflow.name.startsWith("Order");
        script.name = orders ? "Order → result, happy path" : workflow.name.replaceAll(" →.*", "") + ", happy path";
        script.steps = orders ? ORDER_TO_RESULT : GENERIC;
        script.persist();
        TestRun run = new TestRun();
        run.project = project;
        run.script = script;
        run.number = 1;
        run.startedBy = DEV;
        run.startedAt = on.atTime(9, 0).atOffset(ZoneOffset.UTC);
        if (!withIssue) {
            run.finish(TestRun.Status.PASSED, DEV, on.atTime(15, 0).atOffset(ZoneOffset.UTC));
        }
        run.persist();
        TestRunStep failed = steps(script, run, withIssue);
        if (withIssue) {
            blockingIssue(project, run, failed);
        }
    }

    /** The run's steps, all passed, or (withIssue) the second failed and the rest not run; returns the failed one. */
    private static TestRunStep steps(TestScript script, TestRun run, boolean withIssue) {
        TestRunStep failed = null;
        for (int i = 0; i < script.steps.size(); i++) {
            TestRunStep step = new TestRunStep();
            step.run = run;
            step.position = i;
            step.action = script.steps.get(i).action();
            step.expected = script.steps.get(i).expected();
            boolean fails = withIssue && i == 1;
            if (!withIssue || i <= 1) { // with the issue, the steps after the failed one were not run
                step.record(fails ? TestResult.FAILED : TestResult.PASSED, fails
                        ? "OBX-3 carries the lab's local code 'CBC-HGB'; no LOINC. Control ID MSG2207." : "", DEV,
                        run.startedAt.plusMinutes(20L * (i + 1)));
            }
            step.persist();
            if (fails) {
                failed = step;
            }
        }
        return failed;
    }

    private static void blockingIssue(Project project, TestRun run, TestRunStep failed) {
        TestIssue issue = new TestIssue();
        issue.project = project;
        issue.number = 1;
        issue.run = run;
        issue.step = failed;
        issue.title = "Results arrive with local codes instead of LOINC";
        issue.severity = TestIssue.Severity.BLOCKING;
        issue.side = TestIssue.Side.HEALTH_SYSTEM;
        issue.moveTo(TestIssue.Status.IN_PROGRESS,
                "Site's lab team maps the 40 most frequent local codes to LOINC; re-test on Thursday.", null);
        issue.createdBy = DEV;
        issue.persist();
    }

    private static void signOffs(UUID workspaceId, Project project, LocalDate on) {
        SignOff.flush();
        String version = ScopeVersion.of(workspaceId, project.id);
        for (SignOff.Side side : SignOff.Side.values()) {
            SignOff s = new SignOff();
            s.project = project;
            s.side = side;
            s.name = side == SignOff.Side.VENDOR ? "Maya Patel" : project.site.name.startsWith("R") ? "Pat Lee" : "Rosa Diaz";
            s.role = side == SignOff.Side.VENDOR ? "Implementation manager" : "Interface analyst";
            s.scopeVersion = version;
            s.signedAt = on.atTime(16, 0).atOffset(ZoneOffset.UTC);
            s.persist();
        }
        project.site.wentLive();
    }
}
