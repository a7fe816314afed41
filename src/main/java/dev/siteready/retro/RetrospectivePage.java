package dev.siteready.retro;

import dev.siteready.partner.ProjectLinkView;
import dev.siteready.web.Option;
import io.quarkus.qute.RawString;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A project's retrospective page (RetrospectiveResource/retrospective.html): what it holds, each form with what was
 * typed into it when it was refused, and the link made just now, if any.
 */
record RetrospectivePage(UUID siteId, String siteName, UUID projectId, String projectName, String base, boolean started,
        String live, String heldOn, String heldOnSaved, RawString summary, String summarySource, long version,
        String detailsProblem, List<SectionView> sections, List<ParticipantView> participants, Map<String, String> participantInput,
        String participantProblem, List<ActionView> actions, Map<String, String> actionInput, String actionProblem,
        List<Option> itemOptions, List<ProposalView> proposals, List<ProjectLinkView> links,
        Map<String, String> linkInput, String linkProblem, String createdUrl, String createdLabel,
        List<Option> sides) {

    public String linksPath() {
        return base + "/links";
    }

    /**
     * What an item form shows: typed input after a refusal, else the item's values (or blanks); linkOptions are the
     * options of its "Linked to" list, rendered with its link chosen.
     */
    public record ItemInput(String section, String title, String notes, String tags, String link, String problem,
            RawString linkOptions) {
    }

    public record ProposalView(UUID id, UUID itemId, String change, String summary, String template, String statusLabel,
            String statusClass, boolean pending, String proposed, String decided, String note, Integer resultingVersion) {
    }

    public record ItemView(UUID id, String section, String title, RawString notes, List<String> tags, String linkKind,
            String linkLabel, String author, boolean fromPartner, String when, long version, List<ProposalView> proposals,
            ItemInput edit, boolean editOpen, String proposeLink) {
    }

    public record SectionView(String key, String slug, String label, String prompt, boolean scopeChange, List<ItemView> items,
            ItemInput add, boolean addOpen) {
    }

    public record ParticipantView(UUID id, String name, String role, String side) {
    }

    public record ActionView(UUID id, String title, String owner, String due, boolean overdue, String status,
            String statusLabel, String statusClass, String item, long version, String action, List<Option> statuses,
            String problem) {
    }
}
