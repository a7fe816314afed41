package dev.siteready.feasibility;

import com.fasterxml.jackson.databind.JsonNode;
import dev.siteready.feasibility.FeasibilityRules.Outcome;
import dev.siteready.feasibility.FeasibilityRules.Rule;
import dev.siteready.feasibility.Finding.Source;
import dev.siteready.project.Hl7Tables;
import dev.siteready.scoping.AnswerKey;
import dev.siteready.scoping.AnswerValues;
import dev.siteready.scoping.Subjects.Subject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One project's evaluation in progress: the facts, the findings so far, and how to point at sources. */
final class Evaluation {
    final ProjectFacts facts;
    final List<Finding> findings = new ArrayList<>();

    Evaluation(ProjectFacts facts) {
        this.facts = facts;
    }

    JsonNode value(String key, Subject subject) {
        return facts.answers().value(key, subject.key());
    }

    boolean asks(String key) {
        return facts.answers().definition().question(key).isPresent();
    }

    /** Adds the not-asked outcome when the questionnaire's template lacks the question. */
    boolean notAsked(Rule rule, String key, Subject subject, List<Source> sources) {
        if (asks(key)) {
            return false;
        }
        add(rule, FeasibilityRules.NOT_ASKED.key(), subject, Map.of(), sources);
        return true;
    }

    Source question(String key, Subject subject) {
        String label = facts.answers().definition().question(key)
                .map(q -> q.label().replace("{subject}", subject.label()))
                .orElse(key + (subject.key().isEmpty() ? "" : " · " + subject.label()));
        return new Source("question", label, facts.projectHref() + "/questionnaire#" + AnswerKey.of(key, subject.key()).domId());
    }

    Source scopeSource(String label, String anchor) {
        return new Source("scope", label, facts.projectHref() + anchor);
    }

    void add(Rule rule, String outcome, Subject subject, Map<String, String> params, List<Source> sources) {
        findings.add(finding(rule, outcome, subject.key(), subject.label(), params, sources));
    }

    Finding finding(Rule rule, String outcomeKey, String subjectKey, String subject, Map<String, String> params,
            List<Source> sources) {
        Outcome outcome = rule.outcome(outcomeKey);
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("subject", subject);
        if (facts != null) {
            all.putIfAbsent("site", facts.siteName());
            all.put("project", facts.projectName());
            all.put("template", facts.templateLabel());
        }
        return new Finding(rule.id(), rule.area(), rule.title(), facts == null ? null : facts.projectId(),
                facts == null ? "" : facts.projectName(), subjectKey, subject, outcome.key(), outcome.status(),
                outcome.severity(), outcome.effort(), Placeholders.fill(outcome.explanation(), all), sources);
    }

    static String types(List<Map<String, String>> rows) {
        String types = rows.stream().map(r -> r.getOrDefault("type", "")).filter(t -> !t.isBlank()).distinct()
                .map(t -> Hl7Tables.label(Hl7Tables.IDENTIFIER_TYPES, t)).collect(Collectors.joining(", "));
        return types.isEmpty() ? "identifiers without a type" : types;
    }

    static String codeLabel(String code) {
        String label = Hl7Tables.CODE_SYSTEMS.get(code);
        return label == null ? code : label;
    }

    /** A count or volume: a positive number, else null (zero or less cannot be meant, and is treated as unanswered). */
    static BigDecimal number(JsonNode value) {
        String text = AnswerValues.text(value);
        try {
            BigDecimal n = text.isEmpty() ? null : new BigDecimal(text);
            return n == null || n.signum() <= 0 ? null : n;
        } catch (NumberFormatException e) {
            return null; // a value of another shape (the question's type changed): treated as unanswered
        }
    }
}
