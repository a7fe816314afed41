package dev.siteready.retro;

import dev.siteready.tenant.TenantContext;
import dev.siteready.web.Downloads;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every retrospective in the workspace in one place: items found by full-text search, tag, site and date, the most
 * used tags, and the same selection as CSV or Markdown.
 */
@Path("/retrospectives")
@Produces(MediaType.TEXT_HTML)
public class RetroReviewResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(RetroReview review);

        static native TemplateInstance review$results(RetroReview review);
    }

    @Inject
    TenantContext tenant;

    @ConfigProperty(name = "siteready.base-url")
    Optional<String> publicUrl;

    @GET
    @Transactional
    public TemplateInstance review(@BeanParam ReviewParams params, @RestHeader("HX-Request") boolean htmx,
            @RestHeader("HX-History-Restore-Request") boolean historyRestore) {
        ReviewQuery query = ReviewQuery.of(params);
        UUID workspace = tenant.requireWorkspaceId();
        return htmx && !historyRestore ? Templates.review$results(RetroReview.results(workspace, query, params.pageNumber()))
                : Templates.review(RetroReview.full(workspace, query, params.pageNumber()));
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @Transactional
    public Response csv(@BeanParam ReviewParams params, @Context UriInfo uri) throws IOException {
        String base = publicUrl.filter(u -> !u.isBlank()).orElse(uri.getBaseUri().toString()).replaceAll("/+$", "");
        String csv = RetroExports.csv(exported(ReviewQuery.of(params)), base);
        return Downloads.attachment(csv, "text/csv; charset=UTF-8", "retrospectives", "csv");
    }

    @GET
    @Path("export.md")
    @Produces("text/markdown")
    @Transactional
    public Response markdown(@BeanParam ReviewParams params) {
        ReviewQuery query = ReviewQuery.of(params);
        String markdown = RetroExports.markdown(query, exported(query));
        return Downloads.attachment(markdown, "text/markdown; charset=UTF-8", "retrospectives", "md");
    }

    /** A stable address for a retrospective (questions and template versions that came from one link here). */
    @GET
    @Path("{id}")
    @Transactional
    public Response open(@RestPath UUID id) {
        Retrospective retro = Retrospective.withProject(id);
        if (retro == null) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create(retro.path())).build();
    }

    private List<RetroSearch.Hit> exported(ReviewQuery query) {
        if (query.problem() != null) {
            throw new BadRequestException(query.problem());
        }
        return RetroSearch.find(tenant.requireWorkspaceId(), query.filter(), 0, RetroExports.LIMIT).hits();
    }
}
