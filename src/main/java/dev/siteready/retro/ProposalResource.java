package dev.siteready.retro;

import dev.siteready.web.Dates;
import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.scoping.QuestionnaireViews;
import dev.siteready.web.Flash;
import dev.siteready.web.PlainText;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Proposals waiting for a manager, and the decisions made: accepting publishes the template's next version. */
@Path("/retrospectives/proposals")
@Produces(MediaType.TEXT_HTML)
public class ProposalResource {

    static final int SHOWN = 50;

    public record ProposalRow(UUID id, String change, String summary, String template, String templateLink, String site,
            String project, String item, String retrospectiveLink, String proposed, String decided, String statusLabel,
            String statusClass, String note, Integer resultingVersion, long version, String typedNote, String problem) {
    }

    public record Proposals(List<ProposalRow> pending, List<ProposalRow> accepted, List<ProposalRow> rejected) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance proposals(Proposals proposals);
    }

    @Inject
    TemplateChanges changes;

    @Inject
    SecurityIdentity identity;

    @GET
    @Transactional
    public TemplateInstance list() {
        return Templates.proposals(proposals(null, null, null));
    }

    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response accept(@RestPath UUID id, @RestForm String note, @RestForm String version) {
        TemplateProposal proposal = proposal(id);
        String clean = note == null ? "" : note.strip();
        String problem = problem(proposal, clean, version);
        if (problem == null) {
            try {
                int number = changes.accept(proposal, clean, Actors.describe(identity));
                return Flash.seeOther("/retrospectives/proposals#decided", "Accepted: version " + number + " of "
                        + proposal.templateName() + " is published. " + (proposal.change.questionnaire
                                ? "New questionnaires start from it." : "New sites made from the template start from it."));
            } catch (TemplateChanges.Refused e) {
                problem = e.getMessage();
            }
        }
        return refused(id, clean, problem);
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response reject(@RestPath UUID id, @RestForm String note, @RestForm String version) {
        TemplateProposal proposal = proposal(id);
        String clean = note == null ? "" : note.strip();
        String problem = problem(proposal, clean, version);
        if (problem == null && clean.isEmpty()) {
            problem = "Say why it is rejected, so the team knows.";
        }
        if (problem != null) {
            return refused(id, clean, problem);
        }
        proposal.status = TemplateProposal.Status.REJECTED;
        proposal.decidedBy = Actors.describe(identity);
        proposal.decidedAt = OffsetDateTime.now();
        proposal.decisionNote = clean;
        return Flash.seeOther("/retrospectives/proposals#decided", "Rejected: " + proposal.summary);
    }

    private Response refused(UUID id, String note, String problem) {
        TemplateProposal.getEntityManager().clear(); // nothing of a refused decision is kept
        return Response.status(problem.startsWith("Someone") || problem.startsWith("Already") ? 409 : 400)
                .entity(Templates.proposals(proposals(id, note, problem))).build();
    }

    private static String problem(TemplateProposal proposal, String note, String version) {
        if (proposal.status != TemplateProposal.Status.PROPOSED) {
            return "Already decided: " + proposal.status.label.toLowerCase(java.util.Locale.ROOT) + " by " + proposal.decidedBy + ".";
        }
        if (version != null && !version.isBlank() && !version.strip().equals(String.valueOf(proposal.version))) {
            return "Someone else changed this proposal; it is shown as it is now.";
        }
        if (!PlainText.Validator.fits(note, 1000)) {
            return "Keep the note to 1,000 characters of text.";
        }
        return null;
    }

    private static TemplateProposal proposal(UUID id) {
        TemplateProposal proposal = TemplateProposal.withContext(id);
        if (proposal == null) {
            throw new NotFoundException();
        }
        return proposal;
    }

    static Proposals proposals(UUID typedFor, String typedNote, String problem) {
        return new Proposals(rows(TemplateProposal.Status.PROPOSED, typedFor, typedNote, problem),
                rows(TemplateProposal.Status.ACCEPTED, null, null, null), rows(TemplateProposal.Status.REJECTED, null, null, null));
    }

    private static List<ProposalRow> rows(TemplateProposal.Status status, UUID typedFor, String typedNote, String problem) {
        return TemplateProposal.listWithContext(status, SHOWN).stream().map(p -> {
            boolean mine = p.id.equals(typedFor);
            Retrospective r = p.retrospective;
            return new ProposalRow(p.id, p.change.label, p.summary, p.templateName(),
                    p.templateLink(),
                    r.project.site.name, r.project.name, p.item == null ? "(item deleted)" : p.item.title,
                    "/retrospectives/" + r.id, p.proposedBy + ", " + Dates.utc(p.proposedAt),
                    p.decidedAt == null ? "" : p.decidedBy + ", " + Dates.utc(p.decidedAt), p.status.label, p.status.cssClass(),
                    p.decisionNote, p.resultingVersion, p.version, mine ? typedNote : "", mine ? problem : null);
        }).toList();
    }
}
