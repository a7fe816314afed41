package dev.siteready.scoping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one question card's form sent, from a member or a partner: the question and subject it is about, the version of
 * the answer it was shown with, and every field as sent. The fields stay a map because a table's cells are named
 * {@code cell-<row>-<column>}; everything else reads them through this record.
 */
public record AnswerPost(String question, String subject, String version, Map<String, List<String>> fields) {

    /** A post with no fields (a refused comment or follow-up keeps nothing typed into the answer). */
    static final AnswerPost NONE = new AnswerPost("", "", "", Map.of());

    public AnswerPost {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields)); // in the form's order: the first bad cell is named
    }

    /** The post from the form's fields (e.g. a JAX-RS MultivaluedMap). */
    public static AnswerPost of(Map<String, List<String>> form) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        form.forEach((name, values) -> fields.put(name, values == null ? List.of()
                : values.stream().map(v -> v == null ? "" : v).toList()));
        return new AnswerPost(first(fields, "question"), first(fields, "subject"), first(fields, "version"), fields);
    }

    /** The first value of the field, or "" when it was not sent. */
    public String first(String name) {
        return first(fields, name);
    }

    /** Every value sent for the field (a multiple choice sends several). */
    public List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }

    private static String first(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
