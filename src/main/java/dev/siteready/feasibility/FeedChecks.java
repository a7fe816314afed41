package dev.siteready.feasibility;

import static dev.siteready.feasibility.FeasibilityRules.CONNECTION;
import static dev.siteready.feasibility.FeasibilityRules.DATA;
import static dev.siteready.feasibility.Placeholders.with;

import dev.siteready.feasibility.Finding.Source;
import dev.siteready.project.ConnectionMethod;
import dev.siteready.scoping.AnswerValues;
import dev.siteready.scoping.StandardQuestionnaire;
import dev.siteready.scoping.Subjects.Subject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The data feed: CONN-1 (the planned connection method) and DATA-1 (required fields in the default feed). */
final class FeedChecks {

    private FeedChecks() {
    }

    static void connection(Evaluation e) {
        // The questionnaire asks once per data model and direction; a scope may plan the same data set twice
        // (e.g. by MLLP and by flat file), so each planned method gets its own finding.
        Set<String> seen = new HashSet<>();
        for (ProjectFacts.Row row : e.facts.rows()) {
            Subject asked = row.subject();
            Subject subject = new Subject(asked.key() + "|" + row.method().name(), asked.label());
            if (!seen.add(subject.key())) {
                continue;
            }
            List<Source> sources = List.of(e.scopeSource("Scope: " + asked.label(), "#row-" + row.id()),
                    e.question(StandardQuestionnaire.CONNECTION_METHODS, asked));
            Map<String, String> params = Map.of("method", row.method().label);
            if (e.notAsked(CONNECTION, StandardQuestionnaire.CONNECTION_METHODS, subject, sources)) {
                continue;
            }
            List<String> chosen = AnswerValues.chosen(e.value(StandardQuestionnaire.CONNECTION_METHODS, asked));
            if (chosen.isEmpty()) {
                e.add(CONNECTION, "unknown", subject, params, sources);
            } else if (chosen.contains(row.method().name())) {
                e.add(CONNECTION, "met", subject, params, sources);
            } else {
                List<String> standard = chosen.stream().filter(c -> !ConnectionMethod.OTHER.name().equals(c)).toList();
                String offered = methodLabels(standard.isEmpty() ? chosen : standard);
                e.add(CONNECTION, standard.isEmpty() ? "not_supported" : "alternative", subject,
                        with(params, "offered", offered), sources);
            }
        }
    }

    static void dataRequirements(Evaluation e) {
        for (ProjectFacts.FieldNeed field : e.facts.fields()) {
            Subject subject = field.subject();
            List<Source> sources = new ArrayList<>(List.of(e.scopeSource("Required field: " + subject.label(), "#requirements-heading"),
                    e.question(StandardQuestionnaire.FIELD_PROVIDED, subject)));
            if (e.notAsked(DATA, StandardQuestionnaire.FIELD_PROVIDED, subject, sources)) {
                continue;
            }
            String provided = AnswerValues.text(e.value(StandardQuestionnaire.FIELD_PROVIDED, subject));
            if ("YES".equals(provided)) {
                e.add(DATA, "met", subject, Map.of(), sources);
            } else if ("NO".equals(provided)) {
                sources.add(e.question(StandardQuestionnaire.FIELD_EFFORT, subject));
                String effort = AnswerValues.text(e.value(StandardQuestionnaire.FIELD_EFFORT, subject));
                String outcome = switch (effort) {
                    case "NONE" -> "modify_none";
                    case "SMALL" -> "modify_small";
                    case "MEDIUM" -> "modify_medium";
                    case "LARGE" -> "modify_large";
                    case "NOT_POSSIBLE" -> "not_possible";
                    default -> "effort_unknown";
                };
                e.add(DATA, outcome, subject, Map.of(), sources);
            } else {
                e.add(DATA, "unknown", subject, Map.of(), sources);
            }
        }
    }

    private static String methodLabels(List<String> names) {
        return names.stream().map(n -> {
            ConnectionMethod m = ConnectionMethod.parse(n);
            return m == null ? n : m.label;
        }).collect(Collectors.joining(", "));
    }
}
