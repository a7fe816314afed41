package dev.siteready.feasibility;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.siteready.site.Site;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/** A site's current feasibility summary for scripts: JSON, or the same documents the page offers. */
@Path("/api/sites/{siteId}/feasibility{format: (\\.pdf|\\.md)?}")
@Tag(name = "Feasibility")
@SecurityRequirement(name = "apiToken")
public class FeasibilityApiResource {

    /** The report with the figures the page derives from it. */
    public record FeasibilityJson(@JsonUnwrapped FeasibilityReport report, String headline, int completionPercent,
            FeasibilityReport.EffortRollup effort) {
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, "application/pdf", "text/markdown" })
    @Transactional
    @Operation(summary = "A site's feasibility summary as it is now",
            description = "JSON at .../feasibility; the same summary as a PDF at .../feasibility.pdf and as Markdown at .../feasibility.md.")
    public Response get(@RestPath UUID siteId, @RestPath String format) {
        FeasibilityReport report = FeasibilityInputs.report(Site.require(siteId));
        if (format == null || format.isEmpty()) {
            return Response.ok(new FeasibilityJson(report, report.headline(), report.completionPercent(), report.effort()))
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
        }
        return FeasibilityDocuments.download(report, FeasibilityDocuments.Title.current(report), format, "");
    }
}
