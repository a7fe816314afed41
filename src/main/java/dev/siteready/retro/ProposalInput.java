package dev.siteready.retro;

import dev.siteready.web.Forms;
import org.jboss.resteasy.reactive.RestForm;

import java.util.Map;

/**
 * A proposed template change as typed: the kind of change, what it touches (a target's value) and, for questions, the
 * wording, help text, type and options. {@link TemplateChanges} checks it against the templates as they are now.
 */
record ProposalInput(@RestForm String change, @RestForm String target, @RestForm String label, @RestForm String help,
        @RestForm String type, @RestForm String options) {

    public ProposalInput {
        change = Forms.text(change);
        target = Forms.text(target);
        label = Forms.text(label);
        help = Forms.text(help);
        type = Forms.text(type);
        options = Forms.text(options);
    }

    /** A new form, starting at the target (and, for rewording, the question's current words). */
    static ProposalInput startingAt(TemplateProposal.Change change, String target, String label, String help) {
        return new ProposalInput(change.name(), target, label, help, "SHORT_TEXT", "");
    }

    Map<String, String> typed() {
        return Map.of("target", target, "label", label, "help", help, "type", type, "options", options);
    }
}
