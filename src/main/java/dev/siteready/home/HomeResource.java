package dev.siteready.home;

import dev.siteready.account.Member;
import dev.siteready.feasibility.Portfolio;
import dev.siteready.feasibility.Verdict;
import dev.siteready.retro.RetroOverview;
import dev.siteready.site.SiteStatus;
import dev.siteready.tenant.TenantContext;
import dev.siteready.testing.TestingOverview;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/** The workspace home: where a team starts its day. */
@Path("/")
public class HomeResource {

    /** One teammate as the home page shows them. */
    public record TeammateView(String name, String roleLabel) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<TeammateView> team, Dashboard dashboard, Portfolio.Result portfolio,
                List<SiteStatus> statuses, List<Verdict> verdicts, TestingOverview testing, RetroOverview retros);

        static native TemplateInstance home$portfolio(Portfolio.Result portfolio);
    }

    @Inject
    TenantContext tenant;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance home(@RestQuery String verdict, @RestQuery String status, @RestQuery String vendor,
            @RestQuery String sort, @RestQuery String page, @RestHeader("HX-Request") boolean htmx,
            @RestHeader("HX-History-Restore-Request") boolean historyRestore) {
        int pageNumber = page != null && page.matches("[0-9]{1,6}") ? Integer.parseInt(page) : 1;
        Portfolio.Result portfolio = Portfolio.find(tenant.requireWorkspaceId(), new Portfolio.Query(Verdict.parse(verdict),
                SiteStatus.parse(status), vendor, sort, pageNumber));
        if (htmx && !historyRestore) { // htmx restoring history without its cache wants the whole page
            return Templates.home$portfolio(portfolio);
        }
        List<TeammateView> team = Member.team().stream().map(m -> new TeammateView(m.name(), m.role().label)).toList();
        return Templates.home(team, Dashboard.load(), portfolio, Arrays.asList(SiteStatus.values()), Arrays.asList(Verdict.values()),
                TestingOverview.load(tenant.requireWorkspaceId(), clock), RetroOverview.load(tenant.requireWorkspaceId(), clock));
    }
}
