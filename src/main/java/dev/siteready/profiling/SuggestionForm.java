package dev.siteready.profiling;

import dev.siteready.scoping.AnswerKey;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** A decision on one suggested answer: accept it (over the answer at the version the page showed) or ignore it. */
record SuggestionForm(
        @RestForm @Size(max = 200, message = SuggestionForm.UNKNOWN) String question,
        @RestForm @Size(max = 2000, message = SuggestionForm.UNKNOWN) String subject,
        @RestForm String version,
        @RestForm
        @NotNull(message = SuggestionForm.DECISION)
        @Pattern(regexp = "accept|ignore", message = SuggestionForm.DECISION)
        String decision) {

    static final String DECISION = "Accept or ignore the suggestion.";
    /** Question keys are short ("patient.id_types", "custom.1a2b3c4d"); the question becomes the card's anchor. */
    static final String UNKNOWN = "This suggestion is not one of the profile's.";

    /** The answer the suggestion is for. */
    public AnswerKey key() {
        return AnswerKey.of(question, subject);
    }

    public boolean accepts() {
        return "accept".equals(decision);
    }
}
