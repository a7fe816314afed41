package dev.siteready.scoping;

import java.util.List;

/**
 * One question card as the questionnaire pages show it (to members and to partners): the question for one
 * subject, its current (or just typed) answer, comments and what happened on the last save.
 */
public record QuestionView(String id, String key, String subject, String title, String help, String type, boolean required,
        boolean visible, boolean answered, boolean followUp, String version, String text, List<Choice> options,
        List<ColumnHead> columns, List<Row> rows, String display, List<Comment> comments, long changes, String problem,
        Conflict conflict, String saved, Urls urls, boolean editable, String origin, String originLink) {

    public record Choice(String id, String value, String label, boolean checked) {
    }

    public record ColumnHead(String key, String label) {
    }

    public record Row(int index, List<Cell> cells) {
    }

    public record Cell(String name, String id, String label, String value, boolean choice, List<Choice> options) {
    }

    public record Comment(String author, boolean fromPartner, String body, String at) {
    }

    /** The answer someone else saved in the meantime, shown next to the one just typed. */
    public record Conflict(String theirs, String by, String at) {
    }

    /** Where the card's forms post; follow-up and history are null where they are not offered (partners). */
    public record Urls(String page, String answer, String followUp, String comment, String history) {
    }

    public boolean isYesNo() {
        return type.equals(QuestionType.YES_NO_UNKNOWN.name());
    }

    public boolean isSingleChoice() {
        return type.equals(QuestionType.SINGLE_CHOICE.name());
    }

    public boolean isMultiChoice() {
        return type.equals(QuestionType.MULTI_CHOICE.name());
    }

    public boolean isLongText() {
        return type.equals(QuestionType.LONG_TEXT.name());
    }

    public boolean isNumber() {
        return type.equals(QuestionType.NUMBER.name());
    }

    public boolean isDate() {
        return type.equals(QuestionType.DATE.name());
    }

    public boolean isTable() {
        return type.equals(QuestionType.TABLE.name());
    }

    public boolean hasHelp() {
        return !help.isEmpty();
    }

    public String state() {
        return conflict != null ? "conflict" : problem != null ? "invalid" : followUp ? "follow-up" : answered ? "answered" : "open";
    }

    public String stateLabel() {
        return switch (state()) {
            case "conflict" -> "Changed by someone else";
            case "invalid" -> "Not saved";
            case "follow-up" -> "Needs follow-up";
            case "answered" -> "Answered";
            default -> required ? "Not answered yet (required)" : "Not answered yet";
        };
    }
}
