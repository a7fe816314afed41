package dev.siteready.testing;

import dev.siteready.partner.PartnerLink;
import dev.siteready.project.Project;
import dev.siteready.project.ScopeService;
import dev.siteready.tenant.TenantContext;
import dev.siteready.tenant.Workspace;
import dev.siteready.testing.SignOffPortal.PhaseLine;
import dev.siteready.testing.SignOffPortal.ScopeLine;
import dev.siteready.web.Dates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** The sign-off page a link opens: the project's scope, test status and open issues, and the sign-off form. */
@ApplicationScoped
class SignOffPortals {

    @Inject
    TenantContext tenant;

    @Inject
    ScopeService scopes;

    SignOffPortal portal(PartnerLink link, TestPlan plan, SignOffForm input, String problem, boolean memberSignedIn) {
        Project project = plan.project();
        String siteZone = project.site.timeZone;
        Workspace workspace = Workspace.findById(tenant.requireWorkspaceId());
        List<ScopeLine> scope = scopes.rows(project).stream().map(r -> new ScopeLine(r.model.name, r.direction.label,
                r.connectionMethod.label, String.join(", ", r.events.stream().map(e -> e.name).sorted().toList()))).toList();
        List<PhaseLine> phases = plan.phases().stream().map(p -> new PhaseLine(p.kind.label, p.status.label, p.status.cssClass(),
                p.actualEnd != null ? "finished " + p.actualEnd : p.actualStart != null ? "since " + p.actualStart
                        : p.plannedStart != null ? "planned " + p.plannedStart : "")).toList();
        long passed = plan.inScope().stream().filter(c -> c.result == TestResult.PASSED).count();
        return new SignOffPortal(workspace.name, project.site.name, project.name, link.label,
                PartnerLink.Purpose.SIGN_OFF.path(project.id), Dates.at(link.expiresAt, siteZone), plan.scopeVersion(), scope,
                plan.workflows().stream().map(w -> w.name + (plan.passed(w) ? " (passed)" : " (not passed yet)")).toList(),
                phases, passed + " of " + plan.inScope().size() + " checklist items passed", plan.openIssues(),
                plan.issues().stream().filter(i -> i.status.open()).map(i -> IssueView.of(i, null, siteZone)).toList(),
                plan.currentSignOff(SignOff.Side.PARTNER).map(s -> SignOffView.of(s, plan.scopeVersion(), siteZone)).orElse(null),
                input, problem, memberSignedIn);
    }
}
