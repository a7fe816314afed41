package dev.siteready.scoping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.siteready.project.ScopeService;
import dev.siteready.scoping.QuestionnaireDefinition.Column;
import dev.siteready.scoping.QuestionnaireDefinition.Question;
import dev.siteready.scoping.QuestionnaireDefinition.Section;
import dev.siteready.scoping.QuestionnaireView.Progress;
import dev.siteready.scoping.QuestionnaireView.SectionView;
import dev.siteready.scoping.Subjects.Subject;
import dev.siteready.web.Dates;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Builds the question cards of a questionnaire for members and partners alike, from a fixed number of
 * queries (scope, answers, comments, change counts) however many questions and answers there are.
 */
@ApplicationScoped
public class QuestionnaireViews {

    /** What a card's form sent when it was refused, and why (a problem, or someone else's answer), shown instead of the stored answer. */
    public record RefusedInput(String id, AnswerPost post, String problem, QuestionView.Conflict conflict) {
    }

    /** Who looks: the base path for the card's forms, whether they may edit, whether it is a partner. */
    public record Viewer(String base, boolean editable, boolean partner, Predicate<String> sections) {
    }

    /** Everything the cards are made from, read in one go: the answer sheet and, per answer, its row, comments and changes. */
    public record Data(Questionnaire questionnaire, AnswerSheet sheet, Map<AnswerKey, Answer> answers,
            Map<AnswerKey, List<AnswerComment>> comments, Map<AnswerKey, Long> changes) {

        public Answer answer(String key, String subject) {
            return answers.get(AnswerKey.of(key, subject));
        }

        public Subjects subjects() {
            return sheet.subjects();
        }
    }

    public Data load(Questionnaire questionnaire) {
        return load(questionnaire, subjects(questionnaire));
    }

    /** What the project's scope asks repeating questions for, as it is now. */
    public Subjects subjects(Questionnaire questionnaire) {
        return Subjects.of(ScopeService.rowNames(questionnaire.project.id), ScopeService.requiredFieldNames(questionnaire.project.id));
    }

    /** The answers, comments and change counts, with the subjects read before. */
    public Data load(Questionnaire questionnaire, Subjects subjects) {
        Map<AnswerKey, Answer> answers = Answer.listFor(questionnaire).stream()
                .collect(Collectors.toMap(Answer::key, a -> a));
        Map<AnswerKey, List<AnswerComment>> comments = AnswerComment.listFor(questionnaire).stream()
                .collect(Collectors.groupingBy(c -> AnswerKey.of(c.questionKey, c.subject)));
        Map<AnswerKey, Long> changes = new HashMap<>();
        for (Object[] row : AnswerChange.countsFor(questionnaire)) {
            changes.put(AnswerKey.of((String) row[0], (String) row[1]), ((Number) row[2]).longValue());
        }
        Map<AnswerKey, JsonNode> values = new HashMap<>();
        Set<AnswerKey> followUps = new HashSet<>();
        answers.forEach((key, a) -> {
            if (a.value != null) {
                values.put(key, a.value);
            }
            if (a.needsFollowUp) {
                followUps.add(key);
            }
        });
        return new Data(questionnaire, new AnswerSheet(questionnaire.definition(), subjects, values, followUps), answers,
                comments, changes);
    }

    public QuestionnaireView build(Data data, Viewer viewer, RefusedInput refused, String savedId) {
        QuestionnaireDefinition definition = data.questionnaire().definition();
        boolean editable = viewer.editable() && !data.questionnaire().status.isLocked();
        Map<String, Progress> progress = data.sheet().completionBySection(viewer.sections());
        List<SectionView> sections = new ArrayList<>();
        for (Section section : definition.sections()) {
            if (!viewer.sections().test(section.key())) {
                continue;
            }
            List<QuestionView> cards = new ArrayList<>();
            for (Question question : section.questions()) {
                for (Subject subject : data.subjects().of(question.repetition())) {
                    cards.add(card(data, question, subject, viewer, editable, refused, savedId));
                }
            }
            sections.add(new SectionView(section.key(), section.title(), section.intro(), cards, progress.get(section.key())));
        }
        int answered = progress.values().stream().mapToInt(Progress::answered).sum();
        return new QuestionnaireView(sections, new Progress(answered, progress.values().stream().mapToInt(Progress::total).sum()));
    }

