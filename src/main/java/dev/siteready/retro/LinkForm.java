package dev.siteready.retro;

import dev.siteready.partner.PartnerLink;
import dev.siteready.partner.PartnerLinks;
import dev.siteready.web.Forms;
import org.jboss.resteasy.reactive.RestForm;

import java.util.Map;

/** A new retrospective link: whom it is for and for how many days it works (checked by the partner links' rules). */
record LinkForm(@RestForm String label, @RestForm String days) {

    static final LinkForm EMPTY = new LinkForm("", String.valueOf(PartnerLink.DEFAULT_DAYS));

    public LinkForm {
        label = Forms.text(label).trim();
        days = Forms.text(days).trim();
    }

    String problem() {
        return PartnerLinks.problem(label, days);
    }

    Map<String, String> typed() {
        return Map.of("label", label, "days", days);
    }
}
