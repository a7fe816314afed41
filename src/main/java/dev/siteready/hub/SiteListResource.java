package dev.siteready.hub;

import dev.siteready.site.SiteStatus;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.Arrays;
import java.util.List;

/** The site list: search, status filter, sort and pages, with each site's number of projects and volume. */
@Path("/sites")
@Produces(MediaType.TEXT_HTML)
public class SiteListResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(SiteList.Result result, List<SiteStatus> statuses);

        static native TemplateInstance list$results(SiteList.Result result, List<SiteStatus> statuses);
    }

    @GET
    @Transactional
    public TemplateInstance list(@RestQuery String q, @RestQuery String status, @RestQuery String sort,
            @RestQuery Integer page, @RestHeader("HX-Request") boolean htmx,
            @RestHeader("HX-History-Restore-Request") boolean historyRestore) {
        SiteList.Result result = SiteList.find(new SiteList.Query(q, SiteStatus.parse(status), sort,
                page == null ? 1 : page));
        List<SiteStatus> statuses = Arrays.asList(SiteStatus.values());
        // htmx restoring history without its cache asks with HX-Request too, and wants the whole page
        return htmx && !historyRestore ? Templates.list$results(result, statuses) : Templates.list(result, statuses);
    }
}
