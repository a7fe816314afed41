package dev.siteready.profiling;

import dev.siteready.scoping.AnswerKey;
import dev.siteready.web.Dates;
import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.profiling.ProfileData.Presence;
import dev.siteready.profiling.ProfileData.Shape;
import dev.siteready.profiling.Suggestions.Suggested;
import dev.siteready.project.Hl7Tables;
import dev.siteready.project.Project;
import dev.siteready.scoping.Answer;
import dev.siteready.scoping.AnswerValues;
import dev.siteready.scoping.Questionnaire;
import dev.siteready.scoping.QuestionnaireViews;
import dev.siteready.web.Flash;
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
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A project's sample messages: paste (or pick a file, which the browser reads into the text box) HL7 v2 or JSON
 * samples, see what they contain, and accept the questionnaire answers they suggest. The messages are profiled in
 * memory and dropped; only the profile is kept.
 */
@Path("/sites/{siteId}/projects/{projectId}/samples")
@Produces(MediaType.TEXT_HTML)
public class SamplesResource {

    static final int PROFILES_LISTED = 20;
    static final int FAILURES_SHOWN = 100;

    public record ProfileRow(UUID id, String when, String by, String format, int messages, int failed, boolean current) {
    }

    public record FillView(String field, int present, int of, String percent, boolean partial, boolean none) {
    }

    public record TypeView(String type, String catalog, int messages, String versions, List<FillView> fill) {
    }

    public record IdView(String type, String authority, int patients, String shapes) {
    }

    public record PresenceView(String field, int present, int of, String percent, String shapes, String types) {
    }

    public record ProviderView(String field, String type, String authority, int count, String shapes) {
    }

    public record SystemView(String system, String kind, boolean flagged, int count, String percent) {
    }

    public record CodedView(String model, String field, int values, List<SystemView> systems) {
    }

    public record ProfileView(UUID id, String when, String by, String format, int messages, int profiled, int failed,
            String failedIndexes, String size, List<TypeView> types, List<IdView> patientIds, String idsPerPatient,
            PresenceView account, PresenceView visit, List<ProviderView> providers, List<CodedView> codes) {
    }

    public record SuggestionView(String id, String questionKey, String subject, String question, String value, String evidence,
            String current, String version, String state, boolean matches, String action, String questionLink, String problem) {
        SuggestionView withProblem(String text) {
            return new SuggestionView(id, questionKey, subject, question, value, evidence, current, version, state, matches, action,
                    questionLink, text);
        }
    }

    public record Page(UUID siteId, String siteName, UUID projectId, String projectName, String base,
            List<ProfileRow> profiles, ProfileView profile, List<SuggestionView> suggestions, String suggestionsNote,
            List<ProfileBuilder.Failure> failures, int moreFailures, String problem, String input, boolean justProfiled) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance samples(Page page);

        static native TemplateInstance samples$suggestion(SuggestionView s);
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    SampleProfiles profiles;

    @Inject
    QuestionnaireViews views;

    @GET
    @Transactional
    public TemplateInstance show(@RestPath UUID siteId, @RestPath UUID projectId) {
        Project project = Project.require(siteId, projectId);
        List<SampleProfile> list = SampleProfile.listFor(project, PROFILES_LISTED);
        return Templates.samples(page(project, list, list.isEmpty() ? null : list.get(0), List.of(), 0, null, "", false));
    }

    @GET
    @Path("{profileId}")
    @Transactional
    public TemplateInstance profile(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID profileId) {
        Project project = Project.require(siteId, projectId);
        SampleProfile chosen = find(project, profileId);
        return Templates.samples(page(project, SampleProfile.listFor(project, PROFILES_LISTED), chosen, List.of(), 0, null, "", false));
    }

