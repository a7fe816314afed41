package dev.siteready.retro;

import dev.siteready.web.FormErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;

import java.util.Locale;
import java.util.UUID;

/**
 * A manager accepting or rejecting a proposed template change. A proposal is decided once; a decision refused leaves
 * nothing changed.
 */
@ApplicationScoped
class ProposalDecisions {

    @Inject
    TemplateChanges changes;

    @Inject
    Validator validator;

    /** The proposal, locked until the decision is made, or 404. */
    static TemplateProposal proposal(UUID id) {
        TemplateProposal proposal = TemplateProposal.withContext(id);
        if (proposal == null) {
            throw new NotFoundException();
        }
        return proposal;
    }

    /** Accepts it, publishing the template's next version; done with that version's number. */
    public Outcome<Integer> accept(TemplateProposal proposal, DecisionForm form, String actor) {
        RefusedInput refused = check(proposal, form);
        if (refused == null) {
            try {
                return Outcome.done(changes.accept(proposal, form.note(), actor));
            } catch (TemplateChanges.Refused e) {
                refused = RefusedInput.of(proposal.id.toString(), form.typed(), e.getMessage());
            }
        }
        return refused(refused);
    }

    public Outcome<TemplateProposal> reject(TemplateProposal proposal, DecisionForm form, String actor) {
        RefusedInput refused = check(proposal, form);
        if (refused == null && form.note().isEmpty()) {
            refused = RefusedInput.of(proposal.id.toString(), form.typed(), "Say why it is rejected, so the team knows.");
        }
        if (refused != null) {
            return refused(refused);
        }
        proposal.reject(actor, form.note());
        return Outcome.done(proposal);
    }

    private RefusedInput check(TemplateProposal proposal, DecisionForm form) {
        String name = proposal.id.toString();
        if (!proposal.pending()) {
            return RefusedInput.stale(name, form.typed(), "Already decided: " + proposal.status.label.toLowerCase(Locale.ROOT)
                    + " by " + proposal.decidedBy + ".");
        }
        if (!form.version().isEmpty() && !form.version().equals(String.valueOf(proposal.version))) {
            return RefusedInput.stale(name, form.typed(), "Someone else changed this proposal; it is shown as it is now.");
        }
        String problem = RefusedInput.first(FormErrors.of(validator.validate(form)), "note");
        return problem == null ? null : RefusedInput.of(name, form.typed(), problem);
    }

    private static <T> Outcome<T> refused(RefusedInput refused) {
        TemplateProposal.getEntityManager().clear(); // nothing of a refused decision is kept
        return Outcome.refused(refused);
    }
}
