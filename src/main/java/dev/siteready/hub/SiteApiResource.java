package dev.siteready.hub;

import dev.siteready.site.SiteStatus;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/** Sites over JSON, for scripts and other systems; authenticated with a workspace API token. */
@Path("/api/sites")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sites")
@SecurityScheme(securitySchemeName = "apiToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A workspace API token from Settings → API tokens")
@SecurityRequirement(name = "apiToken")
public class SiteApiResource {

    public record SitePage(List<SiteList.Row> items, int page, int pageSize, long total) {
    }

    @GET
    @Transactional
    @Operation(summary = "List sites", description = "Search (q: name or EHR vendor), filter by status, sort"
            + " (name, -name, vendor, status, created) and page (25 per page).")
    public SitePage list(@RestQuery String q, @RestQuery String status, @RestQuery String sort, @RestQuery Integer page) {
        SiteList.Result result = SiteList.find(new SiteList.Query(q, SiteStatus.parse(status), sort, page == null ? 1 : page));
        return new SitePage(result.rows(), result.query().page(), SiteList.PAGE_SIZE, result.total());
    }
}
