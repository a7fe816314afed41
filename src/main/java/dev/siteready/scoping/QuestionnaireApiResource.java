package dev.siteready.scoping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.siteready.project.Project;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A project's questionnaire over JSON: sections, questions and current answers. */
@Path("/api/projects/{projectId}/questionnaire")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Questionnaires")
@SecurityRequirement(name = "apiToken")
public class QuestionnaireApiResource {

    public record QuestionnaireJson(UUID id, UUID projectId, UUID siteId, String status, String template, int templateVersion,
            int answered, int shown, List<SectionJson> sections) {
    }

    public record SectionJson(String key, String title, int answered, int shown, List<QuestionJson> questions) {
    }

    /** One question for one subject; {@code answer} is the stored JSON (string, list, or list of rows) or null. */
    public record QuestionJson(String key, String subject, String title, String type, boolean required, boolean shown,
            JsonNode answer, String answerText, boolean needsFollowUp, String updatedBy, OffsetDateTime updatedAt,
            int comments) {
    }

    @Inject
    QuestionnaireViews views;

    @GET
    @Transactional
    @Operation(summary = "A project's questionnaire with its current answers",
            description = "Repeating questions appear once per subject of the project's scope (data set, data model or required field).")
    public QuestionnaireJson get(@RestPath UUID projectId) {
        Questionnaire questionnaire = Questionnaire.requireForProject(projectId);
        Project project = questionnaire.project;
        QuestionnaireViews.Data data = views.load(questionnaire);
        QuestionnaireView view = views.build(data, new QuestionnaireViews.Viewer("", false, false, s -> true), null, null);
        List<SectionJson> sections = view.sections().stream().map(s -> new SectionJson(s.key(), s.title(),
                s.progress().answered(), s.progress().total(), s.questions().stream().map(q -> {
                    Answer a = data.answer(q.key(), q.subject());
                    return new QuestionJson(q.key(), q.subject(), q.title(), q.type(), q.required(), q.visible(),
                            a == null ? null : a.value, q.display(), q.followUp(), a == null ? null : a.updatedBy,
                            a == null ? null : a.updatedAt, q.comments().size());
                }).toList())).toList();
        return new QuestionnaireJson(questionnaire.id, project.id, project.site.id, questionnaire.status.name(),
                questionnaire.templateVersion.template.name, questionnaire.templateVersion.number,
                view.progress().answered(), view.progress().total(), sections);
    }
}
