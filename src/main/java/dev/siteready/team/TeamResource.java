package dev.siteready.team;

import dev.siteready.account.Member;
import dev.siteready.account.MemberRole;
import dev.siteready.account.MemberSessions;
import dev.siteready.account.SecretTokens;
import dev.siteready.tenant.TenantContext;
import dev.siteready.tenant.Workspace;
import dev.siteready.web.Dates;
import dev.siteready.web.Flash;
import dev.siteready.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestPath;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The team page: members and their roles, pending invitations, and inviting someone by link. */
@Path("/settings/team")
@Produces(MediaType.TEXT_HTML)
public class TeamResource {

    static final int INVITATION_DAYS = 7;

    public record MemberRow(UUID id, String name, String email, String roleLabel, String role, long version,
            String joined, boolean self) {
    }

    public record InvitationRow(UUID id, String email, String roleLabel, String expires, String invitedBy) {
    }

    public record RoleOption(String value, String label, String description) {
    }

    /** Everything the team page shows; newLink is set once, right after an invitation is created. */
    public record TeamPage(List<MemberRow> members, List<InvitationRow> invitations, List<RoleOption> roles,
            boolean canInvite, boolean isOwner, String newLink, String newLinkEmail) {
        public int invitationDays() {
            return INVITATION_DAYS;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance team(TeamPage page, InviteForm form, FormErrors errors);
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    @Inject
    UriInfo uriInfo;

    @ConfigProperty(name = "siteready.base-url")
    Optional<String> baseUrl;

    @GET
    @Transactional
    public TemplateInstance team() {
        return Templates.team(page(null, null), InviteForm.empty(), FormErrors.none());
    }

    @POST
    @Path("invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response invite(@BeanParam InviteForm form) {
        FormErrors errors = FormErrors.of(validator.validate(form));
        MemberRole role = MemberRole.parse(form.role());
        if (role != null && !currentRole().mayInvite(role)) {
            errors.add("role", "Only owners can invite owners.");
        }
        if (!errors.any() && Member.count("lower(email) = lower(?1)", form.email().trim()) > 0) {
            errors.add("email", "This person is already a member of the team.");
        }
        if (errors.any()) {
            return Response.status(400).entity(Templates.team(page(null, null), form, errors)).build();
        }
        String secret = SecretTokens.generate("inv_");
        Invitation invitation = new Invitation();
        invitation.email = form.email().trim();
        invitation.role = role;
        invitation.tokenHash = SecretTokens.hash(secret);
        invitation.invitedBy = currentMemberId();
        invitation.expiresAt = OffsetDateTime.now(clock).plusDays(INVITATION_DAYS);
        invitation.persist();
        String link = base() + "/invitations/" + secret;
        return Response.ok(Templates.team(page(link, invitation.email), InviteForm.empty(), FormErrors.none())).build();
    }

    @POST
    @Path("invitations/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response revoke(@RestPath UUID id) {
        Invitation invitation = Invitation.findById(id);
        if (invitation == null) {
            throw new NotFoundException();
        }
        if (invitation.isPending()) {
            invitation.revokedAt = OffsetDateTime.now(clock);
        }
        return Flash.seeOther("/settings/team", "The invitation for " + invitation.email + " no longer works.");
    }

    @POST
    @Path("members/{id}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(MemberRole.OWNER_ROLE)
    @Transactional
    public Response changeRole(@RestPath UUID id, @BeanParam RoleForm form) {
        Member member = Member.findById(id);
        if (member == null) {
            throw new NotFoundException();
        }
        MemberRole newRole = MemberRole.parse(form.role());
        if (newRole == null) {
            return Flash.seeOtherWithError("/settings/team", "Choose one of the listed roles.");
        }
        if (form.version() == null || !form.version().equals(member.version)) {
            return Flash.seeOtherWithError("/settings/team", "Someone changed " + member.displayName
                    + " while you were looking; their role is now " + member.role.label + ". Choose again if needed.");
        }
        if (member.role == MemberRole.OWNER && newRole != MemberRole.OWNER && lastOwner()) {
            return Flash.seeOtherWithError("/settings/team", "A workspace needs at least one owner. Make someone else an owner first.");
        }
        member.changeRole(newRole); // ends their sessions: they sign in again with the new role
        return Flash.seeOther("/settings/team", member.displayName + " is now " + newRole.label.toLowerCase() + ".");
    }

    @POST
    @Path("members/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(MemberRole.OWNER_ROLE)
    @Transactional
    public Response remove(@RestPath UUID id) {
        Member member = Member.findById(id);
        if (member == null) {
            throw new NotFoundException();
        }
        if (member.id.equals(currentMemberId())) {
            return Flash.seeOtherWithError("/settings/team", "You cannot remove yourself. Ask another owner.");
        }
        if (member.role == MemberRole.OWNER && lastOwner()) {
            return Flash.seeOtherWithError("/settings/team", "A workspace needs at least one owner.");
        }
        Invitation.delete("invitedBy", member.id);
        member.delete();
        return Flash.seeOther("/settings/team", member.displayName + " was removed from the team.");
    }

    /**
     * Whether only one owner is left. Takes a lock on the workspace row first, so two owners demoting or
     * removing each other at the same moment are serialised and cannot leave the workspace without one.
     */
    private boolean lastOwner() {
        Workspace.findById(identity.<UUID>getAttribute(TenantContext.WORKSPACE_ATTRIBUTE), LockModeType.PESSIMISTIC_WRITE);
        return Member.countOwners() <= 1;
    }

    private TeamPage page(String newLink, String newLinkEmail) {
        List<Member> members = Member.listByName();
        Map<UUID, String> names = members.stream().collect(Collectors.toMap(m -> m.id, m -> m.displayName));
        UUID self = currentMemberId();
        List<MemberRow> memberRows = members.stream()
                .map(m -> new MemberRow(m.id, m.displayName, m.email, m.role.label, m.role.name(), m.version,
                        Dates.day(m.createdAt), m.id.equals(self)))
                .toList();
        List<InvitationRow> invitationRows = Invitation.listPending().stream()
                .map(i -> new InvitationRow(i.id, i.email, i.role.label, Dates.day(i.expiresAt),
                        names.getOrDefault(i.invitedBy, "a former member")))
                .toList();
        MemberRole current = currentRole();
        List<RoleOption> roles = Arrays.stream(MemberRole.values())
                .filter(current::mayInvite)
                .map(r -> new RoleOption(r.name(), r.label, r.description))
                .toList();
        return new TeamPage(memberRows, invitationRows, roles, current.canEdit(), current == MemberRole.OWNER,
                newLink, newLinkEmail);
    }

    private MemberRole currentRole() {
        return Arrays.stream(MemberRole.values()).filter(r -> identity.hasRole(r.securityRole())).findFirst()
                .orElse(MemberRole.VIEWER);
    }

    private UUID currentMemberId() {
        return identity.getAttribute(MemberSessions.MEMBER_ATTRIBUTE);
    }

    private String base() {
        String base = baseUrl.orElseGet(() -> uriInfo.getBaseUri().toString());
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

}
