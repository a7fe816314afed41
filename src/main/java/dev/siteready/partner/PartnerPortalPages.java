package dev.siteready.partner;

import dev.siteready.scoping.Questionnaire;
import dev.siteready.scoping.QuestionnaireStatus;
import dev.siteready.scoping.QuestionnaireView;
import dev.siteready.scoping.QuestionnaireViews;
import dev.siteready.tenant.TenantContext;
import dev.siteready.tenant.Workspace;
import dev.siteready.web.Dates;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The questionnaire as a partner sees it through a link: the sections the link opens, answerable until it is locked. */
@ApplicationScoped
class PartnerPortalPages {

    public record Portal(String workspaceName, String siteName, String projectName, String label, String base,
            QuestionnaireStatus status, String expires, QuestionnaireView view) {
        public boolean locked() {
            return status == QuestionnaireStatus.LOCKED;
        }

        public boolean submitted() {
            return status == QuestionnaireStatus.SUBMITTED;
        }
    }

    @CheckedTemplate(basePath = "PartnerPortalResource")
    static class Templates {
        static native TemplateInstance portal(Portal portal);
    }

    @Inject
    TenantContext tenant;

    @Inject
    QuestionnaireViews views;

    public TemplateInstance portal(PartnerLink link) {
        return portal(link, views.build(views.load(link.questionnaire), viewer(link), null, null));
    }

    /** The page with the cards as a refused post left them. */
    public TemplateInstance portal(PartnerLink link, QuestionnaireView view) {
        Questionnaire q = link.questionnaire;
        Workspace workspace = Workspace.findById(tenant.requireWorkspaceId());
        return Templates.portal(new Portal(workspace.name, q.project.site.name, q.project.name, link.label,
                PartnerCookie.path(q.id), q.status, Dates.at(link.expiresAt, q.project.site.timeZone), view));
    }

    /** A partner looking through the link: they may answer the sections it opens, and see no history or follow-ups. */
    public QuestionnaireViews.Viewer viewer(PartnerLink link) {
        return new QuestionnaireViews.Viewer(PartnerCookie.path(link.questionnaire.id), true, true, link::allows);
    }
}
