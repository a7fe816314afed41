package dev.siteready.scoping;

import dev.siteready.scoping.QuestionnaireDefinition.Choice;
import dev.siteready.scoping.QuestionnaireDefinition.Column;
import dev.siteready.scoping.QuestionnaireDefinition.Question;
import dev.siteready.web.Dates;
import dev.siteready.web.Option;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The questionnaire templates' pages: the list with the new-template form, and a template's draft editor. */
final class QuestionnaireTemplatePages {

    public record TemplateRow(UUID id, String name, String description, int latestVersion, boolean draftChanged, int questions) {
    }

    public record QuestionRow(String key, String label, String type, String repeat, boolean required, String condition,
            String options, String origin, String originLink) {
    }

    public record SectionRow(String key, String title, String intro, List<QuestionRow> questions) {
    }

    /** A published version; retrospectiveLink leads to the retrospective whose proposal made it. */
    public record VersionRow(int number, String publishedAt, String publishedBy, String note, int questions, String retrospectiveLink) {
    }

    /** What was typed into the editor's forms, shown again when it was refused (one form at a time). */
    public record EditorInput(QuestionForm question, SectionForm section, PublishForm publish) {
        public static final EditorInput NONE = new EditorInput(QuestionForm.EMPTY, SectionForm.EMPTY, new PublishForm("", null));

        public static EditorInput of(QuestionForm form) {
            return new EditorInput(form, NONE.section, NONE.publish);
        }

        public static EditorInput of(SectionForm form) {
            return new EditorInput(NONE.question, form, NONE.publish);
        }

        public static EditorInput of(PublishForm form) {
            return new EditorInput(NONE.question, NONE.section, form);
        }
    }

    public record Editor(UUID id, String name, String description, long version, boolean draftChanged,
            List<SectionRow> sections, List<VersionRow> versions, List<Option> types, List<Option> repeats,
            List<Option> questions, EditorInput input, String problem) {
    }

    @CheckedTemplate(basePath = "QuestionnaireTemplateResource")
    static class Templates {
        static native TemplateInstance list(List<TemplateRow> templates, String name, String problem);

        static native TemplateInstance editor(Editor editor);
    }

    private QuestionnaireTemplatePages() {
    }

    /** The list of templates, with the name typed into the new-template form and what was wrong with it. */
    public static TemplateInstance list(String name, String problem) {
        Map<UUID, Integer> latest = QuestionnaireTemplateVersion.getEntityManager().createQuery(
                "select v.template.id, max(v.number) from QuestionnaireTemplateVersion v group by v.template.id", Object[].class)
                .getResultList().stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (Integer) r[1]));
        return Templates.list(QuestionnaireTemplate.listByName().stream().map(t -> new TemplateRow(t.id, t.name, t.description,
                latest.getOrDefault(t.id, 0), t.draftChanged, t.draft.questionCount())).toList(), name, problem);
    }

    /** The editor, with what was typed into one of its forms and the problem with it (or EditorInput.NONE and null). */
    public static TemplateInstance editor(QuestionnaireTemplate template, EditorInput input, String problem) {
        QuestionnaireDefinition draft = template.draft;
        List<SectionRow> sections = draft.sections().stream().map(s -> new SectionRow(s.key(), s.title(), s.intro(),
                s.questions().stream().map(q -> row(draft, q)).toList())).toList();
        List<Option> questions = draft.sections().stream().flatMap(s -> s.questions().stream())
                .filter(q -> q.kind() == QuestionType.YES_NO_UNKNOWN || q.kind().hasChoices())
                .map(q -> option(q.key(), q.label(), input.question().showIfQuestion())).toList();
        return Templates.editor(new Editor(template.id, template.name, template.description, template.version,
                template.draftChanged, sections, versions(template),
                Arrays.stream(QuestionType.values()).map(t -> option(t.name(), t.label, input.question().type())).toList(),
                Arrays.stream(Repeat.values()).map(r -> option(r.name(), r.label, input.question().repeat())).toList(),
                questions, input, problem));
    }

    private static QuestionRow row(QuestionnaireDefinition draft, Question q) {
        String condition = q.showIf() == null ? "" : "Shown when " + draft.question(q.showIf().question())
                .map(Question::label).orElse(q.showIf().question()) + " is " + q.showIf().equals();
        String options = q.kind() == QuestionType.TABLE ? q.columns().stream().map(Column::label).collect(Collectors.joining(", "))
                : q.options().stream().map(Choice::label).collect(Collectors.joining(", "));
        return new QuestionRow(q.key(), q.label(), q.kind().label, q.repetition().label, q.required(), condition, options,
                q.origin() == null ? null : q.origin().label(), q.origin() == null ? null : q.origin().link());
    }

    /**
     * The published versions, one query; a version a retrospective's proposal made links to the proposal's address,
     * which leads to its retrospective (retro's route: scoping does not read its tables).
     */
    private static List<VersionRow> versions(QuestionnaireTemplate template) {
        return QuestionnaireTemplateVersion.listFor(template).stream().map(v -> new VersionRow(v.number,
                Dates.utc(v.publishedAt), v.publishedBy, v.note, v.questionCount(),
                v.proposalId == null ? null : "/retrospectives/proposals/" + v.proposalId)).toList();
    }

    private static Option option(String value, String label, String chosen) {
        return new Option(value, label, value.equals(chosen));
    }
}
