package dev.siteready.retro;

import dev.siteready.partner.PartnerLink;
import dev.siteready.project.Project;
import dev.siteready.web.Dates;
import io.quarkus.qute.RawString;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the health system's contact sees through a retrospective link (RetroPortalResource/portal.html): the sections
 * to write in, the form (with what they typed, when refused) and what they added through this link, never the team's.
 */
record RetroPortal(String workspaceName, String siteName, String projectName, String label, String base, String expires,
        List<SectionOption> sections, List<Contribution> contributions, Map<String, String> input, String problem) {

    public record SectionOption(String value, String label, String prompt, boolean selected) {
    }

    public record Contribution(UUID id, String section, String title, RawString notes, String when) {
    }

    public String in(String field) {
        return input.getOrDefault(field, "");
    }

    /** The portal of the link's project; input: what the form shows (typed after a refusal, else the blank form). */
    static RetroPortal of(String workspaceName, PartnerLink link, Map<String, String> input, String problem) {
        Project project = link.project;
        String zone = project.site.timeZone;
        String chosen = input.getOrDefault("section", "");
        List<SectionOption> sections = Arrays.stream(RetroItem.Section.values())
                .map(s -> new SectionOption(s.name(), s.label, s.prompt, s.name().equals(chosen))).toList();
        List<Contribution> mine = RetroItem.listBy(link).stream().map(i -> new Contribution(i.id, i.section.label, i.title,
                Markdown.render(i.notes), Dates.at(i.createdAt, zone))).toList();
        return new RetroPortal(workspaceName, project.site.name, project.name, link.label,
                PartnerLink.Purpose.RETROSPECTIVE.path(project.id), Dates.at(link.expiresAt, zone), sections, mine, input, problem);
    }
}