    /**
     * Profiles the pasted samples. Answers with the page itself (not a redirect) because the messages that failed are
     * listed with the parser's reasons only in this response: reasons can quote the message, so they are never kept.
     * The form is URL-encoded, never multipart: Quarkus writes multipart file parts to a temporary folder before any
     * code runs, and a sample must never touch the disk (a multipart post is refused with 415 unread).
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response upload(@RestPath UUID siteId, @RestPath UUID projectId, @RestForm String samples) {
        Project project = Project.require(siteId, projectId);
        SampleInput input = SampleInput.of(samples);
        if (input.refused()) {
            return refused(project, input.status(), input.problem(), input.status() == 400 ? samples : "", List.of(), 0);
        }
        Profiler.Result result = Profiler.profile(input.text());
        List<ProfileBuilder.Failure> failures = result.failures();
        if (result.data().profiled() == 0) {
            return refused(project, 422, "None of the " + Suggestions.messages(result.data().messages())
                    + " could be read, so nothing was kept. The reasons are listed below.", samples,
                    failures.stream().limit(FAILURES_SHOWN).toList(), Math.max(0, result.data().failed() - FAILURES_SHOWN));
        }
        SampleProfile stored = profiles.store(project, result, input, SampleProfile.Source.PAGE, Actors.describe(identity));
        List<SampleProfile> list = SampleProfile.listFor(project, PROFILES_LISTED);
        return Response.ok(Templates.samples(page(project, list, stored, failures.stream().limit(FAILURES_SHOWN).toList(),
                Math.max(0, result.data().failed() - FAILURES_SHOWN), null, "", true))).build();
    }

    @POST
    @Path("{profileId}/suggestions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response decide(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID profileId,
            @RestForm String question, @RestForm String subject, @RestForm String version, @RestForm String decision,
            @RestHeader("HX-Request") boolean htmx) {
        Project project = Project.require(siteId, projectId);
        SampleProfile profile = find(project, profileId);
        String key = question == null ? "" : question;
        String on = subject == null ? "" : subject;
        String actor = Actors.describe(identity);
        SampleProfiles.Outcome outcome = "ignore".equals(decision) ? profiles.ignore(profile, key, on, actor)
                : "accept".equals(decision) ? profiles.accept(profile, key, on, version, actor) : null;
        if (outcome == null) {
            return Response.status(400).build();
        }
        String problem = switch (outcome) {
            case GONE -> "This suggestion no longer applies: the questionnaire or the project's scope changed.";
            case NO_QUESTIONNAIRE -> "Start the project's questionnaire first; suggestions become its answers.";
            case CONFLICT -> "The answer changed since this page was loaded. Its current value is shown; accept again to replace it.";
            case LOCKED -> "The questionnaire is locked (reviewed). Reopen it to change answers.";
            default -> null;
        };
        int status = outcome == SampleProfiles.Outcome.CONFLICT || outcome == SampleProfiles.Outcome.LOCKED ? 409
                : outcome == SampleProfiles.Outcome.GONE || outcome == SampleProfiles.Outcome.NO_QUESTIONNAIRE ? 422 : 200;
        String anchor = base(project) + "/" + profile.id + "#" + AnswerKey.of(key, on).domId().replaceFirst("^q-", "s-");
        if (htmx) {
            SuggestionView view = outcome == SampleProfiles.Outcome.GONE || outcome == SampleProfiles.Outcome.NO_QUESTIONNAIRE ? null
                    : suggestionViews(project, profile, Questionnaire.forProject(project.id)).stream()
                            .filter(s -> s.questionKey().equals(key) && s.subject().equals(on))
                            .findFirst().orElse(null);
            if (view != null) {
                return Response.status(status).entity(Templates.samples$suggestion(problem == null ? view : view.withProblem(problem))).build();
            }
            return Flash.htmxRedirect(anchor, problem == null ? "Saved." : problem, problem != null);
        }
        if (problem != null) {
            return Flash.seeOtherWithError(anchor, problem);
        }
        return Flash.seeOther(anchor, outcome == SampleProfiles.Outcome.ACCEPTED ? "Suggestion accepted: the answer is saved in the questionnaire."
                : "Suggestion ignored.");
    }

    @POST
    @Path("{profileId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response delete(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID profileId) {
        Project project = Project.require(siteId, projectId);
        SampleProfile profile = find(project, profileId);
        profile.delete();
        return Flash.seeOther(base(project), "Profile of " + Dates.utc(profile.createdAt)
                + " deleted. Answers accepted from it stay.");
    }

    private Response refused(Project project, int status, String problem, String input, List<ProfileBuilder.Failure> failures, int more) {
        List<SampleProfile> list = SampleProfile.listFor(project, PROFILES_LISTED);
        String kept = input == null || input.length() > 200_000 ? "" : input;
        return Response.status(status).entity(Templates.samples(page(project, list, null, failures, more, problem, kept, false))).build();
    }

    static SampleProfile find(Project project, UUID profileId) {
        SampleProfile profile = SampleProfile.findFor(project, profileId);
        if (profile == null) {
            throw new NotFoundException();
        }
        return profile;
    }

    static String base(Project project) {
        return "/sites/" + project.site.id + "/projects/" + project.id + "/samples";
    }

    private Page page(Project project, List<SampleProfile> list, SampleProfile shown, List<ProfileBuilder.Failure> failures,
            int moreFailures, String problem, String input, boolean justProfiled) {
        List<ProfileRow> rows = list.stream().map(p -> new ProfileRow(p.id, Dates.utc(p.createdAt), p.createdBy, p.format,
                p.messageCount, p.failedCount, shown != null && p.id.equals(shown.id))).toList();
        Questionnaire questionnaire = shown == null ? null : Questionnaire.forProject(project.id);
        List<SuggestionView> suggestions = shown == null ? List.of() : suggestionViews(project, shown, questionnaire);
        String note = shown == null ? null : questionnaire == null
                ? "Start the project's questionnaire to see the answers these samples suggest."
                : suggestions.isEmpty() ? "These samples suggest no answers for this project's questionnaire." : null;
        return new Page(project.site.id, project.site.name, project.id, project.name, base(project), rows,
                shown == null ? null : view(shown), suggestions, note, failures, moreFailures, problem, input, justProfiled);
    }

    /** The profile's suggestions with the current answers and decisions, from a fixed number of queries. */
    private List<SuggestionView> suggestionViews(Project project, SampleProfile profile, Questionnaire questionnaire) {
        if (questionnaire == null) {
            return List.of();
        }
        QuestionnaireViews.Data data = views.load(questionnaire);
        Map<String, SuggestionDecision> decisions = SuggestionDecision.listFor(profile).stream()
                .collect(Collectors.toMap(d -> d.questionKey + "\n" + d.subject, Function.identity()));
        String questionnairePath = "/sites/" + project.site.id + "/projects/" + project.id + "/questionnaire";
        List<SuggestionView> out = new ArrayList<>();
        for (Suggested s : Suggestions.of(profile.data, questionnaire.definition(), data.subjects())) {
            Answer answer = data.answer(s.questionKey(), s.subject());
            boolean answered = answer != null && AnswerValues.isAnswered(answer.value);
            SuggestionDecision decision = decisions.get(s.questionKey() + "\n" + s.subject());
            String label = s.question().label().replace("{subject}", s.subjectLabel());
            String dom = AnswerKey.of(s.questionKey(), s.subject()).domId();
            out.add(new SuggestionView(dom.replaceFirst("^q-", "s-"), s.questionKey(), s.subject(), label,
                    AnswerValues.display(s.question(), s.value()), s.evidence(),
                    answered ? AnswerValues.display(s.question(), answer.value) : "",
                    answer == null ? "" : String.valueOf(answer.version),
                    decision == null ? "" : decision.decision.name(), answered && answer.value.equals(s.value()),
                    base(project) + "/" + profile.id + "/suggestions", questionnairePath + "#" + dom, null));
        }
        return out;
    }

