package dev.siteready.retro;

import dev.siteready.web.Dates;

import java.util.List;
import java.util.UUID;

/** The template proposals of every retrospective: those waiting for a manager, and those decided (newest first). */
record ProposalsPage(List<ProposalRow> pending, List<ProposalRow> accepted, List<ProposalRow> rejected) {

    static final int SHOWN = 50;

    public record ProposalRow(UUID id, String change, String summary, String template, String templateLink, String site,
            String project, String item, String retrospectiveLink, String proposed, String decided, String statusLabel,
            String statusClass, String note, Integer resultingVersion, long version, String typedNote, String problem) {
    }

    /** The lists, with a refused decision's note and reason beside its proposal. */
    static ProposalsPage of(RefusedInput refused) {
        return new ProposalsPage(rows(TemplateProposal.Status.PROPOSED, refused), rows(TemplateProposal.Status.ACCEPTED, RefusedInput.NONE),
                rows(TemplateProposal.Status.REJECTED, RefusedInput.NONE));
    }

    private static List<ProposalRow> rows(TemplateProposal.Status status, RefusedInput refused) {
        return TemplateProposal.listWithContext(status, SHOWN).stream().map(p -> {
            boolean mine = refused.isFor(p.id.toString());
            Retrospective r = p.retrospective;
            return new ProposalRow(p.id, p.change.label, p.summary, p.templateName(), p.templateLink(),
                    r.project.site.name, r.project.name, p.item == null ? "(item deleted)" : p.item.title,
                    "/retrospectives/" + r.id, p.proposedBy + ", " + Dates.utc(p.proposedAt),
                    p.decidedAt == null ? "" : p.decidedBy + ", " + Dates.utc(p.decidedAt), p.status.label, p.status.cssClass(),
                    p.decisionNote, p.resultingVersion, p.version, mine ? refused.value("note") : "", mine ? refused.problem() : null);
        }).toList();
    }
}
