package dev.siteready.retro;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;
import java.util.Map;

/**
 * A retrospective item as the team writes it: section, title, Markdown notes, tags separated by commas, and what it is
 * linked to (a value of the listed link options; checked against them by {@link Retrospectives}).
 */
record ItemForm(
        @RestForm String section,

        @RestForm
        @NotBlank(message = ItemForm.TITLE)
        @Size(max = RetroItem.MAX_TITLE, message = ItemForm.TITLE)
        @PlainText(message = ItemForm.TITLE)
        String title,

        @RestForm
        @Size(max = RetroItem.MAX_NOTES, message = ItemForm.NOTES)
        @PlainText(message = ItemForm.NOTES)
        String notes,

        @RestForm String tags,

        @RestForm String link,

        @RestForm String version) {

    static final String SECTION = "Choose the section the item belongs to.";
    static final String TITLE = "Give the item a title of 1 to " + RetroItem.MAX_TITLE + " characters.";
    static final String NOTES = "Keep the notes to 20,000 characters of text.";
    static final String TAGS = "Tags are up to 10 words of up to 40 letters, digits, dots or hyphens, separated by commas.";
    static final String MANY_TAGS = "Use up to " + RetroItem.MAX_TAGS + " tags on an item.";
    static final String LINK = "Link the item to one of the listed questions, requirements, events or fields, or to nothing.";
    static final String STALE = "Someone else changed this item while you were editing. Your input is shown; save again to replace theirs.";

    /** The fields whose messages are shown, in the form's order. */
    static final String[] CHECKED = { "title", "notes", "tagsReadable", "tagsFew" };

    public ItemForm {
        section = Forms.text(section);
        title = Forms.text(title).trim();
        notes = Forms.text(notes);
        tags = Forms.text(tags);
        link = Forms.text(link).trim();
        version = Forms.text(version).trim();
    }

    @AssertTrue(message = SECTION)
    public boolean isSectionKnown() {
        return chosenSection() != null;
    }

    @AssertTrue(message = TAGS)
    public boolean isTagsReadable() {
        return Tags.parse(tags) != null;
    }

    @AssertTrue(message = MANY_TAGS)
    public boolean isTagsFew() {
        List<String> parsed = Tags.parse(tags);
        return parsed == null || parsed.size() <= RetroItem.MAX_TAGS;
    }

    RetroItem.Section chosenSection() {
        return RetroItem.Section.parse(section);
    }

    List<String> tagList() {
        return Tags.parse(tags);
    }

    Map<String, String> typed() {
        return Map.of("section", section, "title", title, "notes", notes, "tags", tags, "link", link);
    }
}
