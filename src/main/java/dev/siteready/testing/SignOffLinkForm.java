package dev.siteready.testing;

import dev.siteready.partner.PartnerLink;
import dev.siteready.web.Forms;
import org.jboss.resteasy.reactive.RestForm;

/** A new sign-off link: whom it is for and how many days it works. Checked by the partner links' own rule. */
record SignOffLinkForm(
        @RestForm
        String label,

        @RestForm
        String days) {

    static final SignOffLinkForm EMPTY = new SignOffLinkForm("", String.valueOf(PartnerLink.DEFAULT_DAYS));

    public SignOffLinkForm {
        label = Forms.text(label).trim();
        days = Forms.text(days).trim();
    }
}
