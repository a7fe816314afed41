package dev.siteready.retro;

import dev.siteready.tenant.TenantContext;
import dev.siteready.web.ApiValidationError;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Retrospective items over JSON, found like on the review page. */
@Path("/api/retrospectives")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Retrospectives")
@SecurityRequirement(name = "apiToken")
public class RetroApiResource {

    static final int PAGE_SIZE = 100;

    public record Source(UUID retrospectiveId, UUID siteId, String site, String ehrVendor, UUID projectId, String project,
            LocalDate date) {
    }

    public record ItemJson(UUID id, String section, String sectionLabel, String title, String notesMarkdown, List<String> tags,
            String linkKind, String linkedTo, String author, boolean fromPartner, OffsetDateTime createdAt, Source retrospective,
            String url) {
    }

    public record ItemsJson(String q, String tag, long total, int page, int pageSize, List<ItemJson> items) {
    }

    @Inject
    TenantContext tenant;

    @GET
    @Transactional
    @Operation(summary = "Search retrospective items", description = "Full-text search (English stemming) over item titles and"
            + " notes, and site names and EHR vendors; optional tag, site id and date range (from, to: the retrospective's date)."
            + " 100 items per page, best matches first.")
    public Response search(@BeanParam ReviewParams params) {
        ReviewQuery parsed = ReviewQuery.of(params);
        if (parsed.problem() != null) {
            return ApiValidationError.of(Map.of("query", parsed.problem()));
        }
        int number = params.pageNumber();
        RetroSearch.Result result = RetroSearch.find(tenant.requireWorkspaceId(), parsed.filter(), (number - 1) * PAGE_SIZE, PAGE_SIZE);
        return Response.ok(new ItemsJson(parsed.filter().q(), parsed.filter().tag(), result.total(), number, PAGE_SIZE,
                result.hits().stream().map(h -> new ItemJson(h.id(), h.section().name(), h.section().label, h.title(), h.notes(),
                        h.tags(), h.linkKind(), h.linkLabel(), h.author(), h.fromPartner(), h.createdAt(),
                        new Source(h.retrospectiveId(), h.siteId(), h.site(), h.ehrVendor(), h.projectId(), h.project(), h.held()),
                        h.retrospectiveLink() + "#item-" + h.id())).toList())).build();
    }
}
