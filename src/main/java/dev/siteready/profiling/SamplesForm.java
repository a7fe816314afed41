package dev.siteready.profiling;

import jakarta.validation.constraints.NotBlank;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The page's samples form: the pasted text (a chosen file is read into the same box by the browser). Its size and
 * whether it is text are checked by {@link SampleInput}, which answers with their own statuses (413, 415).
 */
record SamplesForm(
        @RestForm
        @NotBlank(message = SampleInput.NOTHING_SENT)
        String samples) {
}
