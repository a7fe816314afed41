package dev.siteready.scoping;

import dev.siteready.scoping.QuestionnaireDefinition.Choice;
import dev.siteready.scoping.QuestionnaireDefinition.Column;
import dev.siteready.scoping.QuestionnaireDefinition.Condition;
import dev.siteready.scoping.QuestionnaireDefinition.Question;
import dev.siteready.web.PlainText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A new question written in a form, for the template editor and for a retrospective's proposal: its wording, type,
 * options or columns, repetition and condition, each checked with a message to show.
 */
public final class QuestionForms {

    private QuestionForms() {
    }

    /** A new question from the fields of a form (a retrospective's proposal), or an IllegalArgumentException with the message to show. */
    public static Question question(QuestionnaireDefinition draft, Map<String, String> in) {
        return question(draft, QuestionForm.of(in));
    }

    /** A new question from the form, or an IllegalArgumentException with the message to show. */
    public static Question question(QuestionnaireDefinition draft, QuestionForm in) {
        String label = in.label().trim();
        String help = in.help().trim();
        if (!PlainText.Validator.isName(label, 300) || !PlainText.Validator.fits(help, 1000)) {
            throw new IllegalArgumentException("Write the question (1 to 300 characters) and help text of up to 1,000.");
        }
        QuestionType type = QuestionType.parseStrict(in.type());
        if (type == null) {
            throw new IllegalArgumentException("Choose the type of answer.");
        }
        List<Choice> options = List.of();
        if (type.hasChoices()) {
            options = choices(in.options());
            if (options.size() < 2) {
                throw new IllegalArgumentException("List at least two options, one per line.");
            }
        }
        List<Column> columns = type == QuestionType.TABLE ? columns(in.columns()) : List.of();
        return new Question("custom." + shortId(), type.name(), label, help, in.isRequired(), options, columns,
                Repeat.parse(in.repeat()).name(), condition(draft, in));
    }

    /** The condition for showing the question: another yes/no or choice question of the draft has a given answer. */
    private static Condition condition(QuestionnaireDefinition draft, QuestionForm in) {
        String controlling = in.showIfQuestion().trim();
        if (controlling.isEmpty()) {
            return null;
        }
        Question other = draft.question(controlling).orElseThrow(() -> new IllegalArgumentException("Choose a question of this template for the condition."));
        String value = in.showIfValue().trim();
        List<String> allowed = other.kind() == QuestionType.YES_NO_UNKNOWN
                ? Arrays.stream(AnswerValues.YesNo.values()).map(Enum::name).toList()
                : other.options().stream().map(Choice::value).toList();
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("Show the question when \"" + other.label() + "\" is one of: " + String.join(", ", allowed)
                    + " (conditions work on yes/no and choice questions).");
        }
        return new Condition(controlling, value);
    }

    /** One option per line: "Label", or "VALUE = Label". */
    static List<Choice> choices(String text) {
        List<Choice> choices = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String l = line.trim();
            if (l.isEmpty()) {
                continue;
            }
            int eq = l.indexOf('=');
            String value = eq > 0 ? l.substring(0, eq).trim() : l.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
            String label = eq > 0 ? l.substring(eq + 1).trim() : l;
            if (value.isEmpty() || value.length() > 60 || label.isEmpty() || label.length() > 200 || !PlainText.Validator.isPlain(l)) {
                throw new IllegalArgumentException("Each option is up to 200 characters: \"Label\" or \"VALUE = Label\".");
            }
            if (choices.stream().noneMatch(c -> c.value().equals(value))) {
                choices.add(new Choice(value, label));
            }
        }
        if (choices.size() > 50) {
            throw new IllegalArgumentException("A question offers up to 50 options.");
        }
        return choices;
    }

    /** One column per line: "Label", "Label | NUMBER", "Label | DATE" or "Label | CHOICE | option, option". */
    static List<Column> columns(String text) {
        List<Column> columns = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", 3);
            String label = parts[0].trim();
            String type = parts.length > 1 ? parts[1].trim().toUpperCase(Locale.ROOT) : "TEXT";
            if (label.isEmpty() || label.length() > 80 || !PlainText.Validator.isPlain(line)
                    || !List.of("TEXT", "NUMBER", "DATE", "CHOICE").contains(type)) {
                throw new IllegalArgumentException("Each column is \"Label\", \"Label | NUMBER\", \"Label | DATE\" or \"Label | CHOICE | option, option\".");
            }
            List<Choice> options = List.of();
            if (type.equals("CHOICE")) {
                options = choices(parts.length > 2 ? String.join("\n", parts[2].split(",")) : "");
                if (options.size() < 2) {
                    throw new IllegalArgumentException("A choice column lists at least two options: \"Label | CHOICE | option, option\".");
                }
            }
            columns.add(new Column("c" + columns.size(), label, type, options));
        }
        if (columns.isEmpty() || columns.size() > 8) {
            throw new IllegalArgumentException("A table has 1 to 8 columns, one per line.");
        }
        return columns;
    }

    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

}
