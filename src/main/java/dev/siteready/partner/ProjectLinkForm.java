package dev.siteready.partner;

import dev.siteready.web.Forms;
import org.jboss.resteasy.reactive.RestForm;

import java.util.Map;

/**
 * A new link of a project's (a go-live sign-off or a retrospective): whom it is for and for how many days it works,
 * checked by the rules every partner link shares ({@link PartnerLinks#problem(String, String)}).
 */
public record ProjectLinkForm(@RestForm String label, @RestForm String days) {

    /** The form as a page first shows it: no name yet, the usual number of days. */
    public static final ProjectLinkForm EMPTY = new ProjectLinkForm("", String.valueOf(PartnerLink.DEFAULT_DAYS));

    public ProjectLinkForm {
        label = Forms.text(label).trim();
        days = Forms.text(days).trim();
    }

    /** What is wrong with it, or null. */
    public String problem() {
        return PartnerLinks.problem(label, days);
    }

    /** The days once the form passed its check. */
    public int validDays() {
        return Integer.parseInt(days);
    }

    /** The input by field name, to show again. */
    public Map<String, String> typed() {
        return Map.of("label", label, "days", days);
    }
}
