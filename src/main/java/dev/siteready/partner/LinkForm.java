package dev.siteready.partner;

import dev.siteready.web.Forms;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;
import java.util.Objects;

/**
 * A new questionnaire link: who it is for, after how many days it expires, and which sections it opens (none: all).
 * Checked by {@link PartnerLinks#problem(dev.siteready.scoping.QuestionnaireDefinition, LinkForm)}, whose label and
 * days rules every kind of partner link shares.
 */
record LinkForm(@RestForm String label, @RestForm String days, @RestForm List<String> sections) {

    public static final LinkForm NONE = new LinkForm("", String.valueOf(PartnerLink.DEFAULT_DAYS), List.of());

    public LinkForm {
        label = Forms.text(label).trim();
        days = Forms.text(days).trim();
        sections = sections == null ? List.of() : sections.stream().filter(Objects::nonNull).filter(s -> !s.isBlank()).distinct().toList();
    }
}
