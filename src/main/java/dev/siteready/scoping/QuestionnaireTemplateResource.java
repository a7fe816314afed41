package dev.siteready.scoping;

import dev.siteready.web.Dates;
import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.scoping.QuestionnaireDefinition.Choice;
import dev.siteready.scoping.QuestionnaireDefinition.Column;
import dev.siteready.scoping.QuestionnaireDefinition.Condition;
import dev.siteready.scoping.QuestionnaireDefinition.Question;
import dev.siteready.scoping.QuestionnaireDefinition.Section;
import dev.siteready.web.Flash;
import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Questionnaire templates: managers add sections and questions to a template's draft, then publish it as
 * a new version. Questionnaires in flight keep their version until a manager pulls the new one in.
 */
@Path("/templates/questionnaires")
@Produces(MediaType.TEXT_HTML)
public class QuestionnaireTemplateResource {

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

    public record Option(String value, String label) {
    }

    public record Editor(UUID id, String name, String description, long version, boolean draftChanged,
            List<SectionRow> sections, List<VersionRow> versions, List<Option> types, List<Option> repeats,
            List<Option> questions, Map<String, String> input, String problem) {
        public String in(String field) {
            return input.getOrDefault(field, "");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<TemplateRow> templates, String name, String problem);

        static native TemplateInstance editor(Editor editor);
    }

    @Inject
    QuestionnaireTemplates templates;

    @Inject
    SecurityIdentity identity;

