package dev.siteready.profiling;

import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.project.Project;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Sample messages over the API: the body is profiled in memory and only the profile is kept. */
@Path("/api/projects/{projectId}/samples")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sample messages")
@SecurityRequirement(name = "apiToken")
public class SamplesApiResource {

    /**
     * A message that could not be read: its number (each MSH starts one), the reason, and where ("#3"); text that is no
     * message has index 0 and says where it was ("Before message 1", "After message 2").
     */
    public record FailureJson(int index, String reason, String where) {
    }

    public record ProfileJson(UUID id, UUID projectId, OffsetDateTime createdAt, String createdBy, String link,
            List<FailureJson> failures, ProfileData profile) {
    }

    public record ProfileListItem(UUID id, OffsetDateTime createdAt, String createdBy, String format, int messages, int failed) {
    }

    public record Refusal(int status, String error, String message, List<FailureJson> failures) {
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    SampleProfiles profiles;

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    @Operation(summary = "Profile sample messages", description = "The body holds one or many messages: text/plain for HL7 v2 "
            + "(newline- or MLLP-separated), application/json for Redox-style or FHIR JSON (one value, an array, or one per line). "
            + "Up to 10 MB. Answers with the profile (aggregates only; the messages are not kept) and the messages that could "
            + "not be read, with the reader's reason (not kept either).")
    public Response profile(@RestPath UUID projectId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        Project project = Project.requireWithSite(projectId);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        boolean json = type.startsWith("application/json") || type.startsWith("application/fhir+json");
        if (!json && !type.startsWith("text/plain")) {
            return refusal(415, "Unsupported Media Type", "Send the messages as text/plain (HL7 v2) or application/json "
                    + "(Redox or FHIR JSON).", List.of());
        }
        SampleInput input = SampleInput.of(body);
        if (input.refused()) {
            return refusal(input.status(), input.status() == 413 ? "Payload Too Large" : input.status() == 415
                    ? "Unsupported Media Type" : "Bad Request", input.problem(), List.of());
        }
        Profiler.Result result = json ? Profiler.profileJson(input.text()) : Profiler.profileHl7(input.text());
        List<FailureJson> failures = result.failures().stream().limit(1000).map(f -> new FailureJson(f.index(), f.reason(), f.label())).toList();
        if (result.data().profiled() == 0) {
            return refusal(422, "Unprocessable Content", result.nothingRead(), failures);
        }
        SampleProfile stored = profiles.store(project, result, input, SampleProfile.Source.API, Actors.describe(identity));
        String link = SampleProfile.path(project) + "/" + stored.id;
        return Response.created(URI.create(link)).entity(new ProfileJson(stored.id, project.id, stored.createdAt, stored.createdBy,
                link, failures, stored.data)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "The project's profiles, newest first (20)")
    public List<ProfileListItem> list(@RestPath UUID projectId) {
        return SampleProfile.latestFor(Project.requireWithSite(projectId)).stream()
                .map(p -> new ProfileListItem(p.id, p.createdAt, p.createdBy, p.format, p.messageCount, p.failedCount)).toList();
    }

    @GET
    @Path("{profileId}")
    @Transactional
    @Operation(summary = "One profile")
    public ProfileJson one(@RestPath UUID projectId, @RestPath UUID profileId) {
        Project project = Project.requireWithSite(projectId);
        SampleProfile p = SampleProfile.require(project, profileId);
        return new ProfileJson(p.id, project.id, p.createdAt, p.createdBy, SampleProfile.path(project) + "/" + p.id, List.of(), p.data);
    }

    private static Response refusal(int status, String error, String message, List<FailureJson> failures) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new Refusal(status, error, message, failures)).build();
    }
}