    static ProfileView view(SampleProfile p) {
        ProfileData d = p.data;
        List<TypeView> types = d.types().stream().map(t -> new TypeView(t.type(),
                t.model().isEmpty() ? "" : t.model() + (t.event().isEmpty() ? "" : " " + t.event()), t.messages(),
                t.versions().entrySet().stream().map(e -> e.getKey() + (t.versions().size() > 1 ? " (" + e.getValue() + ")" : ""))
                        .collect(Collectors.joining(", ")),
                t.fill().stream().map(f -> new FillView(f.field(), f.present(), f.of(), Suggestions.percent(f.present(), f.of()),
                        f.present() > 0 && f.present() < f.of(), f.present() == 0)).toList())).toList();
        List<IdView> ids = d.patientIds().stream().map(i -> new IdView(i.type().isEmpty() ? "(none)" : Hl7Tables.label(Hl7Tables.IDENTIFIER_TYPES, i.type()),
                i.authority(), i.patients(), shapes(i.shapes()))).toList();
        String perPatient = d.idsPerPatient() == null ? "" : d.idsPerPatient().min() == d.idsPerPatient().max()
                ? d.idsPerPatient().min() + " per patient"
                : d.idsPerPatient().min() + " to " + d.idsPerPatient().max() + " per patient";
        List<ProviderView> providers = d.providers().stream().map(s -> new ProviderView(s.field(),
                s.type().isEmpty() ? "(no type)" : s.type(), s.authority(), s.count(), shapes(s.shapes()))).toList();
        List<CodedView> codes = d.codes().stream().map(c -> new CodedView(c.model().isEmpty() ? "(not mapped)" : c.model(), c.field(),
                c.values(), c.systems().stream().map(s -> new SystemView(s.system().isEmpty() ? "(no system)" : s.system(),
                        s.kindLabel(), s.flagged(), s.count(), Suggestions.percent(s.count(), c.values()))).toList())).toList();
        return new ProfileView(p.id, Dates.utc(p.createdAt), p.createdBy, p.format, d.messages(), d.profiled(), d.failed(),
                d.failedIndexes().stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + (d.failed() > d.failedIndexes().size() ? " and " + (d.failed() - d.failedIndexes().size()) + " more" : ""),
                SampleInput.megabytes(p.inputBytes).equals("0.0 MB") ? String.format(Locale.ROOT, "%,d bytes", p.inputBytes)
                        : SampleInput.megabytes(p.inputBytes),
                types, ids, perPatient, presence(d.accountNumber()), presence(d.visitNumber()), providers, codes);
    }

    private static PresenceView presence(Presence p) {
        return p == null ? null : new PresenceView(p.field(), p.present(), p.of(), Suggestions.percent(p.present(), p.of()),
                shapes(p.shapes()), String.join(", ", p.types()));
    }

    private static String shapes(List<Shape> shapes) {
        return shapes.stream().map(Shape::shape).collect(Collectors.joining(", "));
    }

}
