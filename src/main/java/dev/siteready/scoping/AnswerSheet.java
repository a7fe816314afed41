package dev.siteready.scoping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.siteready.scoping.QuestionnaireDefinition.Question;
import dev.siteready.scoping.QuestionnaireDefinition.Section;
import dev.siteready.scoping.QuestionnaireView.Progress;
import dev.siteready.scoping.Subjects.Subject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A questionnaire's answers as read, and what follows from them: what is asked for the project's scope as it is
 * now, which of it is shown (conditions), and how much of that is answered. The one place these are decided, for the
 * questionnaire pages, the partner's pages, the feasibility summary and the suggestions of sample messages.
 *
 * @param definition the template version the questionnaire asks
 * @param subjects what repeating questions are asked for, from the scope
 * @param values the stored answers (null or absent: unanswered)
 * @param followUps the answers flagged as needing follow-up
 */
public record AnswerSheet(QuestionnaireDefinition definition, Subjects subjects, Map<AnswerKey, JsonNode> values,
        Set<AnswerKey> followUps) {

    /** One question as asked for one subject. */
    public record Asked(Section section, Question question, Subject subject) {
        public AnswerKey key() {
            return AnswerKey.of(question.key(), subject.key());
        }
    }

    public AnswerSheet {
        values = Map.copyOf(values);
        followUps = Set.copyOf(followUps);
    }

    public JsonNode value(AnswerKey key) {
        return values.get(key);
    }

    public JsonNode value(String question, String subject) {
        return values.get(AnswerKey.of(question, subject));
    }

    public boolean answered(AnswerKey key) {
        return AnswerValues.isAnswered(values.get(key));
    }

    public boolean needsFollowUp(String question, String subject) {
        return followUps.contains(AnswerKey.of(question, subject));
    }

    /** Every question for every subject of the scope, in the questionnaire's order, shown or not. */
    public List<Asked> asked() {
        List<Asked> asked = new ArrayList<>();
        for (Section section : definition.sections()) {
            for (Question question : section.questions()) {
                for (Subject subject : subjects.of(question.repetition())) {
                    asked.add(new Asked(section, question, subject));
                }
            }
        }
        return asked;
    }

    /** What is shown: every question asked whose condition holds. */
    public List<Asked> shown() {
        return asked().stream().filter(a -> visible(a.question(), a.subject().key())).toList();
    }

    /**
     * Whether the question is shown for the subject: always, or when its condition holds on the answer to the
     * controlling question (for the same subject when both repeat alike, else the one asked once).
     */
    public boolean visible(Question question, String subject) {
        if (question.showIf() == null || question.showIf().question() == null) {
            return true;
        }
        Question controlling = definition.question(question.showIf().question()).orElse(null);
        if (controlling == null) {
            return true; // a condition on a question this version lacks does not hide anything
        }
        String controllingSubject = controlling.repetition() == question.repetition() ? subject : "";
        return AnswerValues.matches(value(controlling.key(), controllingSubject), question.showIf().equals());
    }

    /** Answered of the questions shown (hidden conditional ones do not count). */
    public Progress completion() {
        return completion(section -> true);
    }

    /** The same, over the sections a viewer sees (a partner link may show only some). */
    public Progress completion(Predicate<String> sections) {
        int answered = 0;
        int total = 0;
        for (Progress p : completionBySection(sections).values()) {
            answered += p.answered();
            total += p.total();
        }
        return new Progress(answered, total);
    }

    /** Each section's completion (by section key, in the questionnaire's order), over the sections a viewer sees. */
    public Map<String, Progress> completionBySection(Predicate<String> sections) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        definition.sections().stream().filter(s -> sections.test(s.key())).forEach(s -> counts.put(s.key(), new int[2]));
        for (Asked a : shown()) {
            int[] count = counts.get(a.section().key());
            if (count != null) {
                count[1]++;
                count[0] += answered(a.key()) ? 1 : 0;
            }
        }
        Map<String, Progress> result = new LinkedHashMap<>();
        counts.forEach((key, count) -> result.put(key, new Progress(count[0], count[1])));
        return result;
    }
}
