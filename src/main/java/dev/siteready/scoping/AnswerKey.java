package dev.siteready.scoping;

import dev.siteready.account.SecretTokens;

/**
 * Where an answer is kept: its question's key and the subject it is asked for (a scope row, data model or required
 * field of the project's scope; "" for a question asked once). Pages, partner links, feasibility and sample
 * suggestions all address answers by it.
 */
public record AnswerKey(String question, String subject) {

    public AnswerKey {
        question = question == null ? "" : question;
        subject = subject == null ? "" : subject;
    }

    public static AnswerKey of(String question, String subject) {
        return new AnswerKey(question, subject);
    }

    /** A question asked once. */
    public static AnswerKey once(String question) {
        return new AnswerKey(question, "");
    }

    /** The id of the answer's card on the questionnaire pages, also its anchor in links ("#q-…"). */
    public String domId() {
        String base = "q-" + question.replaceAll("[^A-Za-z0-9_-]", "-");
        return subject.isEmpty() ? base : base + "-" + SecretTokens.hash(subject).substring(0, 10);
    }
}
