package dev.siteready.home;

import dev.siteready.account.Member;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The workspace home: where a team starts its day. */
@Path("/")
public class HomeResource {

    /** One teammate as the home page shows them. */
    public record TeammateView(String name, String roleLabel) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<TeammateView> team);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance home() {
        List<TeammateView> team = Member.listByName().stream()
                .map(m -> new TeammateView(m.displayName, m.role.label))
                .toList();
        return Templates.home(team);
    }
}
