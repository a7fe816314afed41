package dev.siteready.testing;

import dev.siteready.account.MemberSessions;
import dev.siteready.partner.PartnerLink;
import dev.siteready.partner.PartnerLinks;
import dev.siteready.partner.ProjectLinkForm;
import dev.siteready.partner.ProjectLinkView;
import dev.siteready.profiling.SeenInSamples;
import dev.siteready.project.Project;
import dev.siteready.tenant.TenantContext;
import dev.siteready.testing.TestingPage.ActivityView;
import dev.siteready.testing.TestingPage.ScriptView;
import dev.siteready.testing.TestingPage.WorkflowView;
import dev.siteready.web.Dates;
import dev.siteready.web.Option;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The testing page of a project, for every resource that shows it (also with a refused form's input and problem),
 * and its printable version: read from the plan in a fixed number of queries whatever the project's size.
 */
@ApplicationScoped
class TestingPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance testing(TestingPage page);

        static native TemplateInstance testing$checklistRow(ChecklistItemView item);

        static native TemplateInstance print(TestingPage page);
    }

    @Inject
    TenantContext tenant;

    @Inject
    Clock clock;

    @Inject
    SecurityIdentity identity;

    TemplateInstance testing(TestPlan plan, RefusedInput refused) {
        return Templates.testing(page(plan, refused, null));
    }

    /** The page right after a sign-off link was made: its address is shown this once. */
    TemplateInstance withNewLink(TestPlan plan, PartnerLinks.Created created) {
        return Templates.testing(page(plan, RefusedInput.NONE, created));
    }

    TemplateInstance print(TestPlan plan) {
        return Templates.print(page(plan, RefusedInput.NONE, null));
    }

    /** A checklist item's row alone, for htmx: as saved (flushed first, for its new version), or as typed with its problem. */
    TemplateInstance checklistRow(TestPlan plan, ChecklistItem item, ChecklistResultForm typed, String problem) {
        ChecklistItem.flush();
        return Templates.testing$checklistRow(ChecklistItemView.of(item, typed, problem, seen(plan.project()),
                plan.project().site.timeZone));
    }

    TestingPage page(TestPlan plan, RefusedInput refused, PartnerLinks.Created created) {
        Project project = plan.project();
        String siteZone = project.site.timeZone;
        ZoneId zone = Dates.zone(siteZone);
        PhaseGates gates = plan.gates();
        List<PhaseView> phases = plan.phases().stream().map(p -> p.kind == refused.phaseKind()
                ? PhaseView.of(p, gates, zone, refused.phase(), refused.problem()) : PhaseView.of(p, gates, zone, null, null)).toList();
        Map<String, String> seen = plan.checklist().isEmpty() ? Map.of() : seen(project);
        List<ChecklistItemView> items = plan.inScope().stream().map(c -> c.id.equals(refused.itemId())
                ? ChecklistItemView.of(c, refused.item(), refused.problem(), seen, siteZone)
                : ChecklistItemView.of(c, null, null, seen, siteZone)).toList();
        List<ChecklistItemView> gone = plan.outOfScope().stream().map(c -> ChecklistItemView.of(c, null, null, seen, siteZone)).toList();
        long passed = plan.inScope().stream().filter(c -> c.result == TestResult.PASSED).count();
        Function<TestScript, ScriptView> scriptView = scriptViews(plan);
        List<WorkflowView> workflows = plan.workflows().stream().map(w -> new WorkflowView(w.id, w.name, plan.passed(w),
                plan.scriptsOf(w).stream().map(scriptView).toList())).toList();
        NewScriptForm script = refused.script() != null ? refused.script() : NewScriptForm.EMPTY;
        IssueView.IssueEdit edit = refused.issue() == null ? null : new IssueView.IssueEdit(refused.issueId(), refused.issue(),
                refused.problem());
        String memberName = identity.getAttribute(MemberSessions.NAME_ATTRIBUTE);
        return new TestingPage(project.site.id, project.site.name, project.id, project.name, TestingPaths.testing(project),
                siteZone, Timeline.of(plan.phases(), LocalDate.now(clock.withZone(zone))), phases, items, gone,
                passed + " of " + items.size() + " passed", workflows,
                plan.scripts().stream().filter(s -> s.workflow == null).map(scriptView).toList(),
                plan.workflows().stream().map(w -> new Option(w.id.toString(), w.name, w.id.toString().equals(script.workflow()))).toList(),
                TestScriptTemplate.listByName().stream().map(t -> new Option(t.id.toString(), t.name,
                        t.id.toString().equals(script.template()))).toList(),
                script, refused.scriptProblem(),
                plan.issues().stream().map(i -> IssueView.of(i, edit, siteZone)).toList(), plan.openIssues(), plan.scopeVersion(),
                plan.currentSignOff(SignOff.Side.VENDOR).map(s -> SignOffView.of(s, plan.scopeVersion(), siteZone)).orElse(null),
                plan.currentSignOff(SignOff.Side.PARTNER).map(s -> SignOffView.of(s, plan.scopeVersion(), siteZone)).orElse(null),
                plan.signOffs().stream().map(s -> SignOffView.of(s, plan.scopeVersion(), siteZone)).toList(),
                ProjectLinkView.of(project, PartnerLink.Purpose.SIGN_OFF),
                refused.signOff() != null ? refused.signOff() : SignOffForm.empty(memberName == null ? "" : memberName),
                refused.link() != null ? refused.link() : ProjectLinkForm.EMPTY, refused.signProblem(),
                created == null ? null : created.url(), created == null ? null : created.link().label,
                TestingActivity.recentFor(project, 50).stream()
                        .map(a -> new ActivityView(Dates.at(a.at, siteZone), a.actor, a.summary)).toList());
    }

    /** Each script with its latest run. */
    private static Function<TestScript, ScriptView> scriptViews(TestPlan plan) {
        Map<UUID, TestRun> latest = plan.latestRuns();
        return s -> {
            TestRun r = latest.get(s.id);
            return new ScriptView(s.id, s.name, s.steps.size(), r == null ? "Not run yet" : "Run " + r.number + ": "
                    + r.status.label.toLowerCase(), r == null ? "run-none" : r.status.cssClass(), r == null ? null : r.id);
        };
    }

    /** Which events the project's sample messages contained (evidence shown beside the checklist, never a pass). */
    private Map<String, String> seen(Project project) {
        return SeenInSamples.of(tenant.requireWorkspaceId(), project);
    }
}
