package dev.siteready.scoping;

import dev.siteready.scoping.QuestionnaireDefinition.Question;
import dev.siteready.scoping.QuestionnaireViews.RefusedInput;
import dev.siteready.scoping.QuestionnaireViews.Viewer;
import dev.siteready.web.Dates;
import dev.siteready.web.PlainText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import java.util.List;

/**
 * One question card's form posts (answer, follow-up flag, comment), handled the same way for members and
 * for partners: find the question among those the viewer may see, validate, save, and rebuild the cards.
 */
@ApplicationScoped
public class AnswerSubmissions {

    /**
     * What to show after a post: the status (200 saved, 400 invalid, 409 conflict or locked), the card that
     * was posted, the cards whose visibility depends on it, and the whole questionnaire as it is now.
     */
    public record Reply(int status, String message, QuestionnaireView view, QuestionView card, List<QuestionView> dependents) {
        public boolean ok() {
            return status == 200;
        }
    }

    /** Who posts: their name for the history, and whether it is through a partner link. */
    public record Author(String name, boolean partner) {
    }

    private static final String LOCKED = "This questionnaire has been reviewed and locked; ask the implementation manager to reopen it.";

    @Inject
    Answering answering;

    @Inject
    QuestionnaireViews views;

    public Reply answer(Questionnaire questionnaire, Viewer viewer, AnswerPost post, Author author) {
        Target target = target(questionnaire, viewer, post);
        AnswerValues.Parsed parsed = AnswerValues.parse(target.question, post.fields());
        if (!parsed.isValid()) {
            return reply(questionnaire, viewer, target, 400, parsed.problem(), new RefusedInput(target.id, post, parsed.problem(), null));
        }
        Answering.Result result = answering.save(questionnaire, target.question, target.subject, parsed.value(),
                post.version(), author.name(), author.partner());
        return switch (result.outcome()) {
            case LOCKED -> reply(questionnaire, viewer, target, 409, LOCKED, new RefusedInput(target.id, post, LOCKED, null));
            case CONFLICT -> {
                Answer theirs = result.current();
                QuestionView.Conflict conflict = new QuestionView.Conflict(
                        theirs == null || !AnswerValues.isAnswered(theirs.value) ? "(no answer)" : AnswerValues.display(target.question, theirs.value),
                        theirs == null ? "" : theirs.updatedBy, theirs == null ? "" : Dates.at(theirs.updatedAt, questionnaire.project.site.timeZone));
                yield reply(questionnaire, viewer, target, 409, "Someone else saved this answer while you were editing.",
                        new RefusedInput(target.id, post, null, conflict));
            }
            default -> reply(questionnaire, viewer, target, 200, "Answer saved.", null);
        };
    }

    public Reply followUp(Questionnaire questionnaire, Viewer viewer, AnswerPost post, Author author) {
        Target target = target(questionnaire, viewer, post);
        boolean needed = "true".equals(post.first("followUp"));
        Answering.Result result = answering.followUp(questionnaire, target.question.key(), target.subject, needed, author.name());
        if (result.outcome() == Answering.Outcome.LOCKED) {
            return reply(questionnaire, viewer, target, 409, LOCKED, new RefusedInput(target.id, AnswerPost.NONE, LOCKED, null));
        }
        return reply(questionnaire, viewer, target, 200, needed ? "Marked as needing follow-up." : "Follow-up cleared.", null);
    }

    public Reply comment(Questionnaire questionnaire, Viewer viewer, AnswerPost post, Author author) {
        Target target = target(questionnaire, viewer, post);
        if (questionnaire.status.isLocked()) {
            return reply(questionnaire, viewer, target, 409, LOCKED, new RefusedInput(target.id, AnswerPost.NONE, LOCKED, null));
        }
        String body = post.first("body").strip();
        if (body.isEmpty() || !PlainText.Validator.fits(body, AnswerComment.MAX_LENGTH)) {
            String problem = body.isEmpty() ? "Write a comment first."
                    : "Keep a comment to " + String.format("%,d", AnswerComment.MAX_LENGTH) + " characters of plain text.";
            return reply(questionnaire, viewer, target, 400, problem, new RefusedInput(target.id, AnswerPost.NONE, problem, null));
        }
        answering.comment(questionnaire, target.question.key(), target.subject, body, author.name(), author.partner());
        return reply(questionnaire, viewer, target, 200, "Comment added.", null);
    }

    private record Target(Question question, String subject, String id, Subjects subjects) {
    }

    /** The question and subject posted, if the viewer may see them; otherwise there is nothing here (404). */
    private Target target(Questionnaire questionnaire, Viewer viewer, AnswerPost post) {
        QuestionnaireDefinition definition = questionnaire.definition();
        String key = post.question();
        Question question = definition.question(key).orElseThrow(NotFoundException::new);
        if (!viewer.sections().test(definition.sectionOf(key).orElseThrow().key())) {
            throw new NotFoundException();
        }
        String subject = post.subject();
        Subjects subjects = views.subjects(questionnaire);
        if (subjects.find(question.repetition(), subject) == null) {
            throw new NotFoundException(); // not (or no longer) in the project's scope
        }
        return new Target(question, subject, AnswerKey.of(key, subject).domId(), subjects);
    }

    private Reply reply(Questionnaire questionnaire, Viewer viewer, Target target, int status, String message, RefusedInput refused) {
        QuestionnaireViews.Data data = views.load(questionnaire, target.subjects);
        QuestionnaireView view = views.build(data, viewer, refused, status == 200 ? target.id : null);
        List<QuestionView> dependents = questionnaire.definition().dependentsOf(target.question.key()).stream()
                .flatMap(q -> data.subjects().of(q.repetition()).stream()
                        .map(s -> view.card(AnswerKey.of(q.key(), s.key()).domId())))
                .filter(java.util.Objects::nonNull).toList();
        return new Reply(status, message, view, view.card(target.id), dependents);
    }
}
