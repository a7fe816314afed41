package dev.siteready.partner;

import dev.siteready.project.Project;
import dev.siteready.web.Dates;

import java.util.List;
import java.util.UUID;

/** A project's partner link (sign-off or retrospective) as the project's pages list it (tags/projectLinks.html). */
public record ProjectLinkView(UUID id, String label, String createdAt, String expiresAt, String state, String lastUsed,
        boolean active) {

    /** The project's links of that purpose, newest first, in the site's time zone: one query. */
    public static List<ProjectLinkView> of(Project project, PartnerLink.Purpose purpose) {
        String zone = project.site.timeZone;
        return PartnerLink.linksFor(project, purpose).stream().map(l -> new ProjectLinkView(l.id, l.label,
                Dates.at(l.createdAt, zone), Dates.at(l.expiresAt, zone), l.state(),
                l.lastUsedAt == null ? "Never" : Dates.at(l.lastUsedAt, zone), l.isActive())).toList();
    }
}
