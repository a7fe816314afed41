package dev.siteready.retro;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

import java.util.Map;

/** What the health system's contact adds through a retrospective link: a section, a title and notes (no tags or links). */
record PartnerNoteForm(
        @RestForm String section,

        @RestForm
        @NotBlank(message = ItemForm.TITLE)
        @Size(max = RetroItem.MAX_TITLE, message = ItemForm.TITLE)
        @PlainText(message = ItemForm.TITLE)
        String title,

        @RestForm
        @Size(max = RetroItem.MAX_NOTES, message = ItemForm.NOTES)
        @PlainText(message = ItemForm.NOTES)
        String notes) {

    static final String SECTION = "Choose the section your note belongs to.";

    public PartnerNoteForm {
        section = Forms.text(section);
        title = Forms.text(title).trim();
        notes = Forms.text(notes);
    }

    static PartnerNoteForm empty() {
        return new PartnerNoteForm(RetroItem.Section.WENT_WELL.name(), "", "");
    }

    @AssertTrue(message = SECTION)
    public boolean isSectionKnown() {
        return chosenSection() != null;
    }

    RetroItem.Section chosenSection() {
        return RetroItem.Section.parse(section);
    }

    Map<String, String> typed() {
        return Map.of("section", section, "title", title, "notes", notes);
    }
}
