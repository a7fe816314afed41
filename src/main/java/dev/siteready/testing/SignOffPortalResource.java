package dev.siteready.testing;

import dev.siteready.web.Dates;
import dev.siteready.partner.ClientAddress;
import dev.siteready.partner.PartnerCookie;
import dev.siteready.partner.PartnerLink;
import dev.siteready.partner.PartnerLinks;
import dev.siteready.partner.InvalidLinks;
import dev.siteready.project.Project;
import dev.siteready.project.ScopeService;
import dev.siteready.scoping.QuestionnaireViews;
import dev.siteready.tenant.TenantContext;
import dev.siteready.tenant.Workspace;
import dev.siteready.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a partner sees through a sign-off link: the project's scope and test status, and a form to sign off its
 * go-live. The link works like a questionnaire link: its secret is traded for a cookie on this path, and every
 * request checks that the link is still active (expiry and revocation take effect at once).
 */
@Path("/partner/sign-off/{projectId}")
@Produces(MediaType.TEXT_HTML)
public class SignOffPortalResource {

    public record ScopeLine(String model, String direction, String method, String events) {
    }

    public record PhaseLine(String label, String status, String cssClass, String dates) {
    }

    public record Portal(String workspaceName, String siteName, String projectName, String label, String base,
            String expires, String scopeVersion, List<ScopeLine> scope, List<String> workflows, List<PhaseLine> phases,
            String checklist, long openIssues, List<TestingResource.IssueView> issues, TestingResource.SignOffView signed,
            TestingResource.SignInput input, String problem, boolean memberSignedIn) {
        /** How many of the open issues are blocking. */
        public long blocking() {
            return issues.stream().filter(i -> "Blocking".equals(i.severity())).count();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signOff(Portal portal);
    }

    private record Visit(PartnerLink link, Project project) {
    }

    @Inject
    PartnerCookie cookies;

    @Inject
    PartnerLinks links;

    @Inject
    TenantContext tenant;

    @Inject
    ScopeService scopes;

    @Inject
    RoutingContext routing;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @GET
    @Transactional
    public Response show(@RestPath UUID projectId, @CookieParam(PartnerCookie.NAME) String cookie) {
        Optional<Visit> visit = visit(projectId, cookie);
        if (visit.isEmpty()) {
            return invalid(projectId);
        }
        return Response.ok(Templates.signOff(portal(visit.get(), plan(visit.get()), null, null))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response sign(@RestPath UUID projectId, @CookieParam(PartnerCookie.NAME) String cookie, @RestForm String name,
            @RestForm String role, @RestForm String confirm, @RestForm String scopeVersion) {
        Optional<Visit> visit = visit(projectId, cookie);
        if (visit.isEmpty()) {
            return invalid(projectId);
        }
        TestPlan plan = plan(visit.get());
        TestingResource.SignInput input = new TestingResource.SignInput(TestingResource.nz(name).trim(),
                TestingResource.nz(role).trim(), "", "");
        String problem = !identity.isAnonymous() ? "You are signed in to SiteReady in this browser, so you cannot sign for the"
                + " health system here. The health system's contact opens the link in a browser where nobody is signed in;"
                + " the vendor signs on the project's testing page."
                : TestingResource.signProblem(input.name(), input.role(), confirm, scopeVersion, plan.scopeVersion());
        if (problem != null) {
            return Response.status(problem.startsWith("The scope changed") ? 409 : problem.startsWith("You are signed in") ? 403 : 400)
                    .entity(Templates.signOff(portal(visit.get(), plan, input, problem))).build();
        }
        TestingResource.record(plan, SignOff.Side.PARTNER, input.name(), input.role(), visit.get().link());
        String actor = visit.get().link().label + " (sign-off link)";
        TestingActivity.record(plan.project(), actor, "Health system sign-off of go-live by " + input.name() + " ("
                + input.role() + ") for scope version " + plan.scopeVersion() + ".");
        links.log(visit.get().link(), ClientAddress.network(routing), "Signed off go-live for scope version " + plan.scopeVersion());
        return Flash.seeOther(PartnerLink.Purpose.SIGN_OFF.path(projectId), "Thank you: your sign-off was recorded.");
    }

    private TestPlan plan(Visit visit) {
        return TestPlan.load(tenant.requireWorkspaceId(), visit.project());
    }

    /** The visit a cookie stands for, if it is valid for this project and its sign-off link is still active. */
    private Optional<Visit> visit(UUID projectId, String cookie) {
        return links.activeProjectLink(projectId, cookie, PartnerLink.Purpose.SIGN_OFF).map(link -> new Visit(link, link.project));
    }

    private Portal portal(Visit visit, TestPlan plan, TestingResource.SignInput input, String problem) {
        Project project = visit.project();
        Workspace workspace = Workspace.findById(tenant.requireWorkspaceId());
        List<ScopeLine> scope = scopes.rows(project).stream().map(r -> new ScopeLine(r.model.name, r.direction.label,
                r.connectionMethod.label, String.join(", ", r.events.stream().map(e -> e.name).sorted().toList()))).toList();
        List<PhaseLine> phases = plan.phases().stream().map(p -> new PhaseLine(p.kind.label, p.status.label, p.status.cssClass(),
                p.actualEnd != null ? "finished " + p.actualEnd : p.actualStart != null ? "since " + p.actualStart
                        : p.plannedStart != null ? "planned " + p.plannedStart : "")).toList();
        long passed = plan.inScope().stream().filter(c -> c.result == TestResult.PASSED).count();
        TestingResource.SignOffView signed = plan.currentSignOff(SignOff.Side.PARTNER).map(s -> new TestingResource.SignOffView(
                s.side.label, s.name, s.role, Dates.utc(s.signedAt), s.scopeVersion, true, "")).orElse(null);
        return new Portal(workspace.name, project.site.name, project.name, visit.link().label,
                PartnerLink.Purpose.SIGN_OFF.path(project.id), Dates.utc(visit.link().expiresAt), plan.scopeVersion(),
                scope, plan.workflows().stream().map(w -> w.name + (plan.passed(w) ? " (passed)" : " (not passed yet)")).toList(),
                phases, passed + " of " + plan.inScope().size() + " checklist items passed", plan.openIssues(),
                plan.issues().stream().filter(i -> i.status.open()).map(i -> TestingResource.issueView(i, null)).toList(), signed,
                input != null ? input : new TestingResource.SignInput("", "", "", ""), problem, !identity.isAnonymous());
    }

    private Response invalid(UUID projectId) {
        return InvalidLinks.clearing(cookies.clear(PartnerLink.Purpose.SIGN_OFF.path(projectId)));
    }
}
