package dev.siteready.partner;

import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.scoping.Questionnaire;
import dev.siteready.web.ApiValidationError;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Partner links over JSON: create one (its URL is returned once) and revoke it. */
@Path("/api/projects/{projectId}/questionnaire/links")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Questionnaires")
@SecurityRequirement(name = "apiToken")
public class PartnerLinkApiResource {

    /** expiresInDays defaults to 14 (1 to 90); sections are section keys, none for all. */
    public record NewLink(String label, Integer expiresInDays, List<String> sections) {
        LinkForm form() {
            return new LinkForm(label, String.valueOf(expiresInDays == null ? PartnerLink.DEFAULT_DAYS : expiresInDays), sections);
        }
    }

    public record CreatedLink(UUID id, String label, String url, OffsetDateTime expiresAt, List<String> sections) {
    }

    @Inject
    PartnerLinks partnerLinks;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    @Operation(summary = "Create a partner link", description = "The URL is in this response only; SiteReady keeps a hash of it.")
    public Response create(@RestPath UUID projectId, NewLink body, @Context UriInfo uri) {
        Questionnaire questionnaire = Questionnaire.requireForProject(projectId);
        LinkForm form = (body == null ? new NewLink(null, null, null) : body).form();
        String problem = PartnerLinks.problem(questionnaire.definition(), form);
        if (problem != null) {
            String field = problem.startsWith("Label") ? "label" : problem.startsWith("The link expires") ? "expiresInDays" : "sections";
            return ApiValidationError.of(Map.of(field, problem));
        }
        PartnerLinks.Created created = partnerLinks.create(questionnaire, form, Actors.describe(identity), uri.getBaseUri().toString());
        PartnerLink link = created.link();
        return Response.status(201).entity(new CreatedLink(link.id, link.label, created.url(), link.expiresAt, link.sections)).build();
    }

    @DELETE
    @Path("{linkId}")
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    @Operation(summary = "Revoke a partner link")
    public Response revoke(@RestPath UUID projectId, @RestPath UUID linkId) {
        partnerLinks.revoke(Questionnaire.requireForProject(projectId), linkId);
        return Response.noContent().build();
    }
}
