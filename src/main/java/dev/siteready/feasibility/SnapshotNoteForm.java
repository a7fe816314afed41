package dev.siteready.feasibility;

import dev.siteready.web.FormErrors;
import dev.siteready.web.PlainText;
import jakarta.validation.ConstraintViolation;
import org.jboss.resteasy.reactive.RestForm;

import java.util.Set;

/** The note published with a snapshot (optional), without the spaces around it. */
record SnapshotNoteForm(
        @RestForm
        @PlainText(message = "Remove the control characters (such as NUL) from the note.")
        String note) {

    static final int NOTE_MAX = 500;

    public SnapshotNoteForm {
        note = note == null ? "" : note.strip();
    }

    /**
     * A note too long first, with its length (which an annotation's message cannot say with thousands separators), then
     * what the annotations found.
     */
    FormErrors errors(Set<ConstraintViolation<SnapshotNoteForm>> violations) {
        FormErrors errors = FormErrors.none();
        if (note.length() > NOTE_MAX) {
            errors.add("note", "Keep the note to " + NOTE_MAX + " characters (it has " + String.format("%,d", note.length()) + ").");
        }
        FormErrors.of(violations).all().forEach(errors::add);
        return errors;
    }

    /** The note as the refused form shows it again: a pasted novel is cut to ten times what fits. */
    String shown() {
        return note.length() > 10 * NOTE_MAX ? note.substring(0, 10 * NOTE_MAX) : note;
    }
}
