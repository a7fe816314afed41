package dev.siteready.feasibility;

import static dev.siteready.feasibility.Evaluation.codeLabel;
import static dev.siteready.feasibility.FeasibilityRules.CODE_SYSTEMS;
import static dev.siteready.feasibility.FeasibilityRules.LOCAL_CODES;
import static dev.siteready.feasibility.FeasibilityRules.NOT_ASKED;
import static dev.siteready.feasibility.Placeholders.with;

import dev.siteready.feasibility.Finding.Source;
import dev.siteready.scoping.AnswerValues;
import dev.siteready.scoping.StandardQuestionnaire;
import dev.siteready.scoping.Subjects.Subject;
import dev.siteready.scoping.Subjects;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Code systems: COD-1 (required systems per data model) and COD-2 (local codes). */
final class CodeChecks {

    private CodeChecks() {
    }

    static void codes(Evaluation e) {
        Set<String> mapped = new HashSet<>();
        Set<String> inScope = new HashSet<>();
        e.facts.subjects().dataModels().forEach(m -> inScope.add(m.key()));
        for (ProjectFacts.CodeNeed need : e.facts.codeSystems()) {
            if (!inScope.contains(need.model())) {
                continue; // the questionnaire asks code systems only for data models in scope
            }
            Subject model = Subjects.dataModel(need.model());
            Subject subject = new Subject(need.model() + "|" + need.code(), need.model() + " · " + codeLabel(need.code()));
            List<Source> sources = List.of(e.scopeSource("Required code system: " + subject.label(), "#requirements-heading"),
                    e.question(StandardQuestionnaire.CODE_SYSTEMS, model));
            Map<String, String> params = Map.of("model", need.model(), "system", codeLabel(need.code()));
            if (!e.asks(StandardQuestionnaire.CODE_SYSTEMS)) {
                e.add(CODE_SYSTEMS, NOT_ASKED.key(), subject, params, sources);
                continue;
            }
            List<String> sent = AnswerValues.chosen(e.value(StandardQuestionnaire.CODE_SYSTEMS, model));
            if (sent.isEmpty()) {
                e.add(CODE_SYSTEMS, "unknown", subject, params, sources);
            } else if (sent.contains(need.code())) {
                e.add(CODE_SYSTEMS, "met", subject, params, sources);
            } else {
                boolean localOnly = sent.stream().allMatch("L"::equals);
                e.add(CODE_SYSTEMS, localOnly ? "mapping_local" : "mapping_other", subject,
                        with(params, "sent", sent.stream().map(Evaluation::codeLabel).collect(Collectors.joining(", "))), sources);
                mapped.add(need.model());
            }
        }
        if (!e.asks(StandardQuestionnaire.LOCAL_CODES)) {
            return;
        }
        for (Subject model : e.facts.subjects().dataModels()) {
            if (!mapped.contains(model.key())
                    && "YES".equals(AnswerValues.text(e.value(StandardQuestionnaire.LOCAL_CODES, model)))) {
                e.add(LOCAL_CODES, "local", model, Map.of(), List.of(e.question(StandardQuestionnaire.LOCAL_CODES, model)));
            }
        }
    }
}
