package dev.siteready.partner;

import dev.siteready.scoping.QuestionView;
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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The questionnaire as a partner sees it through a link: the sections the link opens, answerable until it is locked. */
@ApplicationScoped
class PartnerPortalPages {

    /**
     * The page: who asks and until when, the answers the team wants to look at again (with a mark on their sections in
     * the menu), the cards, and, when a submit found required questions open, those questions before sending anyway.
     */
    public record Portal(String workspaceName, String siteName, String projectName, String label, String base,
            QuestionnaireStatus status, String expires, QuestionnaireView view, List<SectionLink> menu,
            List<CardLink> followUps, List<CardLink> openRequired) {
        public boolean locked() {
            return status == QuestionnaireStatus.LOCKED;
        }

        public boolean submitted() {
            return status == QuestionnaireStatus.SUBMITTED;
        }

        public String followUpHeading() {
            return followUps.size() == 1 ? "1 answer needs follow-up" : followUps.size() + " answers need follow-up";
        }

        public String openRequiredHeading() {
            return openRequired.size() == 1 ? "1 required question is still open"
                    : openRequired.size() + " required questions are still open";
        }
    }

    /** A section in the menu, with how many of its answers need follow-up. */
    public record SectionLink(String key, String title, int followUps, QuestionnaireView.SectionView section) {
        public String followUpMark() {
            return followUps == 1 ? "1 needs follow-up" : followUps + " need follow-up";
        }
    }

    /** A card to jump to: its element id, its question as shown and its section. */
    public record CardLink(String id, String title, String section) {
    }

    @CheckedTemplate(basePath = "PartnerPortalResource")
    static class Templates {
        static native TemplateInstance portal(Portal portal);
    }

    @Inject
    TenantContext tenant;

    @Inject
    QuestionnaireViews views;

    /** The page; with {@code beforeSubmit}, the required questions still open are listed at the submit button. */
    public TemplateInstance portal(PartnerLink link, boolean beforeSubmit) {
        QuestionnaireView view = view(link);
        return page(link, view, beforeSubmit ? openRequired(view) : List.of());
    }

    /** The page with the cards as a refused post left them. */
    public TemplateInstance portal(PartnerLink link, QuestionnaireView view) {
        return page(link, view, List.of());
    }

    /** The required questions the partner sees that are shown and not answered yet, in page order. */
    public List<CardLink> openRequired(PartnerLink link) {
        return openRequired(view(link));
    }

    /** A partner looking through the link: they may answer the sections it opens, and see no history or follow-ups. */
    public QuestionnaireViews.Viewer viewer(PartnerLink link) {
        return new QuestionnaireViews.Viewer(PartnerCookie.path(link.questionnaire.id), true, true, link::allows);
    }

    private QuestionnaireView view(PartnerLink link) {
        return views.build(views.load(link.questionnaire), viewer(link), null, null);
    }

    private TemplateInstance page(PartnerLink link, QuestionnaireView view, List<CardLink> openRequired) {
        Questionnaire q = link.questionnaire;
        Workspace workspace = Workspace.findById(tenant.requireWorkspaceId());
        List<SectionLink> menu = view.sections().stream().map(s -> new SectionLink(s.key(), s.title(),
                (int) s.questions().stream().filter(PartnerPortalPages::needsFollowUp).count(), s)).toList();
        return Templates.portal(new Portal(workspace.name, q.project.site.name, q.project.name, link.label,
                PartnerCookie.path(q.id), q.status, Dates.at(link.expiresAt, q.project.site.timeZone), view, menu,
                cards(view, PartnerPortalPages::needsFollowUp), openRequired));
    }

    private static List<CardLink> openRequired(QuestionnaireView view) {
        return cards(view, q -> q.visible() && q.required() && !q.answered());
    }

    private static boolean needsFollowUp(QuestionView q) {
        return q.visible() && q.followUp();
    }

    private static List<CardLink> cards(QuestionnaireView view, Predicate<QuestionView> which) {
        List<CardLink> cards = new ArrayList<>();
        for (QuestionnaireView.SectionView section : view.sections()) {
            for (QuestionView q : section.questions()) {
                if (which.test(q)) {
                    cards.add(new CardLink(q.id(), q.title(), section.title()));
                }
            }
        }
        return cards;
    }
}
