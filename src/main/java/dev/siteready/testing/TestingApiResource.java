package dev.siteready.testing;

import dev.siteready.project.Project;
import dev.siteready.tenant.TenantContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A project's test phases over JSON: status, dates, gate state, the functional checklist and sign-offs. */
@Path("/api/projects/{projectId}/phases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Testing")
@SecurityRequirement(name = "apiToken")
public class TestingApiResource {

    public record Gate(boolean open, String waitingFor) {
    }

    public record Override(String reason, String by, OffsetDateTime at) {
    }

    public record PhaseJson(String kind, String label, boolean optional, String status, LocalDate plannedStart,
            LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd, OffsetDateTime scheduledAt, String owner,
            String notes, Override override, Gate gate) {
    }

    public record ChecklistJson(UUID id, String dataModel, String event, String direction, boolean inScope,
            OffsetDateTime outOfScopeSince, String result, String controlId, String logId, String note, String recordedBy,
            OffsetDateTime recordedAt) {
    }

    public record WorkflowJson(UUID id, String name, boolean passed) {
    }

    public record SignOffJson(String side, String name, String role, String phase, String scopeVersion, boolean current,
            OffsetDateTime signedAt) {
    }

    public record PhasesJson(UUID projectId, String project, UUID siteId, String site, String timeZone, String scopeVersion,
            List<PhaseJson> phases, List<ChecklistJson> checklist, List<WorkflowJson> workflows, long openIssues,
            List<SignOffJson> signOffs) {
    }

    @Inject
    TenantContext tenant;


    @GET
    @Transactional
    @Operation(summary = "The project's test phases", description = "Phases with status, dates and gate state; the functional"
            + " checklist (items out of scope included, with their results); workflows; sign-offs.")
    public PhasesJson phases(@RestPath UUID projectId) {
        Project project = Project.findWithSite(projectId);
        if (project == null) {
            throw new NotFoundException();
        }
        TestPlan plan = TestPlan.load(tenant.requireWorkspaceId(), project);
        PhaseGates gates = plan.gates();
        return new PhasesJson(project.id, project.name, project.site.id, project.site.name, project.site.timeZone, plan.scopeVersion(),
                plan.phases().stream().map(p -> {
                    String waiting = gates.waitingFor(p.kind);
                    return new PhaseJson(p.kind.name(), p.kind.label, p.kind.optional, p.status.name(), p.plannedStart, p.plannedEnd,
                            p.actualStart, p.actualEnd, p.scheduledAt, p.owner, p.notes,
                            p.overrideReason == null ? null : new Override(p.overrideReason, p.overrideBy, p.overrideAt),
                            new Gate(waiting == null, waiting));
                }).toList(),
                plan.checklist().stream().map(c -> new ChecklistJson(c.id, c.event.model.name, c.event.name, c.direction.name(),
                        c.inScope, c.outOfScopeSince, c.result.name(), c.controlId, c.logId, c.note, c.recordedBy, c.recordedAt)).toList(),
                plan.workflows().stream().map(w -> new WorkflowJson(w.id, w.name, plan.passed(w))).toList(), plan.openIssues(),
                plan.signOffs().stream().map(s -> new SignOffJson(s.side.name(), s.name, s.role, s.phase.name(), s.scopeVersion,
                        s.scopeVersion.equals(plan.scopeVersion()), s.signedAt)).toList());
    }
}
