package dev.siteready.partner;

import dev.siteready.project.Project;
import dev.siteready.scoping.Questionnaire;
import dev.siteready.scoping.QuestionnaireDefinition;
import dev.siteready.site.SiteContact;
import dev.siteready.web.Dates;
import dev.siteready.web.Option;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.util.List;
import java.util.UUID;

/** The partner links page of a questionnaire: the new-link form, the links and the access log, in the site's time zone. */
final class PartnerLinkPages {

    public record LinkView(UUID id, String label, String sections, String createdBy, String createdAt, String expiresAt,
            String state, String lastUsed) {
        public boolean active() {
            return "Active".equals(state);
        }
    }

    public record AccessView(String at, String link, String client, String action) {
    }

    public record Page(UUID siteId, String siteName, UUID projectId, String projectName, String base,
            List<Option> sections, List<Option> contacts, List<LinkView> links, List<AccessView> accesses, LinkForm input, String problem,
            String newUrl, String newLabel) {
    }

    @CheckedTemplate(basePath = "PartnerLinkResource")
    static class Templates {
        static native TemplateInstance links(Page page);
    }

    private PartnerLinkPages() {
    }

    /** The page with what was typed into the new-link form and the problem with it, or the link just created. */
    public static TemplateInstance links(Questionnaire questionnaire, LinkForm input, String problem, PartnerLinks.Created created) {
        QuestionnaireDefinition definition = questionnaire.definition();
        Project project = questionnaire.project;
        String zone = project.site.timeZone;
        List<LinkView> links = PartnerLink.listFor(questionnaire).stream().map(l -> new LinkView(l.id, l.label,
                l.sections.isEmpty() ? "All sections" : String.join(", ", l.sections.stream()
                        .map(k -> definition.section(k).map(QuestionnaireDefinition.Section::title).orElse(k)).toList()),
                l.createdBy, Dates.at(l.createdAt, zone), Dates.at(l.expiresAt, zone), l.state(),
                l.lastUsedAt == null ? "Never" : Dates.at(l.lastUsedAt, zone))).toList();
        List<AccessView> accesses = PartnerLinkAccess.recentFor(questionnaire, 100).stream()
                .map(a -> new AccessView(Dates.at(a.at, zone), a.link.label, a.client, a.action)).toList();
        // The site's contacts, offered for "For": the value is what the link is labelled with, the e-mail tells them apart.
        List<Option> contacts = SiteContact.listFor(project.site).stream()
                .map(c -> Option.of(c.role.isBlank() ? c.name : c.name + ", " + c.role, c.email)).toList();
        List<Option> sections = definition.sections().stream()
                .map(s -> new Option(s.key(), s.title(), input.sections().contains(s.key()))).toList();
        return Templates.links(new Page(project.site.id, project.site.name, project.id, project.name,
                Questionnaire.path(project.site.id, project.id), sections, contacts, links, accesses, input, problem,
                created == null ? null : created.url(), created == null ? null : created.link().label));
    }
}
