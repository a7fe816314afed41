package dev.siteready.apitoken;

import dev.siteready.account.MemberRole;
import dev.siteready.account.MemberSessions;
import dev.siteready.account.SecretTokens;
import dev.siteready.web.Dates;
import dev.siteready.web.Flash;
import dev.siteready.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Owners and managers create and revoke the workspace's API tokens. A new token is shown once. */
@Path("/settings/api-tokens")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
public class ApiTokenResource {

    public record TokenRow(UUID id, String name, String prefix, String created, String lastUsed, boolean active,
            String revoked) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tokens(List<TokenRow> tokens, ApiTokenForm form, FormErrors errors,
                String newToken, String newTokenName);

        /** The panel with the form and the list, swapped in by htmx after a create. */
        static native TemplateInstance tokens$panel(List<TokenRow> tokens, ApiTokenForm form, FormErrors errors,
                String newToken, String newTokenName);
    }

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Inject
    SecurityIdentity identity;

    @GET
    @Transactional
    public TemplateInstance list(@RestHeader("HX-Request") boolean htmx) {
        return view(htmx, ApiTokenForm.empty(), FormErrors.none(), null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response create(@BeanParam ApiTokenForm form, @RestHeader("HX-Request") boolean htmx) {
        FormErrors errors = FormErrors.of(validator.validate(form));
        if (errors.any()) {
            return Response.status(400).entity(view(htmx, form, errors, null, null)).build();
        }
        String secret = SecretTokens.generate("srt_");
        ApiToken token = new ApiToken();
        token.name = form.name().trim();
        token.tokenHash = SecretTokens.hash(secret);
        token.tokenPrefix = secret.substring(0, 10);
        token.createdBy = identity.getAttribute(MemberSessions.MEMBER_ATTRIBUTE);
        token.persist();
        ApiToken.flush();
        // Shown in this response only: the database keeps just the hash.
        return Response.ok(view(htmx, ApiTokenForm.empty(), FormErrors.none(), secret, token.name))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response revoke(@RestPath UUID id) {
        ApiToken token = ApiToken.findById(id);
        if (token == null) {
            throw new NotFoundException();
        }
        if (token.isActive()) {
            token.revokedAt = OffsetDateTime.now(clock);
        }
        return Flash.seeOther("/settings/api-tokens", "The token \"" + token.name + "\" is revoked and no longer works.");
    }

    /** The whole page, or for htmx requests only the panel (same template, so both always agree). */
    private TemplateInstance view(boolean htmx, ApiTokenForm form, FormErrors errors, String newToken, String newTokenName) {
        List<TokenRow> rows = rows();
        return htmx ? Templates.tokens$panel(rows, form, errors, newToken, newTokenName)
                : Templates.tokens(rows, form, errors, newToken, newTokenName);
    }

    private List<TokenRow> rows() {
        return ApiToken.listForSettings().stream()
                .map(t -> new TokenRow(t.id, t.name, t.tokenPrefix, Dates.utc(t.createdAt),
                        t.lastUsedAt == null ? "never" : Dates.utc(t.lastUsedAt), t.isActive(),
                        t.revokedAt == null ? null : Dates.utc(t.revokedAt)))
                .toList();
    }
}
