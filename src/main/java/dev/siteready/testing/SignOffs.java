package dev.siteready.testing;

import dev.siteready.partner.PartnerLink;
import dev.siteready.partner.PartnerLinks;
import dev.siteready.partner.ProjectLinkForm;
import dev.siteready.project.Project;
import dev.siteready.web.FormErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import java.util.UUID;

/**
 * Go-live sign-offs of the current scope version: the vendor's by a member, the health system's through a sign-off link
 * (made and revoked by members), each recorded in the history.
 */
@ApplicationScoped
class SignOffs {

    /** A new link's address, shown once, or why it was not made. */
    public record NewLink(String problem, PartnerLinks.Created created) {
    }

    @Inject
    Validator validator;

    @Inject
    PartnerLinks partnerLinks;

    public Outcome signForVendor(TestPlan plan, SignOffForm form, String actor) {
        Outcome refused = refusal(plan, form);
        if (refused != null) {
            return refused;
        }
        SignOff.record(plan, SignOff.Side.VENDOR, form.name(), form.role(), null);
        TestingActivity.record(plan.project(), actor, "Vendor sign-off of go-live by " + form.name() + " (" + form.role()
                + ") for scope version " + plan.scopeVersion() + ".");
        return Outcome.saved("Signed off for the vendor side (scope version " + plan.scopeVersion() + ").");
    }

    /**
     * The health system's sign-off through its link, from the client's network. A member signed in in the same browser
     * cannot give it: only the health system's contact signs there.
     */
    public Outcome signForPartner(TestPlan plan, SignOffForm form, PartnerLink link, String client, boolean memberSignedIn) {
        if (memberSignedIn) {
            return Outcome.refused(403, "You are signed in to SiteReady in this browser, so you cannot sign for the health"
                    + " system here. The health system's contact opens the link in a browser where nobody is signed in; the"
                    + " vendor signs on the project's testing page.");
        }
        Outcome refused = refusal(plan, form);
        if (refused != null) {
            return refused;
        }
        SignOff.record(plan, SignOff.Side.PARTNER, form.name(), form.role(), link);
        TestingActivity.record(plan.project(), link.label + " (sign-off link)", "Health system sign-off of go-live by "
                + form.name() + " (" + form.role() + ") for scope version " + plan.scopeVersion() + ".");
        partnerLinks.log(link, client, "Signed off go-live for scope version " + plan.scopeVersion());
        return Outcome.saved("Thank you: your sign-off was recorded.");
    }

    public NewLink createLink(TestPlan plan, ProjectLinkForm form, String actor, String requestBaseUrl) {
        String problem = form.problem();
        if (problem != null) {
            return new NewLink(problem, null);
        }
        PartnerLinks.Created created = partnerLinks.createSignOff(plan.project(), form.label(), form.validDays(),
                actor, requestBaseUrl);
        PartnerLink.flush();
        TestingActivity.record(plan.project(), actor, "Sign-off link created for " + form.label() + ".");
        return new NewLink(null, created);
    }

    /** Revokes the project's sign-off link and says so; another project's or purpose's link is not found. */
    public String revokeLink(Project project, UUID linkId, String actor) {
        PartnerLink link = partnerLinks.revoke(project, linkId, PartnerLink.Purpose.SIGN_OFF);
        TestingActivity.record(project, actor, "Sign-off link for " + link.label + " revoked.");
        return "The sign-off link for " + link.label + " was revoked.";
    }

    /** Why the sign-off is refused, or null. The scope version is the one the signer saw. */
    private Outcome refusal(TestPlan plan, SignOffForm form) {
        String problem = FirstProblem.of(FormErrors.of(validator.validate(form)), form);
        if (problem != null) {
            return Outcome.refused(400, problem);
        }
        if (!plan.scopeVersion().equals(form.scopeVersion())) {
            return Outcome.refused(409, "The scope changed while you were reading it (it is now version " + plan.scopeVersion()
                    + "). Read it again and sign the current version.");
        }
        return null;
    }
}
