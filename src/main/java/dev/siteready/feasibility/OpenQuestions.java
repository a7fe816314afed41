package dev.siteready.feasibility;

import static dev.siteready.feasibility.FeasibilityRules.OPEN;
import static dev.siteready.feasibility.FeasibilityRules.walk;

import dev.siteready.feasibility.Finding.Source;
import dev.siteready.feasibility.Finding.Status;
import dev.siteready.scoping.AnswerValues;
import dev.siteready.scoping.Subjects.Subject;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** OPEN-1: required questions still unanswered that no other rule reports. */
final class OpenQuestions {

    private OpenQuestions() {
    }

    /** Required questions shown and unanswered that no rule above already reports as unknown. */
    static void open(Evaluation e) {
        Set<String> reported = new HashSet<>();
        e.findings.stream().filter(f -> f.status() == Status.UNKNOWN).flatMap(f -> f.sources().stream())
                .forEach(s -> reported.add(s.href()));
        walk(e.facts, (question, subject) -> {
            if (question.required() && !AnswerValues.isAnswered(e.value(question.key(), subject))) {
                Source source = e.question(question.key(), subject);
                if (!reported.contains(source.href())) {
                    e.add(OPEN, "unanswered", new Subject(question.key() + "|" + subject.key(), source.label()),
                            Map.of("question", source.label()), List.of(source));
                }
            }
        });
    }
}
