package dev.siteready.team;

import dev.siteready.account.Member;
import dev.siteready.account.Passwords;
import dev.siteready.account.SecretTokens;
import dev.siteready.account.SessionCookies;
import dev.siteready.tenant.TenantContext;
import dev.siteready.tenant.Workspace;
import dev.siteready.web.Flash;
import dev.siteready.web.FormErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.RestPath;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Where an invitation link leads: the invited person sets a name and password and joins the workspace. */
@Path("/invitations/{token}")
@Produces(MediaType.TEXT_HTML)
public class InvitationResource {

    /** What the invited person sees about the invitation. */
    public record InvitationView(String workspaceName, String email, String roleLabel, String roleDescription) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accept(String token, InvitationView invitation, AcceptInvitationForm form,
                FormErrors errors);

        static native TemplateInstance invalid();
    }

    @Inject
    InvitationLookups lookups;

    @Inject
    Clock clock;

    @Inject
    TenantContext tenant;

    @Inject
    SessionCookies sessionCookies;

    @Inject
    SecurityIdentity identity;

    @Inject
    Validator validator;

    @Inject
    RoutingContext routing;

    @GET
    public Response show(@RestPath String token) {
        if (!identity.isAnonymous()) {
            return Flash.seeOtherWithError("/", "Sign out first to accept an invitation for another account.");
        }
        Optional<InvitationView> view = load(token);
        if (view.isEmpty()) {
            return invalid();
        }
        return Response.ok(Templates.accept(token, view.get(), AcceptInvitationForm.empty(), FormErrors.none())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@RestPath String token, @BeanParam AcceptInvitationForm form) {
        if (!identity.isAnonymous()) {
            return Flash.seeOtherWithError("/", "Sign out first to accept an invitation for another account.");
        }
        Optional<InvitationView> view = load(token);
        if (view.isEmpty()) {
            return invalid();
        }
        FormErrors errors = FormErrors.of(validator.validate(form));
        String passwordProblem = Passwords.problem(form.password(), view.get().email(), form.name(), view.get().workspaceName());
        if (passwordProblem != null) {
            errors.add("password", passwordProblem);
        }
        if (!errors.any()) {
            String hash = Passwords.hash(form.password());
            try {
                UUID memberId = QuarkusTransaction.requiringNew().call(() -> join(token, form.name().trim(), hash));
                if (memberId == null) {
                    return invalid();
                }
                sessionCookies.signIn(routing, tenant.requireWorkspaceId(), memberId, 0);
                return Flash.seeOther("/", "Welcome to " + view.get().workspaceName() + ".");
            } catch (OptimisticLockException | StaleStateException e) {
                return invalid(); // someone used the link at the same moment
            } catch (PersistenceException e) {
                if (!Member.isEmailConflict(e)) {
                    throw e;
                }
                errors.add("form", "The e-mail " + view.get().email()
                        + " already has a SiteReady account, so it cannot join another workspace. Ask for an invitation to another address.");
            }
        }
        return Response.status(400).entity(Templates.accept(token, view.get(), form, errors)).build();
    }

    /** Marks the invitation used and creates the member, or returns null if it is no longer pending. */
    private UUID join(String token, String name, String passwordHash) {
        Invitation invitation = Invitation.findByTokenHash(SecretTokens.hash(token));
        if (invitation == null || !invitation.isPending()) {
            return null;
        }
        // The version check makes the link single-use even when two people submit it at the same moment.
        invitation.acceptedAt = OffsetDateTime.now(clock);
        Member member = new Member();
        member.email = invitation.email;
        member.displayName = name;
        member.passwordHash = passwordHash;
        member.role = invitation.role;
        member.persist();
        Member.flush();
        return member.id;
    }

    private Optional<InvitationView> load(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        String hash = SecretTokens.hash(token);
        Optional<UUID> workspaceId = lookups.workspaceOfPending(hash);
        if (workspaceId.isEmpty()) {
            return Optional.empty();
        }
        tenant.use(workspaceId.get());
        return QuarkusTransaction.requiringNew().call(() -> {
            Invitation invitation = Invitation.findByTokenHash(hash);
            Workspace workspace = Workspace.findById(workspaceId.get());
            if (invitation == null || workspace == null || !invitation.isPending()) {
                return Optional.empty();
            }
            return Optional.of(new InvitationView(workspace.name, invitation.email, invitation.role.label,
                    invitation.role.description));
        });
    }

    private static Response invalid() {
        return Response.status(404).entity(Templates.invalid()).build();
    }
}
