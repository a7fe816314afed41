package dev.siteready.scoping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.siteready.scoping.QuestionnaireDefinition.Choice;
import dev.siteready.scoping.QuestionnaireDefinition.Column;
import dev.siteready.scoping.QuestionnaireDefinition.Question;
import dev.siteready.web.PlainText;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers as JSON: reading them from a form (with a message for anything not acceptable), showing them in
 * words, and telling whether a question counts as answered.
 */
public final class AnswerValues {

    public static final int SHORT_TEXT_MAX = 500;
    public static final int LONG_TEXT_MAX = 10_000;
    public static final int CELL_MAX = 200;
    public static final int MAX_ROWS = 50;
    private static final BigDecimal NUMBER_LIMIT = new BigDecimal("1000000000000");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A value read from a form: the JSON to store (null = no answer) or the problem to show. */
    public record Parsed(JsonNode value, String problem) {
        static Parsed ok(JsonNode value) {
            return new Parsed(value, null);
        }

        static Parsed invalid(String problem) {
            return new Parsed(null, problem);
        }

        public boolean isValid() {
            return problem == null;
        }
    }

    private AnswerValues() {
    }

    /**
     * Reads the answer to a question from the submitted values: {@code value} (repeated for multiple
     * choice) or, for tables, {@code cell-<row>-<column>}. Blank input clears the answer; blank table rows
     * are dropped.
     */
    public static Parsed parse(Question question, Map<String, List<String>> form) {
        List<String> values = form.getOrDefault("value", List.of());
        String single = values.isEmpty() || values.get(0) == null ? "" : values.get(0).trim();
        switch (question.kind()) {
            case YES_NO_UNKNOWN -> {
                if (single.isEmpty()) {
                    return Parsed.ok(null);
                }
                return YesNo.parse(single) == null ? Parsed.invalid("Choose yes, no or unknown.") : Parsed.ok(TextNode.valueOf(single));
            }
            case SINGLE_CHOICE -> {
                if (single.isEmpty()) {
                    return Parsed.ok(null);
                }
                return question.option(single).isPresent() ? Parsed.ok(TextNode.valueOf(single))
                        : Parsed.invalid("Choose one of the options listed.");
            }
            case MULTI_CHOICE -> {
                return multiChoice(question, values);
            }
            case SHORT_TEXT, LONG_TEXT -> {
                return freeText(question, values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip());
            }
            case NUMBER -> {
                if (single.isEmpty()) {
                    return Parsed.ok(null);
                }
                String number = number(single);
                if (number == null) {
                    return Parsed.invalid("Enter a number, such as 3 or 2500.");
                }
                String outOfRange = NumberRange.of(question).problem(number);
                return outOfRange != null ? Parsed.invalid(outOfRange) : Parsed.ok(TextNode.valueOf(number));
            }
            case DATE -> {
                if (single.isEmpty()) {
                    return Parsed.ok(null);
                }
                String date = date(single);
                return date == null ? Parsed.invalid("Enter a date as YYYY-MM-DD, between 1900 and 2199.") : Parsed.ok(TextNode.valueOf(date));
            }
            case TABLE -> {
                return table(question, form);
            }
            default -> throw new IllegalStateException();
        }
    }

