package dev.siteready.scoping;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The htmx answer to a question card's post, the same for members and partners: the card, the cards that
 * appear or disappear with it (out of band), and the progress figures.
 */
@CheckedTemplate(basePath = "questionnaire")
public class Cards {

    public static native TemplateInstance saved(AnswerSubmissions.Reply reply);
}