    @GET
    @Transactional
    public TemplateInstance list() {
        templates.ensureStandard();
        return Templates.list(rows(), "", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response create(@RestForm String name) {
        String clean = name == null ? "" : name.trim();
        String problem = !PlainText.Validator.isName(clean, 120) ? "Give the template a name of 1 to 120 characters."
                : QuestionnaireTemplate.findByName(clean) != null ? "A questionnaire template called " + clean + " exists already." : null;
        if (problem != null) {
            return Response.status(400).entity(Templates.list(rows(), clean, problem)).build();
        }
        QuestionnaireTemplate template = new QuestionnaireTemplate();
        template.name = clean;
        template.description = "Starts from the standard scoping questions.";
        template.draft = StandardQuestionnaire.definition();
        template.persist();
        templates.publish(template, "Copied from the standard questions.", Actors.describe(identity));
        return Flash.seeOther("/templates/questionnaires/" + template.id, "Template " + clean + " created with the standard questions.");
    }

    @GET
    @Path("{id}")
    @Transactional
    public TemplateInstance show(@RestPath UUID id) {
        return Templates.editor(editor(template(id), Map.of(), null));
    }

    @POST
    @Path("{id}/sections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response addSection(@RestPath UUID id, MultivaluedMap<String, String> form) {
        QuestionnaireTemplate template = template(id);
        Map<String, String> input = Forms.flat(form);
        String title = input.getOrDefault("title", "").trim();
        String intro = input.getOrDefault("intro", "").trim();
        String problem = stale(template, input);
        if (problem == null && (!PlainText.Validator.isName(title, 120) || !PlainText.Validator.fits(intro, 1000))) {
            problem = "Give the section a title of 1 to 120 characters and an introduction of up to 1,000.";
        }
        if (problem != null) {
            return Response.status(problem.startsWith("Someone") ? 409 : 400).entity(Templates.editor(editor(template, input, problem))).build();
        }
        List<Section> sections = new ArrayList<>(template.draft.sections());
        sections.add(new Section("custom-" + QuestionForms.shortId(), title, intro, List.of()));
        change(template, sections);
        return Flash.seeOther("/templates/questionnaires/" + id + "#add-question", "Section " + title + " added to the draft.");
    }

    @POST
    @Path("{id}/questions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response addQuestion(@RestPath UUID id, MultivaluedMap<String, String> form) {
        QuestionnaireTemplate template = template(id);
        Map<String, String> input = Forms.flat(form);
        String problem = stale(template, input);
        Question question = null;
        if (problem == null) {
            try {
                question = QuestionForms.question(template.draft, input);
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        Section section = template.draft.section(input.getOrDefault("section", "")).orElse(null);
        if (problem == null && section == null) {
            problem = "Choose the section the question belongs to.";
        }
        if (problem != null) {
            return Response.status(problem.startsWith("Someone") ? 409 : 400).entity(Templates.editor(editor(template, input, problem))).build();
        }
        Question added = question;
        List<Section> sections = template.draft.sections().stream().map(s -> {
            if (!s.key().equals(section.key())) {
                return s;
            }
            List<Question> questions = new ArrayList<>(s.questions());
            questions.add(added);
            return new Section(s.key(), s.title(), s.intro(), questions);
        }).toList();
        change(template, sections);
        return Flash.seeOther("/templates/questionnaires/" + id + "#section-" + section.key(),
                "Question added to " + section.title() + ". Publish the draft to use it in new questionnaires.");
    }

    @POST
    @Path("{id}/questions/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response removeQuestion(@RestPath UUID id, @RestForm String key) {
        QuestionnaireTemplate template = template(id);
        Question question = template.draft.question(key == null ? "" : key).orElseThrow(NotFoundException::new);
        List<Section> sections = template.draft.sections().stream().map(s -> new Section(s.key(), s.title(), s.intro(),
                s.questions().stream().filter(q -> !q.key().equals(question.key())).toList())).toList();
        change(template, sections);
        return Flash.seeOther("/templates/questionnaires/" + id, "Question removed from the draft. Questionnaires keep their answers to it.");
    }

    @POST
    @Path("{id}/sections/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response removeSection(@RestPath UUID id, @RestForm String key) {
        QuestionnaireTemplate template = template(id);
        Section section = template.draft.section(key == null ? "" : key).orElseThrow(NotFoundException::new);
        change(template, template.draft.sections().stream().filter(s -> !s.key().equals(section.key())).toList());
        return Flash.seeOther("/templates/questionnaires/" + id, "Section " + section.title() + " removed from the draft.");
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response publish(@RestPath UUID id, @RestForm String note) {
        QuestionnaireTemplate template = template(id);
        String clean = note == null ? "" : note.trim();
        if (!PlainText.Validator.fits(clean, 500)) {
            return Response.status(400).entity(Templates.editor(editor(template, Map.of("note", clean),
                    "Keep the note to 500 characters of plain text."))).build();
        }
        QuestionnaireTemplateVersion version = templates.publish(template, clean, Actors.describe(identity));
        return Flash.seeOther("/templates/questionnaires/" + id, "Version " + version.number
                + " published. New questionnaires use it; existing ones can pull it in from their page.");
    }

    private static void change(QuestionnaireTemplate template, List<Section> sections) {
        template.draft = new QuestionnaireDefinition(sections);
        template.draftChanged = true;
    }

    private static String stale(QuestionnaireTemplate template, Map<String, String> input) {
        return input.containsKey("version") && !input.get("version").equals(String.valueOf(template.version))
                ? "Someone else changed this template while you were editing. Your input is shown; submit again to add it."
                : null;
    }

    private static QuestionnaireTemplate template(UUID id) {
        QuestionnaireTemplate template = QuestionnaireTemplate.findById(id);
        if (template == null) {
            throw new NotFoundException();
        }
        return template;
    }

    private static List<TemplateRow> rows() {
        Map<UUID, Integer> latest = QuestionnaireTemplateVersion.getEntityManager().createQuery(
                "select v.template.id, max(v.number) from QuestionnaireTemplateVersion v group by v.template.id", Object[].class)
                .getResultList().stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (Integer) r[1]));
        return QuestionnaireTemplate.listByName().stream().map(t -> new TemplateRow(t.id, t.name, t.description,
                latest.getOrDefault(t.id, 0), t.draftChanged, t.draft.questionCount())).toList();
    }

    private static Editor editor(QuestionnaireTemplate template, Map<String, String> input, String problem) {
        QuestionnaireDefinition draft = template.draft;
        List<SectionRow> sections = draft.sections().stream().map(s -> new SectionRow(s.key(), s.title(), s.intro(),
                s.questions().stream().map(q -> new QuestionRow(q.key(), q.label(), q.kind().label, q.repetition().label,
                        q.required(), q.showIf() == null ? "" : "Shown when " + draft.question(q.showIf().question())
                                .map(Question::label).orElse(q.showIf().question()) + " is " + q.showIf().equals(),
                        q.kind() == QuestionType.TABLE ? q.columns().stream().map(Column::label).collect(Collectors.joining(", "))
                                : q.options().stream().map(Choice::label).collect(Collectors.joining(", ")),
                        q.origin() == null ? null : q.origin().label(), q.origin() == null ? null : q.origin().link())).toList())).toList();
        @SuppressWarnings("unchecked")
        Map<UUID, UUID> retros = ((List<Object[]>) QuestionnaireTemplateVersion.getEntityManager().createNativeQuery(
                "SELECT id, retrospective_id FROM template_proposal WHERE workspace_id = ?1 AND questionnaire_template_id = ?2"
                        + " AND status = 'ACCEPTED'")
                .setParameter(1, UUID.fromString(template.workspaceId)).setParameter(2, template.id).getResultList()).stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (UUID) r[1]));
        List<VersionRow> versions = QuestionnaireTemplateVersion.listFor(template).stream().map(v -> new VersionRow(v.number,
                Dates.utc(v.publishedAt), v.publishedBy, v.note, v.definition.questionCount(),
                v.proposalId == null || !retros.containsKey(v.proposalId) ? null : "/retrospectives/" + retros.get(v.proposalId))).toList();
        List<Option> questions = draft.sections().stream().flatMap(s -> s.questions().stream())
                .filter(q -> q.kind() == QuestionType.YES_NO_UNKNOWN || q.kind().hasChoices())
                .map(q -> new Option(q.key(), q.label())).toList();
        return new Editor(template.id, template.name, template.description, template.version, template.draftChanged, sections,
                versions, Arrays.stream(QuestionType.values()).map(t -> new Option(t.name(), t.label)).toList(),
                Arrays.stream(Repeat.values()).map(r -> new Option(r.name(), r.label)).toList(), questions, input, problem);
    }
}
