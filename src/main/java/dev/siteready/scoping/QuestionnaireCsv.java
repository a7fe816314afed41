package dev.siteready.scoping;

import dev.siteready.web.Downloads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** A questionnaire as CSV: one line per question card, as the viewer's page shows them. */
@ApplicationScoped
class QuestionnaireCsv {

    @Inject
    QuestionnaireViews views;

    public String export(Questionnaire questionnaire, QuestionnaireViews.Viewer viewer) {
        QuestionnaireViews.Data data = views.load(questionnaire);
        QuestionnaireView view = views.build(data, viewer, null, null);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("Section", "Question", "Subject",
                "Answer", "Required", "Shown", "Needs follow-up", "Last changed by", "Last changed at", "Comments").get())) {
            for (QuestionnaireView.SectionView section : view.sections()) {
                for (QuestionView card : section.questions()) {
                    Answer answer = data.answer(card.key(), card.subject());
                    csv.printRecord(cell(section.title()), cell(card.title()), cell(card.subject().replace("|", " ")),
                            cell(card.display()), card.required() ? "yes" : "no", card.visible() ? "yes" : "no",
                            card.followUp() ? "yes" : "no", answer == null ? "" : cell(answer.updatedBy),
                            answer == null ? "" : answer.updatedAt.toString(), card.comments().size());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static String cell(String value) {
        return Downloads.csvCell(value);
    }
}
