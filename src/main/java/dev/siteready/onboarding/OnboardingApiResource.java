package dev.siteready.onboarding;

import dev.siteready.project.SiteDetails;
import dev.siteready.site.Site;
import dev.siteready.site.SiteDraft;
import dev.siteready.web.ApiValidationError;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Onboarding sites over JSON: one from a draft, or many from CSV. */
@Path("/api/sites")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sites")
@SecurityRequirement(name = "apiToken")
public class OnboardingApiResource {

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
                    .entity(QuarkusTransaction.requiringNew().call(() -> SiteDetails.of(Site.require(id)))).build();
        } catch (PersistenceException e) {
            if (!Site.isNameConflict(e)) {
                throw e;
            }
            return ApiValidationError.of(Map.of("name", "A site called " + draft.name().trim() + " exists already."));
        }
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
}
