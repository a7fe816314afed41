package dev.siteready.partner;

import dev.siteready.account.SecretTokens;
import dev.siteready.project.Project;
import dev.siteready.scoping.Questionnaire;
import dev.siteready.scoping.QuestionnaireDefinition;
import dev.siteready.tenant.OutsideWorkspaceQueries;
import dev.siteready.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creating, revoking and resolving partner links, and their access log. */
@ApplicationScoped
public class PartnerLinks {

    /** A new link and its URL, which exists only in this response. */
    public record Created(PartnerLink link, String url) {
    }

    @Inject
    OutsideWorkspaceQueries queries;

    @Inject
    Clock clock;

    @Inject
    TenantContext tenant;

    @Inject
    PartnerCookie cookies;

    @ConfigProperty(name = "siteready.base-url")
    Optional<String> publicUrl;

    /** What an active link's secret stands for. */
    public record Found(PartnerCookie.Claim claim, PartnerLink.Purpose purpose) {
        /** The partner's page this link opens. */
        public String path() {
            return purpose.path(claim.targetId());
        }
    }

    public Created create(Questionnaire questionnaire, String label, int days, List<String> sections, String actor,
            String requestBaseUrl) {
        PartnerLink link = new PartnerLink();
        link.questionnaire = questionnaire;
        link.sections = List.copyOf(sections);
        Created created = create(link, label, days, actor, requestBaseUrl);
        questionnaire.markSent();
        return created;
    }

    /** A link through which a partner contact signs off the project's go-live. */
    public Created createSignOff(Project project, String label, int days, String actor, String requestBaseUrl) {
        PartnerLink link = new PartnerLink();
        link.purpose = PartnerLink.Purpose.SIGN_OFF;
        link.project = project;
        return create(link, label, days, actor, requestBaseUrl);
    }

    /** A link through which a partner contact adds to the project's retrospective. */
    public Created createRetrospective(Project project, String label, int days, String actor, String requestBaseUrl) {
        PartnerLink link = new PartnerLink();
        link.purpose = PartnerLink.Purpose.RETROSPECTIVE;
        link.project = project;
        return create(link, label, days, actor, requestBaseUrl);
    }

    private Created create(PartnerLink link, String label, int days, String actor, String requestBaseUrl) {
        String token = SecretTokens.generate("pl_");
        link.label = label.trim();
        link.tokenHash = SecretTokens.hash(token);
        link.createdBy = actor;
        link.expiresAt = OffsetDateTime.now(clock).plusDays(days);
        link.persist();
        String base = publicUrl.filter(s -> !s.isBlank()).orElse(requestBaseUrl).replaceAll("/+$", "");
        return new Created(link, base + "/p/" + token);
    }

    /** What is wrong with a new link's label and days, or null. */
    public static String problem(String label, String days) {
        if (!dev.siteready.web.PlainText.Validator.isName(label, 120)) {
            return "Label the link with the partner contact's name, up to 120 characters (e.g. \"Pat Lee, interface analyst\").";
        }
        int n;
        try {
            n = Integer.parseInt(days == null ? "" : days.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > PartnerLink.MAX_DAYS) {
            return "The link expires after 1 to " + PartnerLink.MAX_DAYS + " days.";
        }
        return null;
    }

    /** What is wrong with a new questionnaire link (its label, days and sections), or null. */
    public static String problem(QuestionnaireDefinition definition, LinkForm form) {
        String problem = problem(form.label(), form.days());
        if (problem != null) {
            return problem;
        }
        return form.sections().stream().allMatch(s -> definition.section(s).isPresent()) ? null
                : "Choose sections of this questionnaire only.";
    }

    /** A new questionnaire link from a form without problems; its sections in the questionnaire's order. */
    public Created create(Questionnaire questionnaire, LinkForm form, String actor, String requestBaseUrl) {
        QuestionnaireDefinition definition = questionnaire.definition();
        List<String> sections = definition.sections().stream().map(QuestionnaireDefinition.Section::key)
                .filter(form.sections()::contains).toList();
        Created created = create(questionnaire, form.label(), Integer.parseInt(form.days()), sections, actor, requestBaseUrl);
        PartnerLink.flush();
        return created;
    }

    /** Revokes the project's link of that purpose and returns it; a link of another project or purpose is not found. */
    public PartnerLink revoke(Project project, UUID linkId, PartnerLink.Purpose purpose) {
        PartnerLink link = PartnerLink.find("id = ?1 and project = ?2 and purpose = ?3", linkId, project, purpose).firstResult();
        if (link == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        revoke(link);
        return link;
    }

    /** Revokes the questionnaire's link and returns it; a link of another questionnaire is not found. */
    public PartnerLink revoke(Questionnaire questionnaire, UUID linkId) {
        PartnerLink link = PartnerLink.find("id = ?1 and questionnaire = ?2", linkId, questionnaire).firstResult();
        if (link == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        revoke(link);
        return link;
    }

    public void revoke(PartnerLink link) {
        if (link.revokedAt == null) {
            link.revokedAt = OffsetDateTime.now(clock);
        }
    }

    /** The active link with this secret, found before the workspace is known (a SECURITY DEFINER lookup). */
    public Optional<Found> lookup(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return queries.first("SELECT workspace_id, link_id, purpose, target_id FROM partner_link_resolve(?)",
                rs -> new Found(new PartnerCookie.Claim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(4, UUID.class)), PartnerLink.Purpose.valueOf(rs.getString(3))), SecretTokens.hash(token));
    }

    /**
     * The active link of that purpose that a partner's cookie stands for on this project's page, with its project and
     * site; empty when the cookie is not for this project, belongs to another workspace than this request, or its link
     * was revoked or expired (so both take effect at once).
     */
    public Optional<PartnerLink> activeProjectLink(UUID projectId, String cookie, PartnerLink.Purpose purpose) {
        Optional<PartnerCookie.Claim> claim = cookies.read(cookie, projectId);
        if (claim.isEmpty() || !useWorkspace(claim.get().workspaceId())) {
            return Optional.empty();
        }
        PartnerLink link = PartnerLink.withProject(claim.get().linkId(), projectId, purpose);
        return link == null || !link.isActive() ? Optional.empty() : Optional.of(link);
    }

    /** Works in the link's workspace, unless this request already belongs to another (a signed-in member). */
    public boolean useWorkspace(UUID workspaceId) {
        if (tenant.workspaceId().isPresent() && !tenant.workspaceId().get().equals(workspaceId)) {
            return false;
        }
        tenant.use(workspaceId);
        return true;
    }

    public void log(PartnerLink link, String client, String action) {
        PartnerLinkAccess access = new PartnerLinkAccess();
        access.link = link;
        access.client = client;
        access.action = dev.siteready.web.Forms.clip(action, PartnerLinkAccess.MAX_ACTION);
        access.persist();
        link.lastUsedAt = access.at;
    }
}
