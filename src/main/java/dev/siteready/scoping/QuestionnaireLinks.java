package dev.siteready.scoping;

/**
 * How many partner links a questionnaire has, for its page. Partner links are a workflow above scoping, so the
 * partner feature implements this and scoping never imports it.
 */
public interface QuestionnaireLinks {

    long count(Questionnaire questionnaire);
}
