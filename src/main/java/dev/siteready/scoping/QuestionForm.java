package dev.siteready.scoping;

import dev.siteready.web.Forms;
import org.jboss.resteasy.reactive.RestForm;

import java.util.Map;

/**
 * A new question as the template editor's form sends it (and as a retrospective proposes one). The rules for it
 * depend on each other (options for choice types, columns for tables, a condition on another question of the draft),
 * so {@link QuestionForms} checks them all, for both. {@code version} is the template's version the form was shown
 * with; {@code required} is a checkbox ("on" or "true" when ticked).
 */
record QuestionForm(
        @RestForm String version,
        @RestForm String section,
        @RestForm String label,
        @RestForm String help,
        @RestForm String type,
        @RestForm String options,
        @RestForm String columns,
        @RestForm String repeat,
        @RestForm String showIfQuestion,
        @RestForm String showIfValue,
        @RestForm String required) {

    public static final QuestionForm EMPTY = new QuestionForm(null, "", "", "", "", "", "", "", "", "", "");

    public QuestionForm {
        section = Forms.text(section);
        label = Forms.text(label);
        help = Forms.text(help);
        type = Forms.text(type);
        options = Forms.text(options);
        columns = Forms.text(columns);
        repeat = Forms.text(repeat);
        showIfQuestion = Forms.text(showIfQuestion);
        showIfValue = Forms.text(showIfValue);
        required = Forms.text(required);
    }

    /** The same fields from a map of field names to values (a retrospective's proposal). */
    public static QuestionForm of(Map<String, String> in) {
        return new QuestionForm(in.get("version"), in.get("section"), in.get("label"), in.get("help"), in.get("type"),
                in.get("options"), in.get("columns"), in.get("repeat"), in.get("showIfQuestion"), in.get("showIfValue"),
                in.get("required"));
    }

    public boolean isRequired() {
        return "on".equals(required) || "true".equals(required);
    }
}