    private static Parsed multiChoice(Question question, List<String> values) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                if (question.option(v.trim()).isEmpty()) {
                    return Parsed.invalid("Choose only options listed.");
                }
                chosen.add(v.trim());
            }
        }
        if (chosen.isEmpty()) {
            return Parsed.ok(null);
        }
        ArrayNode array = JSON.arrayNode();
        question.options().stream().map(Choice::value).filter(chosen::contains).forEach(array::add);
        return Parsed.ok(array);
    }

    private static Parsed freeText(Question question, String text) {
        int max = question.kind() == QuestionType.SHORT_TEXT ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
        if (!PlainText.Validator.fits(text, max)) {
            return Parsed.invalid(text.length() > max
                    ? "Keep this answer to " + String.format("%,d", max) + " characters (it has " + String.format("%,d", text.length()) + ")."
                    : "Remove the control characters (such as NUL) from this answer.");
        }
        return Parsed.ok(text.isEmpty() ? null : TextNode.valueOf(text));
    }

    private static Parsed table(Question question, Map<String, List<String>> form) {
        Map<Integer, ObjectNode> rows = new TreeMap<>();
        Map<String, Column> columns = question.columns().stream().collect(Collectors.toMap(Column::key, Function.identity()));
        for (Map.Entry<String, List<String>> entry : form.entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith("cell-")) {
                continue;
            }
            int dash = name.indexOf('-', 5);
            Integer row = dash < 0 ? null : index(name.substring(5, dash));
            Column column = dash < 0 ? null : columns.get(name.substring(dash + 1));
            if (row == null || column == null) {
                return Parsed.invalid("The table was sent in a shape SiteReady does not know; reload the page.");
            }
            String cell = entry.getValue().isEmpty() || entry.getValue().get(0) == null ? "" : entry.getValue().get(0).strip();
            if (cell.isEmpty()) {
                continue;
            }
            String problem = cellProblem(column, cell);
            if (problem != null) {
                return Parsed.invalid("Row " + (row + 1) + ", " + column.label() + ": " + problem);
            }
            String stored = "NUMBER".equals(column.type()) ? number(cell) : "DATE".equals(column.type()) ? date(cell) : cell;
            rows.computeIfAbsent(row, r -> JSON.objectNode()).put(column.key(), stored);
        }
        if (rows.size() > MAX_ROWS) {
            return Parsed.invalid("A table holds up to " + MAX_ROWS + " rows.");
        }
        if (rows.isEmpty()) {
            return Parsed.ok(null);
        }
        ArrayNode array = JSON.arrayNode();
        rows.values().forEach(array::add);
        return Parsed.ok(array);
    }

    private static String cellProblem(Column column, String cell) {
        if (!PlainText.Validator.fits(cell, CELL_MAX)) {
            return cell.length() > CELL_MAX ? "keep it to " + CELL_MAX + " characters." : "remove the control characters.";
        }
        return switch (column.type()) {
            case "NUMBER" -> number(cell) == null ? "enter a number." : null;
            case "DATE" -> date(cell) == null ? "enter a date as YYYY-MM-DD." : null;
            case "CHOICE" -> column.options().stream().anyMatch(o -> o.value().equals(cell)) ? null : "choose one of the options.";
            default -> null;
        };
    }

    private static Integer index(String s) {
        try {
            int i = Integer.parseInt(s);
            return i >= 0 && i < 1000 ? i : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String number(String s) {
        if (s.length() > 30) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(s.replace(",", ""));
            if (n.abs().compareTo(NUMBER_LIMIT) > 0 || n.scale() > 6) {
                return null;
            }
            return n.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The date as YYYY-MM-DD if it is one between 1900 and 2199, else null. */
    public static String date(String s) {
        try {
            LocalDate d = LocalDate.parse(s);
            return d.getYear() < 1900 || d.getYear() > 2199 ? null : d.toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Whether the value counts as an answer (unknown counts: it is what the partner knows). */
    public static boolean isAnswered(JsonNode value) {
        return value != null && !value.isNull() && !(value.isArray() && value.isEmpty())
                && !(value.isTextual() && value.asText().isBlank());
    }

    /** The chosen values of a choice answer (one for single choice and yes/no). */
    public static List<String> chosen(JsonNode value) {
        List<String> chosen = new ArrayList<>();
        if (value == null || value.isNull()) {
            return chosen;
        }
        if (value.isArray()) {
            value.forEach(v -> {
                if (v.isTextual()) {
                    chosen.add(v.asText());
                }
            });
        } else if (value.isValueNode()) {
            chosen.add(value.asText());
        }
        return chosen;
    }

    /** Text of a scalar answer, or "" (also for values of another shape, e.g. after a type change). */
    public static String text(JsonNode value) {
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    /** The rows of a table answer; each row maps column keys to cell text. */
    public static List<Map<String, String>> rows(JsonNode value) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(row -> {
                if (row.isObject()) {
                    Map<String, String> cells = new java.util.LinkedHashMap<>();
                    row.fields().forEachRemaining(f -> cells.put(f.getKey(), f.getValue().asText()));
                    rows.add(cells);
                }
            });
        }
        return rows;
    }

    /** Whether a condition's value holds for the answer: equal, or contained in a multiple choice. */
    public static boolean matches(JsonNode value, String expected) {
        return expected != null && chosen(value).contains(expected);
    }

    /** The answer in words, as a person reads it (choices by their labels, tables row by row). */
    public static String display(Question question, JsonNode value) {
        if (!isAnswered(value)) {
            return "";
        }
        if (question == null) {
            return value.toString();
        }
        return switch (question.kind()) {
            case YES_NO_UNKNOWN -> {
                YesNo yesNo = YesNo.parse(text(value));
                yield yesNo == null ? text(value) : yesNo.label;
            }
            case SINGLE_CHOICE, MULTI_CHOICE -> chosen(value).stream()
                    .map(v -> question.option(v).map(Choice::label).orElse(v)).collect(Collectors.joining(", "));
            case TABLE -> rows(value).stream().map(row -> question.columns().stream()
                    .map(c -> c.label() + ": " + cellLabel(c, row.getOrDefault(c.key(), "")))
                    .collect(Collectors.joining(", "))).collect(Collectors.joining("; "));
            default -> value.isValueNode() ? value.asText() : value.toString();
        };
    }

    static String cellLabel(Column column, String cell) {
        if (cell.isEmpty()) {
            return "—";
        }
        return column.options().stream().filter(o -> o.value().equals(cell)).map(Choice::label).findFirst().orElse(cell);
    }

    /** The three answers of a yes/no/unknown question. */
    public enum YesNo {
        YES("Yes"), NO("No"), UNKNOWN("Unknown");

        public final String label;

        YesNo(String label) {
            this.label = label;
        }

        static YesNo parse(String value) {
            for (YesNo v : values()) {
                if (v.name().equals(value)) {
                    return v;
                }
            }
            return null;
        }
    }
}
