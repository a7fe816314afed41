package dev.siteready.project;

import dev.siteready.account.MemberRole;
import dev.siteready.catalog.DataModel;
import dev.siteready.catalog.DataModelEvent;
import dev.siteready.catalog.DataModelField;
import dev.siteready.site.Site;
import dev.siteready.web.Flash;
import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A project's page: its scope rows, product requirements and workflows, all editable in place. */
@Path("/sites/{siteId}/projects")
@Produces(MediaType.TEXT_HTML)
public class ProjectResource {

    @Inject
    ScopeService scopes;

    @Inject
    ProjectPages pages;


    @GET
    @Path("{projectId}")
    @Transactional
    public TemplateInstance show(@RestPath UUID siteId, @RestPath UUID projectId) {
        return pages.project(pages.page(Project.require(siteId, projectId), ProjectPages.RowInput.NONE, null));
    }

    @POST
    @Path("{projectId}/rows")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response addRow(@RestPath UUID siteId, @RestPath UUID projectId, @RestForm String dataModel,
            @RestForm String direction, @RestForm String connectionMethod, @RestForm String messagesPerDay,
            @RestForm String peakPerHour) {
        Project project = Project.require(siteId, projectId);
        ProjectPages.RowInput input = new ProjectPages.RowInput("new", dataModel, List.of(), direction, connectionMethod, messagesPerDay, peakPerHour);
        DataModel model = Forms.uuid(dataModel) == null ? null : DataModel.findById(Forms.uuid(dataModel));
        String problem = model == null ? "Choose a data model from the catalog." : rowProblem(direction, connectionMethod,
                messagesPerDay, peakPerHour);
        if (problem != null) {
            return Response.status(400).entity(pages.project(pages.page(project, input, problem))).build();
        }
        ScopeRow row = new ScopeRow();
        row.project = project;
        row.model = model;
        apply(row, direction, connectionMethod, messagesPerDay, peakPerHour);
        row.position = (int) ScopeRow.count("project", project);
        row.persist();
        return Flash.seeOther(base(project) + "#row-" + row.id, model.name + " added to the scope: now tick its event types.");
    }

    @POST
    @Path("{projectId}/rows/{rowId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response updateRow(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID rowId,
            @RestForm List<String> events, @RestForm String direction, @RestForm String connectionMethod,
            @RestForm String messagesPerDay, @RestForm String peakPerHour, @RestForm Long version) {
        Project project = Project.require(siteId, projectId);
        ScopeRow row = row(project, rowId);
        List<String> chosen = events == null ? List.of() : events;
        ProjectPages.RowInput input = new ProjectPages.RowInput(rowId.toString(), row.model.id.toString(), chosen, direction, connectionMethod,
                messagesPerDay, peakPerHour);
        String problem = rowProblem(direction, connectionMethod, messagesPerDay, peakPerHour);
        List<UUID> ids = chosen.stream().map(Forms::uuid).toList();
        List<DataModelEvent> picked = ids.contains(null) ? List.of()
                : DataModelEvent.list("id in ?1 and model = ?2", ids, row.model); // one query for all ticks
        if (picked.size() != new HashSet<>(ids).size()) {
            problem = "Choose event types of " + row.model.name + " only.";
        }
        if (problem == null && (version == null || !version.equals(row.version))) {
            return Response.status(409).entity(pages.project(pages.page(project, input, "Someone else changed this row while"
                    + " you were editing. Your choices are shown; save again to keep them."))).build();
        }
        if (problem != null) {
            return Response.status(400).entity(pages.project(pages.page(project, input, problem))).build();
        }
        apply(row, direction, connectionMethod, messagesPerDay, peakPerHour);
        row.events.clear();
        row.events.addAll(picked);
        return Flash.seeOther(base(project) + "#row-" + row.id, row.model.name + " saved.");
    }

    @POST
    @Path("{projectId}/rows/{rowId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response removeRow(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID rowId) {
        Project project = Project.require(siteId, projectId);
        ScopeRow row = row(project, rowId);
        String name = row.model.name;
        row.delete();
        return Flash.seeOther(base(project), name + " removed from the scope.");
    }

