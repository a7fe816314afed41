package dev.siteready.profiling;

import dev.siteready.scoping.AnswerKey;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jboss.resteasy.reactive.RestForm;

/** A decision on one suggested answer: accept it (over the answer at the version the page showed) or ignore it. */
record SuggestionForm(
        @RestForm String question,
        @RestForm String subject,
        @RestForm String version,
        @RestForm
        @NotNull(message = SuggestionForm.DECISION)
        @Pattern(regexp = "accept|ignore", message = SuggestionForm.DECISION)
        String decision) {

    static final String DECISION = "Accept or ignore the suggestion.";

    /** The answer the suggestion is for. */
    public AnswerKey key() {
        return AnswerKey.of(question, subject);
    }

    public boolean accepts() {
        return "accept".equals(decision);
    }
}
