package dev.siteready.scoping;

import dev.siteready.scoping.QuestionnaireDefinition.Question;
import dev.siteready.scoping.QuestionnaireDefinition.Section;
import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import dev.siteready.web.Names;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.ws.rs.NotFoundException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A workspace's questionnaire template: a draft that managers edit, and published versions that never change. */
@Entity
public class QuestionnaireTemplate extends WorkspaceOwned {

    @Column(nullable = false, length = 120)
    @Convert(converter = Names.Nfc.class)
    public String name;

    @Column(nullable = false, length = 2000)
    public String description = "";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public QuestionnaireDefinition draft;

    /** The draft differs from the latest published version. */
    @Column(name = "draft_changed", nullable = false)
    public boolean draftChanged;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = AppClock.now();

    public static List<QuestionnaireTemplate> listByName() {
        return list("order by lower(name)");
    }

    public static QuestionnaireTemplate findByName(String name) {
        return find("lower(name) = lower(?1)", Names.normalize(name)).firstResult();
    }

    /** The template of this workspace, or 404. */
    public static QuestionnaireTemplate require(UUID id) {
        QuestionnaireTemplate template = id == null ? null : findById(id);
        if (template == null) {
            throw new NotFoundException();
        }
        return template;
    }

    /** Whether a form shown with that version of the template is out of date (someone else changed it since). */
    public boolean changedSince(String formVersion) {
        return formVersion != null && !formVersion.equals(String.valueOf(version));
    }

    /** Adds a section at the end of the draft. */
    public Section addSection(String title, String intro) {
        Section section = new Section("custom-" + QuestionForms.shortId(), title, intro, List.of());
        change(draft.withSection(section));
        return section;
    }

    /** Adds the question at the end of the draft's section; empty (and no change) if the draft has no such section. */
    public Optional<Section> addQuestion(String sectionKey, Question question) {
        Optional<QuestionnaireDefinition> changed = draft.withQuestion(sectionKey, question);
        changed.ifPresent(this::change);
        return changed.flatMap(d -> d.section(sectionKey));
    }

    /** Removes the question from the draft; empty if the draft has none with that key. */
    public Optional<Question> removeQuestion(String key) {
        Optional<Question> question = draft.question(key);
        question.ifPresent(q -> change(draft.withoutQuestion(q.key())));
        return question;
    }

    /** Removes the section and its questions from the draft; empty if the draft has none with that key. */
    public Optional<Section> removeSection(String key) {
        Optional<Section> section = draft.section(key);
        section.ifPresent(s -> change(draft.withoutSection(s.key())));
        return section;
    }

    private void change(QuestionnaireDefinition changed) {
        draft = changed;
        draftChanged = true;
    }
}