    @POST
    @Path("{projectId}/requirements")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response saveRequirements(@RestPath UUID siteId, @RestPath UUID projectId, @RestForm List<String> patientId,
            @RestForm List<String> providerId, @RestForm List<String> codeSystem, @RestForm List<String> field) {
        Project project = Project.require(siteId, projectId);
        ScopeService.CatalogSnapshot catalog = scopes.snapshot();
        Map<UUID, DataModel> models = catalog.models().values().stream().collect(Collectors.toMap(m -> m.id, m -> m));
        Map<UUID, DataModelField> fieldsById = catalog.fields().values().stream().collect(Collectors.toMap(f -> f.id, f -> f));
        Map<String, List<String>> codes = new LinkedHashMap<>();
        for (String value : nz(codeSystem)) {
            int colon = value.indexOf(':');
            DataModel model = colon < 0 ? null : models.get(Forms.uuid(value.substring(0, colon)));
            if (model != null) {
                codes.computeIfAbsent(model.name, k -> new ArrayList<>()).add(value.substring(colon + 1));
            }
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String value : nz(field)) {
            DataModelField f = fieldsById.get(Forms.uuid(value));
            if (f != null) {
                fields.computeIfAbsent(f.model.name, k -> new ArrayList<>()).add(f.path);
            }
        }
        ScopeSpec spec = new ScopeSpec(List.of(), fields, nz(patientId), nz(providerId), codes, List.of());
        try {
            scopes.replaceRequirements(project, spec);
        } catch (ScopeException e) {
            return Response.status(400).entity(pages.project(pages.page(project, ProjectPages.RowInput.NONE,
                    String.join(" ", e.problems.values())))).build();
        }
        return Flash.seeOther(base(project) + "#requirements-heading", "Requirements saved.");
    }

    @POST
    @Path("{projectId}/workflows")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response addWorkflow(@RestPath UUID siteId, @RestPath UUID projectId, @RestForm String name,
            @RestForm String description) {
        Project project = Project.require(siteId, projectId);
        String cleanName = name == null ? "" : name.trim();
        String cleanDescription = description == null ? "" : description.trim();
        if (!PlainText.Validator.isName(cleanName, 200) || !PlainText.Validator.fits(cleanDescription, 4000)) {
            ProjectPages.RowInput input = new ProjectPages.RowInput("workflow", cleanName, List.of(cleanDescription), "", "", "", "");
            return Response.status(400).entity(pages.project(pages.page(project, input,
                    "Give the workflow a name (up to 200 characters) and a description of up to 4,000, without control characters."))).build();
        }
        Workflow workflow = new Workflow();
        workflow.project = project;
        workflow.name = cleanName;
        workflow.description = cleanDescription;
        workflow.position = (int) Workflow.count("project", project);
        workflow.persist();
        return Flash.seeOther(base(project) + "#workflows-heading", "Workflow added.");
    }

    @POST
    @Path("{projectId}/workflows/{workflowId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response removeWorkflow(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID workflowId) {
        Project project = Project.require(siteId, projectId);
        Workflow workflow = Workflow.find("id = ?1 and project = ?2", workflowId, project).firstResult();
        if (workflow == null) {
            throw new NotFoundException();
        }
        workflow.delete();
        return Flash.seeOther(base(project) + "#workflows-heading", "Workflow " + workflow.name + " removed.");
    }

    @POST
    @Path("{projectId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response delete(@RestPath UUID siteId, @RestPath UUID projectId) {
        Project project = Project.require(siteId, projectId);
        project.delete();
        return Flash.seeOther("/sites/" + siteId, "Project " + project.name + " and its scope were deleted.");
    }


    /** The scope row, only if it belongs to that project. */
    private static ScopeRow row(Project project, UUID rowId) {
        ScopeRow row = ScopeRow.find("id = ?1 and project = ?2", rowId, project).firstResult();
        if (row == null) {
            throw new NotFoundException();
        }
        return row;
    }

    private static String base(Project project) {
        return "/sites/" + project.site.id + "/projects/" + project.id;
    }

    private static void apply(ScopeRow row, String direction, String method, String perDay, String peak) {
        row.direction = Direction.parse(direction);
        row.connectionMethod = ConnectionMethod.parse(method);
        row.messagesPerDay = volume(perDay);
        row.peakPerHour = volume(peak);
    }

    private static String rowProblem(String direction, String method, String perDay, String peak) {
        if (Direction.parse(direction) == null) {
            return "Choose a direction.";
        }
        if (ConnectionMethod.parse(method) == null) {
            return "Choose a connection method.";
        }
        for (String v : new String[] { perDay, peak }) {
            if (v != null && !v.isBlank()) {
                try {
                    int n = Integer.parseInt(v.trim());
                    if (n < 0 || n > ScopeService.MAX_VOLUME) {
                        return "Volumes are whole numbers from 0 to " + ScopeService.MAX_VOLUME + ".";
                    }
                } catch (NumberFormatException e) {
                    return "Volumes are whole numbers from 0 to " + ScopeService.MAX_VOLUME + " (or empty when unknown).";
                }
            }
        }
        return null;
    }

    private static Integer volume(String v) {
        return v == null || v.isBlank() ? null : Integer.valueOf(v.trim());
    }


    private static List<String> nz(List<String> list) {
        return list == null ? List.of() : list;
    }
}
