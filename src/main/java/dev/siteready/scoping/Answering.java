package dev.siteready.scoping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.siteready.scoping.QuestionnaireDefinition.Question;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Changes to answers, by members and through partner links alike: every change is kept in the history, and
 * a save made from a stale page never overwrites what someone else saved in the meantime.
 */
@ApplicationScoped
public class Answering {

    public enum Outcome { SAVED, UNCHANGED, CONFLICT, LOCKED }

    @Inject
    Clock clock;

    /** The outcome and, for a conflict, the answer as it is now. */
    public record Result(Outcome outcome, Answer current) {
    }

    /**
     * Saves the answer if the page it came from showed the current version ({@code expectedVersion}; empty
     * for a question that had no answer yet). Saving exactly what is stored is never a conflict.
     */
    public Result save(Questionnaire questionnaire, Question question, String subject, JsonNode value,
            String expectedVersion, String actor, boolean byPartner) {
        Answer answer = locked(questionnaire, question.key(), subject);
        if (questionnaire.status.isLocked()) {
            return new Result(Outcome.LOCKED, null);
        }
        String current = answer == null ? "" : String.valueOf(answer.version);
        if (answer != null && Objects.equals(answer.value, value)) {
            return new Result(Outcome.UNCHANGED, answer);
        }
        if (!current.equals(expectedVersion == null ? "" : expectedVersion.trim())) {
            return new Result(Outcome.CONFLICT, answer);
        }
        if (answer == null) {
            answer = new Answer();
            answer.questionnaire = questionnaire;
            answer.questionKey = question.key();
            answer.subject = subject;
        }
        record(questionnaire, question.key(), subject, AnswerChange.Kind.ANSWER, answer.value, value, actor);
        answer.value = value;
        answer.updatedAt = OffsetDateTime.now(clock);
        answer.updatedBy = actor;
        answer.persist();
        if (byPartner) {
            questionnaire.answeredByPartner();
        }
        Answer.flush(); // the card shows the new version
        return new Result(Outcome.SAVED, answer);
    }

    public Result followUp(Questionnaire questionnaire, String questionKey, String subject, boolean needed, String actor) {
        Answer answer = locked(questionnaire, questionKey, subject);
        if (questionnaire.status.isLocked()) {
            return new Result(Outcome.LOCKED, null);
        }
        if (answer != null && answer.needsFollowUp == needed) {
            return new Result(Outcome.UNCHANGED, answer);
        }
        if (answer == null) {
            answer = new Answer();
            answer.questionnaire = questionnaire;
            answer.questionKey = questionKey;
            answer.subject = subject;
            answer.updatedBy = actor;
        }
        record(questionnaire, questionKey, subject, AnswerChange.Kind.FOLLOW_UP, BooleanNode.valueOf(answer.needsFollowUp),
                BooleanNode.valueOf(needed), actor);
        answer.needsFollowUp = needed;
        answer.persist();
        Answer.flush();
        return new Result(Outcome.SAVED, answer);
    }

    /**
     * The answer as stored now (or null), with the questionnaire read again: both rows stay locked until the
     * transaction ends. Saves of one questionnaire's answers (members', partners', accepted suggestions) so happen one
     * at a time; a second save sees the first one's version and is refused with its input kept, rather than passing
     * the same check and failing at commit (or, for a first answer, on the unique index).
     */
    private static Answer locked(Questionnaire questionnaire, String questionKey, String subject) {
        questionnaire.lockFresh();
        Answer answer = Answer.find(questionnaire, questionKey, subject);
        if (answer != null) {
            answer.lockFresh(); // also waits for a change made without the questionnaire's lock
        }
        return answer;
    }

    public void comment(Questionnaire questionnaire, String questionKey, String subject, String body, String author,
            boolean fromPartner) {
        AnswerComment comment = new AnswerComment();
        comment.questionnaire = questionnaire;
        comment.questionKey = questionKey;
        comment.subject = subject;
        comment.body = body;
        comment.author = author;
        comment.fromPartner = fromPartner;
        comment.persist();
    }

    private static void record(Questionnaire questionnaire, String key, String subject, AnswerChange.Kind kind,
            JsonNode oldValue, JsonNode newValue, String actor) {
        AnswerChange change = new AnswerChange();
        change.questionnaire = questionnaire;
        change.questionKey = key;
        change.subject = subject;
        change.kind = kind;
        change.oldValue = oldValue;
        change.newValue = newValue;
        change.changedBy = actor;
        change.persist();
    }
}