    private QuestionView card(Data data, Question question, Subject subject, Viewer viewer, boolean editable, RefusedInput refused,
            String savedId) {
        AnswerKey key = AnswerKey.of(question.key(), subject.key());
        String id = key.domId();
        Answer answer = data.answer(question.key(), subject.key());
        JsonNode stored = answer == null ? null : answer.value;
        RefusedInput mine = refused != null && refused.id().equals(id) ? refused : null;
        String title = question.label().replace("{subject}", subject.label());
        String zone = data.questionnaire().project.site.timeZone;

        String text;
        Set<String> checked;
        List<Map<String, String>> rows;
        if (mine != null) {
            text = mine.post().first("value");
            checked = new HashSet<>(mine.post().all("value"));
            rows = typedRows(mine.post());
        } else {
            text = AnswerValues.text(stored);
            checked = new HashSet<>(AnswerValues.chosen(stored));
            rows = AnswerValues.rows(stored);
        }
        List<QuestionView.Comment> comments = data.comments().getOrDefault(key, List.of()).stream()
                .map(c -> new QuestionView.Comment(c.author, c.fromPartner, c.body, Dates.at(c.createdAt, zone))).toList();
        String saved = id.equals(savedId) && answer != null ? "Saved " + Dates.at(answer.updatedAt, zone) : null;
        return new QuestionView(id, question.key(), subject.key(), title, question.help(), question.kind().name(),
                question.required(), data.sheet().visible(question, subject.key()), AnswerValues.isAnswered(stored),
                answer != null && answer.needsFollowUp, answer == null ? "" : String.valueOf(answer.version), text, choices(question, id, checked),
                question.columns().stream().map(c -> new QuestionView.ColumnHead(c.key(), c.label())).toList(), rows(question, id, rows),
                AnswerValues.display(question, stored), comments, data.changes().getOrDefault(key, 0L),
                mine == null ? null : mine.problem(), mine == null ? null : mine.conflict(), saved, urls(viewer, question, subject), editable,
                viewer.partner() || question.origin() == null ? null : question.origin().label(), // partners can't open retrospectives
                viewer.partner() || question.origin() == null ? null : question.origin().link());
    }

    /** The options to tick or choose (yes/no/unknown for those questions), each with an id for its label. */
    private static List<QuestionView.Choice> choices(Question question, String id, Set<String> checked) {
        return (question.kind() == QuestionType.YES_NO_UNKNOWN
                ? java.util.Arrays.stream(AnswerValues.YesNo.values())
                        .map(v -> new QuestionnaireDefinition.Choice(v.name(), v.label)).toList()
                : question.options()).stream()
                .map(o -> new QuestionView.Choice(id + "-" + o.value().replaceAll("[^A-Za-z0-9_-]", "_"), o.value(), o.label(),
                        checked.contains(o.value()))).toList();
    }

    /** A table's rows as inputs, with one empty row to add another; none for other questions. */
    private static List<QuestionView.Row> rows(Question question, String id, List<Map<String, String>> rows) {
        List<QuestionView.Row> views = new ArrayList<>();
        if (question.kind() != QuestionType.TABLE) {
            return views;
        }
        List<Map<String, String>> withBlank = new ArrayList<>(rows);
        withBlank.add(Map.of());
        for (int i = 0; i < withBlank.size(); i++) {
            Map<String, String> row = withBlank.get(i);
            int index = i;
            views.add(new QuestionView.Row(i, question.columns().stream().map(c -> cell(id, index, c,
                    row.getOrDefault(c.key(), ""))).toList()));
        }
        return views;
    }

    /** Where the card's forms post; partners get no follow-up flag and no history. */
    private static QuestionView.Urls urls(Viewer viewer, Question question, Subject subject) {
        String base = viewer.base();
        return new QuestionView.Urls(base, base + "/answers", viewer.partner() ? null : base + "/follow-up",
                base + "/comments",
                viewer.partner() ? null : base + "/history?question=" + encode(question.key()) + "&subject=" + encode(subject.key()));
    }

    private static QuestionView.Cell cell(String id, int row, Column column, String value) {
        String name = "cell-" + row + "-" + column.key();
        List<QuestionView.Choice> options = column.options().stream()
                .map(o -> new QuestionView.Choice("", o.value(), o.label(), o.value().equals(value))).toList();
        return new QuestionView.Cell(name, id + "-" + name, column.label(), value, "CHOICE".equals(column.type()), options);
    }

    /** The table rows as typed, in row order, blank rows left out. */
    private static List<Map<String, String>> typedRows(AnswerPost post) {
        Map<Integer, Map<String, String>> rows = new java.util.TreeMap<>();
        post.fields().forEach((name, values) -> {
            if (name.startsWith("cell-") && !values.isEmpty() && values.get(0) != null && !values.get(0).isBlank()) {
                int dash = name.indexOf('-', 5);
                try {
                    int row = Integer.parseInt(name.substring(5, dash));
                    if (row >= 0 && row < 1000) {
                        rows.computeIfAbsent(row, r -> new HashMap<>()).put(name.substring(dash + 1), values.get(0));
                    }
                } catch (RuntimeException e) {
                    // not a cell of this table: ignored here, refused by the parser
                }
            }
        });
        return new ArrayList<>(rows.values());
    }


    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
