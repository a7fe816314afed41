package dev.siteready.retro;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

import java.time.LocalDate;
import java.util.Map;

/** A new action item: what, who, by when, and the item it comes from (an id of this retrospective's items, or none). */
record ActionForm(
        @RestForm
        @NotBlank(message = ActionForm.TITLE)
        @Size(max = RetroAction.MAX_TITLE, message = ActionForm.TITLE)
        @PlainText(message = ActionForm.TITLE)
        String title,

        @RestForm
        @NotBlank(message = ActionForm.OWNER)
        @Size(max = 120, message = ActionForm.OWNER)
        @PlainText(message = ActionForm.OWNER)
        String owner,

        @RestForm String due,

        @RestForm String item) {

    static final String TITLE = "Say what is to be done, up to 300 characters.";
    static final String OWNER = "Name who owns the action, up to 120 characters.";
    static final String DUE = "Give the due date as a date between 2000 and 2099, or leave it empty.";
    static final String ITEM = "Choose one of this retrospective's items, or none.";

    public ActionForm {
        title = Forms.text(title).trim();
        owner = Forms.text(owner).trim();
        due = Forms.text(due).trim();
        item = Forms.text(item).trim();
    }

    @AssertTrue(message = DUE)
    public boolean isDueADate() {
        return due.isEmpty() || Forms.date(due) != null;
    }

    LocalDate dueOn() {
        return Forms.date(due);
    }

    Map<String, String> typed() {
        return Map.of("title", title, "owner", owner, "due", due, "item", item);
    }
}
