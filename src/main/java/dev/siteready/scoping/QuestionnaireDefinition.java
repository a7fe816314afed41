package dev.siteready.scoping;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sections and questions of a questionnaire template, stored as JSON (a template's draft and each
 * published version). Unknown properties and types are tolerated, so older and newer versions read alike.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuestionnaireDefinition(List<Section> sections) {

    public QuestionnaireDefinition {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Section(String key, String title, String intro, List<Question> questions) {
        public Section {
            intro = intro == null ? "" : intro;
            questions = questions == null ? List.of() : List.copyOf(questions);
        }
    }

    /**
     * One question. {@code type} and {@code repeat} are kept as the names written, read through
     * {@link #kind()} and {@link #repetition()}. {@code showIf}: show only when another question's answer
     * (for the same subject, when both repeat alike) equals the value or, for multiple choice, contains it.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Question(String key, String type, String label, String help, boolean required, List<Choice> options,
            List<Column> columns, String repeat, Condition showIf, Origin origin) {
        public Question {
            help = help == null ? "" : help;
            options = options == null ? List.of() : List.copyOf(options);
            columns = columns == null ? List.of() : List.copyOf(columns);
        }

        /** A question nobody proposed from a retrospective. */
        public Question(String key, String type, String label, String help, boolean required, List<Choice> options,
                List<Column> columns, String repeat, Condition showIf) {
            this(key, type, label, help, required, options, columns, repeat, showIf, null);
        }

        public Question withOrigin(Origin from) {
            return new Question(key, type, label, help, required, options, columns, repeat, showIf, from);
        }

        /** The same question with another wording, from a retrospective's proposal. */
        public Question reworded(String newLabel, String newHelp, Origin from) {
            return new Question(key, type, newLabel, newHelp, required, options, columns, repeat, showIf, from);
        }

        @JsonIgnore
        public QuestionType kind() {
            return QuestionType.parse(type);
        }

        @JsonIgnore
        public Repeat repetition() {
            return Repeat.parse(repeat);
        }

        public Optional<Choice> option(String value) {
            return options.stream().filter(o -> o.value().equals(value)).findFirst();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Choice(String value, String label) {
    }

    /** A column of a table question: TEXT, NUMBER, DATE or CHOICE (with options). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Column(String key, String label, String type, List<Choice> options) {
        public Column {
            type = type == null ? "TEXT" : type;
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Condition(String question, String equals) {
    }

    /**
     * Where a question came from when a retrospective's proposal added or reworded it: the retrospective (opened at
     * /retrospectives/{id}) and a line saying which site and item.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Origin(java.util.UUID retrospective, String label) {
        public String link() {
            return "/retrospectives/" + retrospective;
        }
    }

    public Optional<Question> question(String key) {
        return sections.stream().flatMap(s -> s.questions().stream()).filter(q -> q.key().equals(key)).findFirst();
    }

    public Optional<Section> sectionOf(String questionKey) {
        return sections.stream().filter(s -> s.questions().stream().anyMatch(q -> q.key().equals(questionKey))).findFirst();
    }

    public Optional<Section> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The questions whose display depends on the given one. */
    public List<Question> dependentsOf(String questionKey) {
        List<Question> found = new ArrayList<>();
        sections.forEach(s -> s.questions().stream()
                .filter(q -> q.showIf() != null && questionKey.equals(q.showIf().question())).forEach(found::add));
        return found;
    }

    /** The definition with the question added at the end of the section; empty if the section is not there. */
    public Optional<QuestionnaireDefinition> withQuestion(String sectionKey, Question added) {
        if (section(sectionKey).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new QuestionnaireDefinition(sections.stream().map(s -> {
            if (!s.key().equals(sectionKey)) {
                return s;
            }
            List<Question> questions = new ArrayList<>(s.questions());
            questions.add(added);
            return new Section(s.key(), s.title(), s.intro(), questions);
        }).toList()));
    }

    /** The definition with one question replaced (same key); empty if the question is not there. */
    public Optional<QuestionnaireDefinition> withReplaced(Question replacement) {
        if (question(replacement.key()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new QuestionnaireDefinition(sections.stream().map(s -> new Section(s.key(), s.title(), s.intro(),
                s.questions().stream().map(q -> q.key().equals(replacement.key()) ? replacement : q).toList())).toList()));
    }

    /** The definition with the section added at the end. */
    public QuestionnaireDefinition withSection(Section added) {
        List<Section> all = new ArrayList<>(sections);
        all.add(added);
        return new QuestionnaireDefinition(all);
    }

    /** The definition without that question (its answers stay with the questionnaires that have them). */
    public QuestionnaireDefinition withoutQuestion(String questionKey) {
        return new QuestionnaireDefinition(sections.stream().map(s -> new Section(s.key(), s.title(), s.intro(),
                s.questions().stream().filter(q -> !q.key().equals(questionKey)).toList())).toList());
    }

    /** The definition without that section and its questions. */
    public QuestionnaireDefinition withoutSection(String sectionKey) {
        return new QuestionnaireDefinition(sections.stream().filter(s -> !s.key().equals(sectionKey)).toList());
    }

    public int questionCount() {
        return sections.stream().mapToInt(s -> s.questions().size()).sum();
    }
}
