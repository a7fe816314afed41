package dev.siteready.testing;

import dev.siteready.web.Dates;
import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.account.MemberSessions;
import dev.siteready.partner.PartnerLink;
import dev.siteready.partner.PartnerLinks;
import dev.siteready.partner.ProjectLinkView;
import dev.siteready.project.Project;
import dev.siteready.scoping.QuestionnaireViews;
import dev.siteready.site.SiteStatus;
import dev.siteready.profiling.SeenInSamples;
import dev.siteready.tenant.TenantContext;
import dev.siteready.web.Downloads;
import dev.siteready.web.Flash;
import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A project's way to go-live: phases with their gates and timeline, the functional checklist, workflows with
 * their scripts, issues, sign-offs (the partner's through a link) and the testing history; CSV and print exports.
 */
@Path("/sites/{siteId}/projects/{projectId}/testing")
@Produces(MediaType.TEXT_HTML)
public class TestingResource {

    public record Option(String value, String label, boolean selected) {
    }

    /** What was typed into a phase's form. */
    public record PhaseInput(String status, String plannedStart, String plannedEnd, String actualStart, String actualEnd,
            String scheduledAt, String owner, String notes, String overrideReason) {
    }

    public record PhaseView(String slug, String label, boolean optional, String purpose, String status, String statusLabel,
            String cssClass, long version, PhaseInput values, List<Option> statuses, String scheduled, String scheduleWarning,
            String override, String waitingFor, boolean canOverride, String problem, String dates) {
    }

    public record ItemView(UUID id, String action, long version, String model, String event, String direction,
            String result, String resultLabel, String resultClass, String controlId, String logId, String note,
            String recorded, String outOfScopeSince, List<Option> results, String problem, String seenInSamples) {
    }

    public record ScriptView(UUID id, String name, int steps, String latest, String latestClass, UUID latestRunId) {
    }

    public record WorkflowView(UUID id, String name, boolean passed, List<ScriptView> scripts) {
    }

    public record IssueView(UUID id, int number, String title, String severity, String severityClass, String side,
            String status, String statusClass, boolean open, String resolution, String where, UUID runId, String created,
            List<Option> statuses, long version, String typedResolution, String problem) {
    }

    public record SignOffView(String side, String name, String role, String signedAt, String scopeVersion, boolean current,
            String via) {
    }

    public record SignInput(String name, String role, String label, String days) {
    }

    /** What was typed into an issue's update form, and why it was refused. */
    public record IssueEdit(UUID id, String status, String resolution, String problem) {
    }

    /** What was typed into the new-script form. */
    public record ScriptInput(String name, String workflow, String template) {
        static final ScriptInput NONE = new ScriptInput("", "", "");
    }

    /** Input of a refused form, shown again with its problem; NONE when the page is shown plainly. */
    record Typed(SignInput sign, String signProblem, PartnerLinks.Created created, ItemView item, TestPhase.Kind phaseKind,
            PhaseInput phase, String phaseProblem, IssueEdit issue, ScriptInput script, String scriptProblem) {
        static final Typed NONE = new Typed(null, null, null, null, null, null, null, null, null, null);

        static Typed sign(SignInput input, String problem) {
            return new Typed(input, problem, null, null, null, null, null, null, null, null);
        }

        static Typed created(PartnerLinks.Created created) {
            return new Typed(null, null, created, null, null, null, null, null, null, null);
        }

        static Typed item(ItemView item) {
            return new Typed(null, null, null, item, null, null, null, null, null, null);
        }

        static Typed phase(TestPhase.Kind kind, PhaseInput input, String problem) {
            return new Typed(null, null, null, null, kind, input, problem, null, null, null);
        }

        static Typed issue(IssueEdit edit) {
            return new Typed(null, null, null, null, null, null, null, edit, null, null);
        }

        static Typed script(ScriptInput input, String problem) {
            return new Typed(null, null, null, null, null, null, null, null, input, problem);
        }
    }

    public record Page(UUID siteId, String siteName, UUID projectId, String projectName, String base, String timeZone,
            Timeline timeline, List<PhaseView> phases, List<ItemView> checklist, List<ItemView> outOfScope, String checklistSummary,
            List<WorkflowView> workflows, List<ScriptView> orphanScripts, List<Option> workflowOptions, List<Option> templates,
            ScriptInput scriptInput, String scriptProblem,
            List<IssueView> issues, long openIssues, String scopeVersion, SignOffView vendorSignOff, SignOffView partnerSignOff,
            List<SignOffView> signOffs, List<ProjectLinkView> links, SignInput signInput, String signProblem, String newUrl,
            String newLabel, List<TestingActivityView> activity) {
        public String signOffLinksPath() {
            return base + "/sign-off-links";
        }
    }

    public record TestingActivityView(String at, String actor, String summary) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance testing(Page page);

        static native TemplateInstance testing$checklistRow(ItemView item);

        static native TemplateInstance print(Page page);
    }

    /**
     * A message pasted as evidence, also with its line breaks lost (one-line fields drop them): an HL7 v2 header
     * (MSH with its encoding characters), a segment followed by fields (two more "|" soon after its name), or a
     * FHIR resource as JSON or XML. "OBX|5 was empty" or "PID-3 has MR" are notes, not messages.
     */
    static final Pattern PAYLOAD = Pattern.compile("MSH\\|\\^~|(?<![A-Za-z0-9])(?:MSH|EVN|PID|PD1|NK1|PV1|PV2|MRG|ORC|OBR|OBX"
            + "|NTE|DG1|AL1|IN1|GT1|SCH|AIS|TXA|RXA|RXR|SPM)\\|(?:[^|\\r\\n]{0,200}\\|){2}|\"resourceType\"\\s*:"
            + "|xmlns\\s*=\\s*[\"']http://hl7\\.org/fhir");

    /** SiteReady keeps references to messages only, never their content (which carries patient data). */
    static boolean looksLikeMessage(String... values) {
        for (String v : values) {
            if (v != null && PAYLOAD.matcher(v).find()) {
                return true;
            }
        }
        return false;
    }

    @Inject
    TenantContext tenant;

    @Inject
    SecurityIdentity identity;

    @Inject
    PartnerLinks partnerLinks;

    @GET
    @Transactional
    public TemplateInstance show(@RestPath UUID siteId, @RestPath UUID projectId) {
        return Templates.testing(page(plan(siteId, projectId), Typed.NONE));
    }

    @GET
    @Path("print")
    @Transactional
    public TemplateInstance print(@RestPath UUID siteId, @RestPath UUID projectId) {
        return Templates.print(page(plan(siteId, projectId), Typed.NONE));
    }

    @POST
    @Path("phases/{kind}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response updatePhase(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath String kind,
            @RestForm String status, @RestForm String plannedStart, @RestForm String plannedEnd, @RestForm String actualStart,
            @RestForm String actualEnd, @RestForm String scheduledAt, @RestForm String owner, @RestForm String notes,
            @RestForm String overrideReason, @RestForm Long version) {
        TestPlan plan = plan(siteId, projectId);
        TestPhase.Kind k = TestPhase.Kind.fromSlug(kind);
        if (k == null) {
            throw new NotFoundException();
        }
        TestPhase phase = plan.phase(k);
        PhaseInput input = new PhaseInput(nz(status), nz(plannedStart).trim(), nz(plannedEnd).trim(), nz(actualStart).trim(),
                nz(actualEnd).trim(), nz(scheduledAt).trim(), nz(owner).trim(), nz(notes), nz(overrideReason).trim());
        ZoneId zone = ZoneId.of(plan.project().site.timeZone);
        TestPhase.Status target = TestPhase.Status.parse(input.status());
        String problem = phaseProblem(input, target, zone);
        LocalDate[] dates = problem == null ? dates(input) : null;
        if (problem == null && dates[1] != null && dates[0] != null && dates[1].isBefore(dates[0])) {
            problem = "The planned end cannot be before the planned start.";
        }
        if (problem == null && dates[3] != null && dates[2] != null && dates[3].isBefore(dates[2])) {
            problem = "The actual end cannot be before the actual start.";
        }
        if (problem != null) {
            return phaseRefused(plan, k, input, problem, 400);
        }
        if (version == null || !version.equals(phase.version)) {
            return phaseRefused(plan, k, input, "Someone else changed this phase while you were editing. Your input is"
                    + " shown; save again to keep it.", 409);
        }
        boolean scheduling = !Objects.equals(dates[0], phase.plannedStart) || !Objects.equals(dates[1], phase.plannedEnd);
        boolean starting = target == TestPhase.Status.IN_PROGRESS || target == TestPhase.Status.PASSED;
        OffsetDateTime scheduled = k == TestPhase.Kind.PRODUCTION ? ProductionWindow.parse(input.scheduledAt(), zone) : null;
        PhaseGates gates = plan.gates().withProductionScheduled(scheduled != null);
        boolean override = k == TestPhase.Kind.INTEGRATED && target == TestPhase.Status.IN_PROGRESS
                && gates.integratedNeedsOverride() && !input.overrideReason().isEmpty();
        var refusal = gates.refusal(k, target, scheduling && (dates[0] != null || dates[1] != null), override);
        // Gates apply to changes of status (and UAT's dates): editing the notes of a running phase is always possible.
        if (refusal.isPresent() && (target != phase.status || (k == TestPhase.Kind.UAT && scheduling))) {
            return phaseRefused(plan, k, input, refusal.get(), 409);
        }
        String actor = Actors.describe(identity);
        LocalDate today = LocalDate.now(zone);
        TestPhase.Status before = phase.status;
        phase.status = target;
        phase.plannedStart = dates[0];
        phase.plannedEnd = dates[1];
        phase.actualStart = dates[2] == null && (starting || target == TestPhase.Status.BLOCKED) && before == TestPhase.Status.NOT_STARTED
                ? today : dates[2];
        phase.actualEnd = dates[3] == null && (target == TestPhase.Status.PASSED || target == TestPhase.Status.SKIPPED) ? today : dates[3];
        if (target == TestPhase.Status.PASSED && phase.actualStart == null) {
            phase.actualStart = phase.actualEnd;
        }
        if (phase.actualEnd != null && phase.actualStart != null && phase.actualEnd.isBefore(phase.actualStart)) {
            phase.actualStart = phase.actualEnd;
        }
        phase.scheduledAt = scheduled;
        phase.owner = input.owner();
        phase.notes = input.notes();
        phase.updatedAt = OffsetDateTime.now();
        if (k == TestPhase.Kind.INTEGRATED && starting && before != target && !override && phase.overrideReason != null) {
            phase.overrideReason = null; // started the regular way this time; the history keeps the earlier override
            phase.overrideBy = null;
            phase.overrideAt = null;
        }
        if (override && before != target) {
            phase.overrideReason = input.overrideReason();
            phase.overrideBy = actor;
            phase.overrideAt = OffsetDateTime.now();
            TestingActivity.record(plan.project(), actor, "Started integrated testing before functional testing passed"
                    + " (override). Reason: " + input.overrideReason());
        }
        if (before != target) {
            TestingActivity.record(plan.project(), actor, k.label + ": " + before.label.toLowerCase() + " → "
                    + target.label.toLowerCase() + (target == TestPhase.Status.BLOCKED ? " (" + firstLine(input.notes()) + ")" : "") + ".");
        } else {
            TestingActivity.record(plan.project(), actor, k.label + ": details updated.");
        }
        String message = k.label + " saved: " + target.label.toLowerCase() + ".";
        if (k == TestPhase.Kind.GO_LIVE && target == TestPhase.Status.PASSED && before != target) {
            plan.project().site.wentLive();
            message = plan.project().site.name + " is live. The site's status is now Live.";
        } else if (k == TestPhase.Kind.GO_LIVE && before == TestPhase.Status.PASSED && target != before
                && plan.project().site.status == SiteStatus.LIVE && TestPhase.count("kind = ?1 and status = ?2 and project.site = ?3"
                        + " and project <> ?4", TestPhase.Kind.GO_LIVE, TestPhase.Status.PASSED, plan.project().site, plan.project()) == 0) {
            plan.project().site.liveTakenBack(); // no other project of the site is live
            message += " The site's status is Implementing again.";
        }
        String warning = k == TestPhase.Kind.PRODUCTION ? ProductionWindow.warning(phase.scheduledAt, zone) : null;
        return warning == null ? Flash.seeOther(base(plan.project()) + "#phase-" + k.slug(), message)
                : Flash.seeOtherWithError(base(plan.project()) + "#phase-" + k.slug(), message + " Warning: " + warning);
    }

    @POST
    @Path("checklist/{itemId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response recordResult(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID itemId,
            @RestForm String result, @RestForm String controlId, @RestForm String logId, @RestForm String note,
            @RestForm Long version, @RestHeader("HX-Request") boolean htmx) {
        TestPlan plan = plan(siteId, projectId);
        ChecklistItem item = plan.checklist().stream().filter(c -> c.id.equals(itemId)).findFirst()
                .orElseThrow(NotFoundException::new);
        TestResult r = TestResult.parse(result);
        String cid = nz(controlId).trim();
        String lid = nz(logId).trim();
        String text = nz(note).trim();
        String problem = null;
        if (r == null) {
            problem = "Choose a result: not run, passed or failed.";
        } else if (!PlainText.Validator.fits(cid, ChecklistItem.MAX_CONTROL_ID) || !PlainText.Validator.fits(lid, ChecklistItem.MAX_LOG_ID)
                || !PlainText.Validator.fits(text, ChecklistItem.MAX_NOTE)) {
            problem = "Evidence is a reference: a control ID up to " + ChecklistItem.MAX_CONTROL_ID + " characters, a log id up to "
                    + ChecklistItem.MAX_LOG_ID + ", a note up to " + ChecklistItem.MAX_NOTE + ", without control characters.";
        } else if (looksLikeMessage(cid, lid, text)) {
            problem = "That looks like a message. Record a reference only (its control ID, MSH-10, or the platform's log id):"
                    + " SiteReady never keeps message content.";
        } else if (!item.inScope) {
            problem = "This item is out of scope; its results are kept as history and cannot change.";
        } else if (r == TestResult.PASSED && cid.isEmpty() && lid.isEmpty()) {
            problem = "Give the message control ID or the platform's log id as evidence that the message was exchanged.";
        } else if (version == null || !version.equals(item.version)) {
            problem = "Someone else recorded a result for this item meanwhile. Your input is shown; save again to keep it.";
        }
        if (problem != null) {
            int code = problem.startsWith("Someone") ? 409 : 400;
            ItemView view = itemView(item, new String[] { nz(result), cid, lid, text }, problem, seen(plan.project()));
            return htmx ? Response.status(code).entity(Templates.testing$checklistRow(view)).build()
                    : Response.status(code).entity(Templates.testing(page(plan, Typed.item(view)))).build();
        }
        String actor = Actors.describe(identity);
        TestResult before = item.result;
        item.result = r;
        item.controlId = cid;
        item.logId = lid;
        item.note = text;
        item.recordedBy = actor;
        item.recordedAt = OffsetDateTime.now();
        String what = item.event.model.name + " · " + item.event.name + " (" + item.direction.label.toLowerCase() + ")";
        TestingActivity.record(plan.project(), actor, "Checklist: " + what + " " + before.label.toLowerCase() + " → "
                + r.label.toLowerCase() + (cid.isEmpty() ? "" : ", control ID " + cid) + ".");
        if (htmx) {
            ChecklistItem.flush();
            return Response.ok(Templates.testing$checklistRow(itemView(item, null, null, seen(plan.project())))).build();
        }
        return Flash.seeOther(base(plan.project()) + "#item-" + item.id, what + ": " + r.label.toLowerCase() + ".");
    }

    @POST
    @Path("sign-offs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response signOff(@RestPath UUID siteId, @RestPath UUID projectId, @RestForm String name, @RestForm String role,
            @RestForm String confirm, @RestForm String scopeVersion) {
        TestPlan plan = plan(siteId, projectId);
        SignInput input = new SignInput(nz(name).trim(), nz(role).trim(), "", String.valueOf(PartnerLink.DEFAULT_DAYS));
        String problem = signProblem(input.name(), input.role(), confirm, scopeVersion, plan.scopeVersion());
        if (problem != null) {
            return Response.status(problem.startsWith("The scope changed") ? 409 : 400)
                    .entity(Templates.testing(page(plan, Typed.sign(input, problem)))).build();
        }
        record(plan, SignOff.Side.VENDOR, input.name(), input.role(), null);
        TestingActivity.record(plan.project(), Actors.describe(identity), "Vendor sign-off of go-live by " + input.name()
                + " (" + input.role() + ") for scope version " + plan.scopeVersion() + ".");
        return Flash.seeOther(base(plan.project()) + "#sign-off", "Signed off for the vendor side (scope version "
                + plan.scopeVersion() + ").");
    }

    @POST
    @Path("sign-off-links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response createLink(@RestPath UUID siteId, @RestPath UUID projectId, @RestForm String label, @RestForm String days,
            @Context UriInfo uri) {
        TestPlan plan = plan(siteId, projectId);
        SignInput input = new SignInput("", "", nz(label).trim(), nz(days).trim());
        String problem = PartnerLinks.problem(input.label(), input.days());
        if (problem != null) {
            return Response.status(400).entity(Templates.testing(page(plan, Typed.sign(input, problem)))).build();
        }
        PartnerLinks.Created created = partnerLinks.createSignOff(plan.project(), input.label(), Integer.parseInt(input.days()),
                Actors.describe(identity), uri.getBaseUri().toString());
        PartnerLink.flush();
        TestingActivity.record(plan.project(), Actors.describe(identity), "Sign-off link created for " + input.label() + ".");
        return Response.ok(Templates.testing(page(plan, Typed.created(created)))).build();
    }

    @POST
    @Path("sign-off-links/{linkId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response revokeLink(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID linkId) {
        Project project = Project.require(siteId, projectId);
        PartnerLink link = partnerLinks.revoke(project, linkId, PartnerLink.Purpose.SIGN_OFF);
        TestingActivity.record(project, Actors.describe(identity), "Sign-off link for " + link.label + " revoked.");
        return Flash.seeOther(base(project) + "#sign-off", "The sign-off link for " + link.label + " was revoked.");
    }

    @POST
    @Path("issues/{issueId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response updateIssue(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID issueId,
            @RestForm String status, @RestForm String resolution, @RestForm String back, @RestForm Long version) {
        Project project = Project.require(siteId, projectId);
        TestIssue issue = TestIssue.findIn(project, issueId);
        if (issue == null) {
            throw new NotFoundException();
        }
        if (issue.run != null) {
            TestRun.getEntityManager().refresh(issue.run, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE); // not while its run is being passed
        }
        boolean fromRun = issue.run != null && "run".equals(back);
        String target = fromRun ? base(project) + "/runs/" + issue.run.id : base(project);
        TestIssue.Status s = Arrays.stream(TestIssue.Status.values()).filter(v -> v.name().equals(status)).findFirst().orElse(null);
        String text = nz(resolution).trim();
        String problem = s == null ? "Choose the issue's status."
                : !PlainText.Validator.fits(text, TestIssue.MAX_RESOLUTION) ? "The path to resolution is plain text of up to "
                        + TestIssue.MAX_RESOLUTION + " characters."
                : looksLikeMessage(text) ? "That looks like a message. Describe the fix and name messages by their control ID:"
                        + " SiteReady never keeps message content."
                : version == null || !version.equals(issue.version) ? "Someone else changed issue #" + issue.number
                        + " meanwhile (it is now " + issue.status.label.toLowerCase() + "). Your input is shown; save again to keep it."
                : !s.open() && text.isEmpty() ? "Say how issue #" + issue.number + " was resolved (or why it will not be fixed)"
                        + " before closing it."
                : null;
        if (problem != null) {
            IssueEdit edit = new IssueEdit(issue.id, nz(status), nz(resolution), problem);
            int code = problem.startsWith("Someone") ? 409 : 400;
            return Response.status(code).entity(fromRun
                    ? TestRunResource.Templates.run(TestRunResource.page(issue.run, null, null, null, edit))
                    : Templates.testing(page(plan(siteId, projectId), Typed.issue(edit)))).build();
        }
        TestIssue.Status before = issue.status;
        issue.status = s;
        issue.resolution = text;
        issue.resolvedAt = s.open() ? null : issue.resolvedAt != null ? issue.resolvedAt : OffsetDateTime.now();
        TestingActivity.record(project, Actors.describe(identity), "Issue #" + issue.number + " " + before.label.toLowerCase()
                + " → " + s.label.toLowerCase() + ".");
        return Flash.seeOther(target + "#issue-" + issue.number, "Issue #" + issue.number + " is " + s.label.toLowerCase() + ".");
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @Transactional
    public Response export(@RestPath UUID siteId, @RestPath UUID projectId) throws IOException {
        TestPlan plan = plan(siteId, projectId);
        Page page = page(plan, Typed.NONE);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("Section", "Item", "Status", "Details", "Evidence or resolution", "Recorded").get())) {
            for (PhaseView p : page.phases()) {
                csv.printRecord("Phase", p.label(), p.statusLabel(), p.dates(), cell(p.values().notes()), cell(p.values().owner()));
            }
            for (ItemView i : page.checklist()) {
                csv.printRecord("Functional checklist", cell(i.model() + " · " + i.event() + " · " + i.direction()), i.resultLabel(),
                        "", cell(evidence(i)), cell(i.recorded()));
            }
            for (ItemView i : page.outOfScope()) {
                csv.printRecord("Functional checklist (out of scope)", cell(i.model() + " · " + i.event() + " · " + i.direction()),
                        i.resultLabel(), "Out of scope since " + i.outOfScopeSince(), cell(evidence(i)), cell(i.recorded()));
            }
            for (WorkflowView w : page.workflows()) {
                csv.printRecord("Workflow", cell(w.name()), w.passed() ? "Passed" : "Not passed", w.scripts().size() + " scripts", "", "");
                for (ScriptView s : w.scripts()) {
                    csv.printRecord("Test script", cell(s.name()), s.latest(), s.steps() + " steps", "", "");
                }
            }
            for (IssueView i : page.issues()) {
                csv.printRecord("Issue", cell("#" + i.number() + " " + i.title()), i.status(), i.severity() + " · " + i.side()
                        + (i.where().isEmpty() ? "" : " · " + cell(i.where())), cell(i.resolution()), cell(i.created()));
            }
            for (SignOffView s : page.signOffs()) {
                csv.printRecord("Sign-off", s.side(), s.current() ? "Current" : "For an earlier scope",
                        cell(s.name() + " (" + s.role() + ")"), "Scope version " + s.scopeVersion(), s.signedAt());
            }
        }
        return Downloads.attachment(out.toString(), "text/csv; charset=UTF-8", "test-plan-" + plan.project().site.name
                + "-" + plan.project().name, "csv");
    }

    // ---- shared with the other testing resources -----------------------------------------------------------------

    static String base(Project project) {
        return "/sites/" + project.site.id + "/projects/" + project.id + "/testing";
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The project's plan, only if the project belongs to that site and this workspace; otherwise 404. */
    TestPlan plan(UUID siteId, UUID projectId) {
        Project project = Project.require(siteId, projectId);
        return TestPlan.load(tenant.requireWorkspaceId(), project);
    }

    static void record(TestPlan plan, SignOff.Side side, String name, String role, PartnerLink link) {
        SignOff s = new SignOff();
        s.project = plan.project();
        s.side = side;
        s.name = name;
        s.role = role;
        s.scopeVersion = plan.scopeVersion();
        s.link = link;
        s.persist();
    }

    /** What is wrong with a sign-off, or null. The scope version is the one the signer saw. */
    static String signProblem(String name, String role, String confirm, String seenVersion, String currentVersion) {
        if (!PlainText.Validator.isName(name, SignOff.MAX_NAME)) {
            return "Give the signer's full name, up to " + SignOff.MAX_NAME + " characters.";
        }
        if (!PlainText.Validator.isName(role, SignOff.MAX_NAME)) {
            return "Give the signer's role, up to " + SignOff.MAX_NAME + " characters (e.g. \"Interface analyst\").";
        }
        if (!"yes".equals(confirm)) {
            return "Tick the box to confirm the sign-off.";
        }
        if (!currentVersion.equals(seenVersion)) {
            return "The scope changed while you were reading it (it is now version " + currentVersion
                    + "). Read it again and sign the current version.";
        }
        return null;
    }

    private static String firstLine(String s) {
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }

    private static String cell(String s) {
        return Downloads.csvCell(s);
    }

    private static String evidence(ItemView i) {
        List<String> parts = new ArrayList<>();
        if (!i.controlId().isEmpty()) {
            parts.add("Control ID " + i.controlId());
        }
        if (!i.logId().isEmpty()) {
            parts.add("Log " + i.logId());
        }
        if (!i.note().isEmpty()) {
            parts.add(i.note());
        }
        return String.join(" · ", parts);
    }

    private static String phaseProblem(PhaseInput input, TestPhase.Status target, ZoneId zone) {
        if (target == null) {
            return "Choose the phase's status.";
        }
        for (String d : List.of(input.plannedStart(), input.plannedEnd(), input.actualStart(), input.actualEnd())) {
            if (!d.isEmpty() && Forms.date(d) == null) {
                return "Write dates as YYYY-MM-DD between " + ProductionWindow.FIRST_YEAR + " and " + ProductionWindow.LAST_YEAR
                        + ", e.g. 2026-12-31 (\"" + (d.length() > 40 ? d.substring(0, 40) + "…" : d) + "\" is not one).";
            }
        }
        if (!input.scheduledAt().isEmpty() && ProductionWindow.parse(input.scheduledAt(), zone) == null) {
            return "Give the production test's time as date and time at the site between " + ProductionWindow.FIRST_YEAR
                    + " and " + ProductionWindow.LAST_YEAR + ", e.g. 2026-12-05T06:00.";
        }
        if (!PlainText.Validator.fits(input.owner(), 120)) {
            return "The owner is a name of up to 120 characters, without control characters.";
        }
        if (!PlainText.Validator.fits(input.notes(), 4000)) {
            return "Notes are plain text of up to 4,000 characters.";
        }
        if (!PlainText.Validator.fits(input.overrideReason(), 1000)) {
            return "The reason for the override is plain text of up to 1,000 characters.";
        }
        if (target == TestPhase.Status.BLOCKED && input.notes().isBlank()) {
            return "Say in the notes what blocks the phase, so the team can act on it.";
        }
        return null;
    }

    private static LocalDate[] dates(PhaseInput input) {
        return new LocalDate[] { Forms.date(input.plannedStart()), Forms.date(input.plannedEnd()), Forms.date(input.actualStart()),
                Forms.date(input.actualEnd()) };
    }

    private Response phaseRefused(TestPlan plan, TestPhase.Kind kind, PhaseInput input, String problem, int status) {
        return Response.status(status).entity(Templates.testing(page(plan, Typed.phase(kind, input, problem)))).build();
    }

    Page page(TestPlan plan, Typed typed) {
        Project project = plan.project();
        ZoneId zone = ZoneId.of(project.site.timeZone);
        PhaseGates gates = plan.gates();
        List<PhaseView> phases = plan.phases().stream().map(p -> {
            boolean mine = p.kind == typed.phaseKind();
            PhaseInput values = mine ? typed.phase() : new PhaseInput(p.status.name(), str(p.plannedStart), str(p.plannedEnd),
                    str(p.actualStart), str(p.actualEnd), ProductionWindow.input(p.scheduledAt, zone), p.owner, p.notes, "");
            String override = p.overrideReason == null ? null : "Started before functional testing passed, by " + p.overrideBy
                    + " on " + Dates.utc(p.overrideAt) + ". Reason: " + p.overrideReason;
            List<Option> statuses = Arrays.stream(TestPhase.Status.values())
                    .filter(s -> s != TestPhase.Status.SKIPPED || p.kind.optional)
                    .map(s -> new Option(s.name(), s.label, s.name().equals(values.status()))).toList();
            return new PhaseView(p.kind.slug(), p.kind.label, p.kind.optional, p.kind.purpose, p.status.name(), p.status.label,
                    p.status.cssClass(), p.version, values, statuses, ProductionWindow.describe(p.scheduledAt, zone),
                    ProductionWindow.warning(p.scheduledAt, zone), override,
                    p.status == TestPhase.Status.NOT_STARTED || p.status == TestPhase.Status.BLOCKED ? gates.waitingFor(p.kind) : null,
                    p.kind == TestPhase.Kind.INTEGRATED && gates.integratedNeedsOverride(), mine ? typed.phaseProblem() : null, dates(p));
        }).toList();
        Map<String, String> seen = plan.inScope().isEmpty() && plan.outOfScope().isEmpty() ? Map.of() : seen(plan.project());
        List<ItemView> items = plan.inScope().stream()
                .map(c -> typed.item() != null && typed.item().id().equals(c.id) ? typed.item() : itemView(c, null, null, seen)).toList();
        List<ItemView> gone = plan.outOfScope().stream().map(c -> itemView(c, null, null, seen)).toList();
        long passed = plan.inScope().stream().filter(c -> c.result == TestResult.PASSED).count();
        var latest = plan.latestRuns();
        java.util.function.Function<TestScript, ScriptView> scriptView = s -> {
            TestRun r = latest.get(s.id);
            return new ScriptView(s.id, s.name, s.steps.size(), r == null ? "Not run yet" : "Run " + r.number + ": " + r.status.label.toLowerCase(),
                    r == null ? "run-none" : r.status.cssClass(), r == null ? null : r.id);
        };
        List<WorkflowView> workflows = plan.workflows().stream().map(w -> new WorkflowView(w.id, w.name, plan.passed(w),
                plan.scriptsOf(w).stream().map(scriptView).toList())).toList();
        List<ScriptView> orphans = plan.scripts().stream().filter(s -> s.workflow == null).map(scriptView).toList();
        List<IssueView> issues = plan.issues().stream().map(i -> issueView(i, typed.issue())).toList();
        List<SignOffView> signOffs = plan.signOffs().stream().map(s -> signOffView(s, plan.scopeVersion())).toList();
        String memberName = identity.getAttribute(MemberSessions.NAME_ATTRIBUTE);
        SignInput sign = typed.sign() != null ? typed.sign()
                : new SignInput(memberName == null ? "" : memberName, "", "", String.valueOf(PartnerLink.DEFAULT_DAYS));
        List<ProjectLinkView> links = ProjectLinkView.of(project, PartnerLink.Purpose.SIGN_OFF);
        ScriptInput script = typed.script() != null ? typed.script() : ScriptInput.NONE;
        List<TestingActivityView> activity = TestingActivity.recentFor(project, 50).stream()
                .map(a -> new TestingActivityView(Dates.utc(a.at), a.actor, a.summary)).toList();
        return new Page(project.site.id, project.site.name, project.id, project.name, base(project), project.site.timeZone,
                Timeline.of(plan.phases(), LocalDate.now(zone)), phases, items, gone,
                passed + " of " + items.size() + " passed", workflows, orphans,
                plan.workflows().stream().map(w -> new Option(w.id.toString(), w.name, w.id.toString().equals(script.workflow()))).toList(),
                TestScriptTemplate.listByName().stream().map(t -> new Option(t.id.toString(), t.name, t.id.toString().equals(script.template()))).toList(),
                script, typed.scriptProblem(),
                issues, plan.openIssues(), plan.scopeVersion(),
                plan.currentSignOff(SignOff.Side.VENDOR).map(s -> signOffView(s, plan.scopeVersion())).orElse(null),
                plan.currentSignOff(SignOff.Side.PARTNER).map(s -> signOffView(s, plan.scopeVersion())).orElse(null),
                signOffs, links, sign, typed.signProblem(), typed.created() == null ? null : typed.created().url(),
                typed.created() == null ? null : typed.created().link().label, activity);
    }

    static IssueView issueView(TestIssue i, IssueEdit edit) {
        boolean mine = edit != null && edit.id().equals(i.id);
        String where = i.run == null ? "" : i.run.script.name + ", run " + i.run.number
                + (i.step == null ? "" : ", step " + (i.step.position + 1));
        return new IssueView(i.id, i.number, i.title, i.severity.label, i.severity.cssClass(), i.side.label, i.status.label,
                i.status.cssClass(), i.status.open(), i.resolution, where, i.run == null ? null : i.run.id,
                i.createdBy + ", " + Dates.utc(i.createdAt),
                Arrays.stream(TestIssue.Status.values()).map(s -> new Option(s.name(), s.label, mine ? s.name().equals(edit.status())
                        : s == i.status)).toList(), i.version, mine ? edit.resolution() : i.resolution, mine ? edit.problem() : null);
    }

    private static SignOffView signOffView(SignOff s, String currentVersion) {
        return new SignOffView(s.side.label, s.name, s.role, Dates.utc(s.signedAt), s.scopeVersion,
                s.scopeVersion.equals(currentVersion), s.link == null ? "in SiteReady" : "through a sign-off link");
    }

    /** Which events the project's sample messages contained (evidence shown beside the checklist, never a pass). */
    private Map<String, String> seen(Project project) {
        return SeenInSamples.of(tenant.requireWorkspaceId(), project);
    }

    private static ItemView itemView(ChecklistItem c, String[] typed, String problem, Map<String, String> seen) {
        String result = typed == null ? c.result.name() : typed[0];
        TestResult shown = c.result;
        return new ItemView(c.id, base(c.project) + "/checklist/" + c.id, c.version, c.event.model.name, c.event.name, c.direction.label, result, shown.label,
                shown.cssClass(), typed == null ? c.controlId : typed[1], typed == null ? c.logId : typed[2],
                typed == null ? c.note : typed[3],
                c.recordedAt == null ? "" : c.recordedBy + ", " + Dates.utc(c.recordedAt),
                c.outOfScopeSince == null ? "" : Dates.utc(c.outOfScopeSince),
                Arrays.stream(TestResult.values()).map(r -> new Option(r.name(), r.label, r.name().equals(result))).toList(), problem,
                seen.get(SeenInSamples.key(c.event.model.name, c.event.name)));
    }

    private static String dates(TestPhase p) {
        String planned = p.plannedStart == null && p.plannedEnd == null ? "" : "Planned " + range(p.plannedStart, p.plannedEnd);
        String actual = p.actualStart == null && p.actualEnd == null ? "" : "Actual " + range(p.actualStart, p.actualEnd);
        return String.join(" · ", java.util.stream.Stream.of(planned, actual).filter(s -> !s.isEmpty()).toList());
    }

    private static String range(LocalDate a, LocalDate b) {
        return a == null ? "to " + b : b == null ? "from " + a : a.equals(b) ? a.toString() : a + " to " + b;
    }

    private static String str(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
