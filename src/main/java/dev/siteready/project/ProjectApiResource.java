package dev.siteready.project;

import dev.siteready.site.Site;
import dev.siteready.web.ApiValidationError;
import dev.siteready.web.EntityTags;
import dev.siteready.web.FormErrors;
import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A site's projects and their scope over JSON (the same shape onboarding templates store). */
@Path("/api/sites/{siteId}/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects and scope")
@SecurityRequirement(name = "apiToken")
public class ProjectApiResource {

    public record ProjectJson(UUID id, String name, String description, ScopeSpec scope) {
    }

    /** A new project over JSON; its scope is optional. */
    public record NewProject(
            @NotBlank(message = NAME) @Size(max = 160, message = NAME) @PlainText(message = NAME) String name,
            @Size(max = 4000, message = DESCRIPTION) @PlainText(message = DESCRIPTION) String description,
            ScopeSpec scope) {

        static final String NAME = "Give the project a name of 1 to 160 characters.";
        static final String DESCRIPTION = "Keep the description to 4,000 characters.";

        public NewProject {
            name = Forms.text(name).trim();
            description = Forms.text(description).trim();
        }
    }

    @Inject
    ScopeService scopes;

    @Inject
    Validator validator;

    @GET
    @Transactional
    @Operation(summary = "The site's projects")
    public List<ProjectJson> list(@RestPath UUID siteId) {
        return Project.listFor(Site.require(siteId)).stream().map(p -> new ProjectJson(p.id, p.name, p.description, null)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Add a project", description = "Optionally with its scope; invalid scope entries are 400s.")
    public Response create(@RestPath UUID siteId, NewProject body) {
        Site site = Site.require(siteId);
        NewProject in = body == null ? new NewProject(null, null, null) : body;
        FormErrors errors = FormErrors.of(validator.validate(in));
        if (errors.any()) {
            return ApiValidationError.of(errors.all());
        }
        Project project = Project.create(site, in.name(), in.description());
        if (in.scope() != null) {
            try {
                scopes.replace(project, in.scope(), false);
            } catch (ScopeException e) {
                QuarkusTransaction.setRollbackOnly();
                return ApiValidationError.of(prefixed(e.problems));
            }
        }
        return Response.created(URI.create("/api/sites/" + siteId + "/projects/" + project.id + "/scope"))
                .entity(new ProjectJson(project.id, project.name, project.description, scopes.read(project)))
                .tag(EntityTags.of(scopes.tag(project))).build();
    }

    @GET
    @Path("{projectId}/scope")
    @Transactional
    @Operation(summary = "A project's scope", description = "With an ETag: send it back in If-Match when replacing the scope.")
    public Response scope(@RestPath UUID siteId, @RestPath UUID projectId) {
        Project project = Project.require(siteId, projectId);
        return Response.ok(scopes.read(project)).tag(EntityTags.of(scopes.tag(project))).build();
    }

    @PUT
    @Path("{projectId}/scope")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Replace a project's scope", description = "Data models, events and fields by catalog name;"
            + " identifier types as HL7 0203 codes, code systems as HL7 0396 codes. Any problem is a 400 with a"
            + " message per JSON path, and nothing changes. With If-Match (the ETag of a GET), a scope changed since is"
            + " a 412 and nothing changes; without it, this replaces whatever is there.")
    public Response replace(@RestPath UUID siteId, @RestPath UUID projectId, ScopeSpec spec,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Project project = Project.require(siteId, projectId);
        if (spec == null) {
            return ApiValidationError.of(Map.of("body", "Send the scope as a JSON object."));
        }
        try {
            scopes.replaceIfMatch(project, spec, ifMatch);
        } catch (ScopeException e) {
            QuarkusTransaction.setRollbackOnly();
            return ApiValidationError.of(e.problems);
        }
        return Response.ok(scopes.read(project)).tag(EntityTags.of(scopes.tag(project))).build();
    }

    private static Map<String, String> prefixed(Map<String, String> problems) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        problems.forEach((k, v) -> out.put("scope." + k, v));
        return out;
    }
}
