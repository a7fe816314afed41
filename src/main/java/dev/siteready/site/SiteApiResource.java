package dev.siteready.site;

import dev.siteready.onboarding.Onboarding;
import dev.siteready.onboarding.SiteCsvImport;
import dev.siteready.onboarding.SiteDrafts;
import dev.siteready.project.Project;
import dev.siteready.web.ApiValidationError;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sites over JSON, for scripts and other systems; authenticated with a workspace API token. */
@Path("/api/sites")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sites")
@SecurityScheme(securitySchemeName = "apiToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A workspace API token from Settings → API tokens")
@SecurityRequirement(name = "apiToken")
public class SiteApiResource {

    public record Contact(String name, String role, String email) {
    }

    public record ProjectRef(UUID id, String name, String description) {
    }

    public record SiteDetail(UUID id, String name, String ehrVendor, String timeZone, SiteStatus status,
            String environmentNotes, List<Contact> contacts, List<ProjectRef> projects) {
    }

    public record SitePage(List<SiteList.Row> items, int page, int pageSize, long total) {
    }

    public record ImportResult(int created, List<UUID> ids) {
    }

    public record ImportProblems(int status, String error, String message, List<SiteCsvImport.RowProblem> rows) {
    }

    @Inject
    SiteDrafts drafts;

    @Inject
    Onboarding onboarding;

    @Inject
    SiteCsvImport importer;

    @GET
    @Transactional
    @Operation(summary = "List sites", description = "Search (q: name or EHR vendor), filter by status, sort"
            + " (name, -name, vendor, status, created) and page (25 per page).")
    public SitePage list(@RestQuery String q, @RestQuery String status, @RestQuery String sort, @RestQuery Integer page) {
        SiteList.Result result = SiteList.find(new SiteList.Query(q, SiteStatus.parse(status), sort, page == null ? 1 : page));
        return new SitePage(result.rows(), result.query().page(), SiteList.PAGE_SIZE, result.total());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Onboard a site", description = "Creates the site, its contacts and a first project whose"
            + " scope comes from the named template (optional). Unknown JSON properties are ignored.")
    public Response create(SiteDraft draft) {
        if (draft == null) {
            return ApiValidationError.of(Map.of("body", "Send the site as a JSON object."));
        }
        Map<String, String> problems = QuarkusTransaction.requiringNew().call(() -> drafts.problems(draft));
        if (!problems.isEmpty()) {
            return ApiValidationError.of(problems);
        }
        try {
            UUID id = onboarding.createSite(draft).site().id;
            return Response.created(URI.create("/api/sites/" + id))
                    .entity(QuarkusTransaction.requiringNew().call(() -> detail(Site.require(id)))).build();
        } catch (PersistenceException e) {
            if (!Site.isNameConflict(e)) {
                throw e;
            }
            return ApiValidationError.of(Map.of("name", "A site called " + draft.name().trim() + " exists already."));
        }
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One site with its contacts and projects")
    public SiteDetail get(@RestPath UUID id) {
        return detail(Site.require(id));
    }

    @POST
    @Path("import")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN })
    @Operation(summary = "Import sites from CSV", description = "All or nothing: a 400 lists every problem with its"
            + " line number and nothing is created. Columns as on the import page.")
    public Response importCsv(String csv) {
        SiteCsvImport.Result result = importer.importCsv(csv);
        if (!result.ok()) {
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(new ImportProblems(400, "Bad Request",
                    "Nothing was imported: " + result.problems().size() + " problem(s).", result.problems())).build();
        }
        return Response.status(201).entity(new ImportResult(result.created().size(), result.created())).build();
    }

    static SiteDetail detail(Site site) {
        List<Contact> contacts = SiteContact.listFor(site).stream().map(c -> new Contact(c.name, c.role, c.email)).toList();
        List<ProjectRef> projects = Project.listFor(site).stream().map(p -> new ProjectRef(p.id, p.name, p.description)).toList();
        return new SiteDetail(site.id, site.name, site.ehrVendor, site.timeZone, site.status, site.environmentNotes,
                contacts, projects);
    }
}
