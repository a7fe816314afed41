package dev.siteready.scoping;

import dev.siteready.web.Dates;
import com.fasterxml.jackson.databind.JsonNode;
import dev.siteready.account.SecretTokens;
import dev.siteready.project.ScopeService;
import dev.siteready.scoping.QuestionnaireDefinition.Column;
import dev.siteready.scoping.QuestionnaireDefinition.Question;
import dev.siteready.scoping.QuestionnaireDefinition.Section;
import dev.siteready.scoping.QuestionnaireView.Progress;
import dev.siteready.scoping.QuestionnaireView.SectionView;
import dev.siteready.scoping.Subjects.Subject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
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

    /** What a form sent for one card and what went wrong with it, to show instead of the stored answer. */
    public record Typed(String id, Map<String, List<String>> form, String problem, QuestionView.Conflict conflict) {
    }

    /** Who looks: the base path for the card's forms, whether they may edit, whether it is a partner. */
    public record Viewer(String base, boolean editable, boolean partner, Predicate<String> sections) {
    }

    /** Everything the cards are made from, read in one go. */
    public record Data(Questionnaire questionnaire, Subjects subjects, Map<String, Answer> answers,
            Map<String, List<AnswerComment>> comments, Map<String, Long> changes) {

        public Answer answer(String key, String subject) {
            return answers.get(key + "\n" + subject);
        }

        public JsonNode value(String key, String subject) {
            Answer a = answer(key, subject);
            return a == null ? null : a.value;
        }
    }

    @Inject
    ScopeService scopes;

    public Data load(Questionnaire questionnaire) {
        return load(questionnaire, subjects(questionnaire));
    }

    /** What the project's scope asks repeating questions for, as it is now. */
    public Subjects subjects(Questionnaire questionnaire) {
        return Subjects.of(scopes.rows(questionnaire.project), scopes.requirements(questionnaire.project));
    }

    /** The answers, comments and change counts, with the subjects read before. */
    public Data load(Questionnaire questionnaire, Subjects subjects) {
        Map<String, Answer> answers = Answer.listFor(questionnaire).stream()
                .collect(Collectors.toMap(a -> a.questionKey + "\n" + a.subject, a -> a));
        Map<String, List<AnswerComment>> comments = AnswerComment.listFor(questionnaire).stream()
                .collect(Collectors.groupingBy(c -> c.questionKey + "\n" + c.subject));
        Map<String, Long> changes = new HashMap<>();
        for (Object[] row : AnswerChange.countsFor(questionnaire)) {
            changes.put(row[0] + "\n" + row[1], (Long) row[2]);
        }
        return new Data(questionnaire, subjects, answers, comments, changes);
    }

    public QuestionnaireView build(Data data, Viewer viewer, Typed typed, String savedId) {
        QuestionnaireDefinition definition = data.questionnaire().definition();
        boolean editable = viewer.editable() && !data.questionnaire().status.isLocked();
        List<SectionView> sections = new ArrayList<>();
        int answered = 0;
        int total = 0;
        for (Section section : definition.sections()) {
            if (!viewer.sections().test(section.key())) {
                continue;
            }
            List<QuestionView> cards = new ArrayList<>();
            int sectionAnswered = 0;
            int sectionTotal = 0;
            for (Question question : section.questions()) {
                for (Subject subject : data.subjects().of(question.repetition())) {
                    QuestionView card = card(data, definition, question, subject, viewer, editable, typed, savedId);
                    cards.add(card);
                    if (card.visible()) {
                        sectionTotal++;
                        sectionAnswered += card.answered() ? 1 : 0;
                    }
                }
            }
            sections.add(new SectionView(section.key(), section.title(), section.intro(), cards,
                    new Progress(sectionAnswered, sectionTotal)));
            answered += sectionAnswered;
            total += sectionTotal;
        }
        return new QuestionnaireView(sections, new Progress(answered, total));
    }

    /** Whether the question is shown for the subject: always, or when its condition holds. */
    public static boolean visible(Data data, QuestionnaireDefinition definition, Question question, String subject) {
        return visible(data::value, definition, question, subject);
    }

    /** The same, reading answers through a lookup by question key and subject. */
    public static boolean visible(java.util.function.BiFunction<String, String, JsonNode> values,
            QuestionnaireDefinition definition, Question question, String subject) {
        if (question.showIf() == null || question.showIf().question() == null) {
            return true;
        }
        Question controlling = definition.question(question.showIf().question()).orElse(null);
        if (controlling == null) {
            return true; // a condition on a question this version lacks does not hide anything
        }
        String controllingSubject = controlling.repetition() == question.repetition() ? subject : "";
        return AnswerValues.matches(values.apply(controlling.key(), controllingSubject), question.showIf().equals());
    }

    public static String domId(String key, String subject) {
        String base = "q-" + key.replaceAll("[^A-Za-z0-9_-]", "-");
        return subject.isEmpty() ? base : base + "-" + SecretTokens.hash(subject).substring(0, 10);
    }

    private QuestionView card(Data data, QuestionnaireDefinition definition, Question question, Subject subject,
            Viewer viewer, boolean editable, Typed typed, String savedId) {
        String id = domId(question.key(), subject.key());
        Answer answer = data.answer(question.key(), subject.key());
        JsonNode stored = answer == null ? null : answer.value;
        Typed mine = typed != null && typed.id().equals(id) ? typed : null;
        String title = question.label().replace("{subject}", subject.label());

        String text;
        Set<String> checked;
        List<Map<String, String>> rows;
        if (mine != null) {
            List<String> values = mine.form().getOrDefault("value", List.of());
            text = values.isEmpty() || values.get(0) == null ? "" : values.get(0);
            checked = new HashSet<>(values);
            rows = typedRows(question, mine.form());
        } else {
            text = AnswerValues.text(stored);
            checked = new HashSet<>(AnswerValues.chosen(stored));
            rows = AnswerValues.rows(stored);
        }
        List<QuestionView.Option> options = (question.kind() == QuestionType.YES_NO_UNKNOWN
                ? java.util.Arrays.stream(AnswerValues.YesNo.values())
                        .map(v -> new QuestionnaireDefinition.Choice(v.name(), v.label)).toList()
                : question.options()).stream()
                .map(o -> new QuestionView.Option(id + "-" + o.value().replaceAll("[^A-Za-z0-9_-]", "_"), o.value(), o.label(),
                        checked.contains(o.value()))).toList();
        List<QuestionView.Row> rowViews = new ArrayList<>();
        if (question.kind() == QuestionType.TABLE) {
            List<Map<String, String>> withBlank = new ArrayList<>(rows);
            withBlank.add(Map.of()); // one empty row to add another
            for (int i = 0; i < withBlank.size(); i++) {
                Map<String, String> row = withBlank.get(i);
                int index = i;
                rowViews.add(new QuestionView.Row(i, question.columns().stream().map(c -> cell(id, index, c,
                        row.getOrDefault(c.key(), ""))).toList()));
            }
        }
        String key = question.key() + "\n" + subject.key();
        List<QuestionView.Comment> comments = data.comments().getOrDefault(key, List.of()).stream()
                .map(c -> new QuestionView.Comment(c.author, c.fromPartner, c.body, Dates.utc(c.createdAt))).toList();
        String base = viewer.base();
        QuestionView.Urls urls = new QuestionView.Urls(base, base + "/answers", viewer.partner() ? null : base + "/follow-up",
                base + "/comments",
                viewer.partner() ? null : base + "/history?question=" + encode(question.key()) + "&subject=" + encode(subject.key()));
        String saved = id.equals(savedId) && answer != null ? "Saved " + Dates.utc(answer.updatedAt) : null;
        return new QuestionView(id, question.key(), subject.key(), title, question.help(), question.kind().name(),
                question.required(), visible(data, definition, question, subject.key()), AnswerValues.isAnswered(stored),
                answer != null && answer.needsFollowUp, answer == null ? "" : String.valueOf(answer.version), text, options,
                question.columns().stream().map(c -> new QuestionView.ColumnHead(c.key(), c.label())).toList(), rowViews,
                AnswerValues.display(question, stored), comments, data.changes().getOrDefault(key, 0L),
                mine == null ? null : mine.problem(), mine == null ? null : mine.conflict(), saved, urls, editable,
                viewer.partner() || question.origin() == null ? null : question.origin().label(), // partners can't open retrospectives
                viewer.partner() || question.origin() == null ? null : question.origin().link());
    }

    private static QuestionView.Cell cell(String id, int row, Column column, String value) {
        String name = "cell-" + row + "-" + column.key();
        List<QuestionView.Option> options = column.options().stream()
                .map(o -> new QuestionView.Option("", o.value(), o.label(), o.value().equals(value))).toList();
        return new QuestionView.Cell(name, id + "-" + name, column.label(), value, "CHOICE".equals(column.type()), options);
    }

    /** The table rows as typed, in row order, blank rows left out. */
    private static List<Map<String, String>> typedRows(Question question, Map<String, List<String>> form) {
        Map<Integer, Map<String, String>> rows = new java.util.TreeMap<>();
        form.forEach((name, values) -> {
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
