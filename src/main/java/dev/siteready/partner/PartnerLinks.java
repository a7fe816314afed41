package dev.siteready.partner;

import dev.siteready.account.SecretTokens;
import dev.siteready.scoping.Questionnaire;
import dev.siteready.scoping.QuestionnaireStatus;
import dev.siteready.tenant.OutsideWorkspaceQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    @ConfigProperty(name = "siteready.base-url")
    Optional<String> publicUrl;

    public Created create(Questionnaire questionnaire, String label, int days, List<String> sections, String actor,
            String requestBaseUrl) {
        String token = SecretTokens.generate("pl_");
        PartnerLink link = new PartnerLink();
        link.questionnaire = questionnaire;
        link.label = label.trim();
        link.tokenHash = SecretTokens.hash(token);
        link.sections = List.copyOf(sections);
        link.createdBy = actor;
        link.expiresAt = OffsetDateTime.now().plusDays(days);
        link.persist();
        if (questionnaire.status == QuestionnaireStatus.DRAFT) {
            questionnaire.status = QuestionnaireStatus.SENT;
        }
        String base = publicUrl.filter(s -> !s.isBlank()).orElse(requestBaseUrl).replaceAll("/+$", "");
        return new Created(link, base + "/p/" + token);
    }

    public void revoke(PartnerLink link) {
        if (link.revokedAt == null) {
            link.revokedAt = OffsetDateTime.now();
        }
    }

    /** The active link with this secret, found before the workspace is known (a SECURITY DEFINER lookup). */
    public Optional<PartnerCookie.Claim> lookup(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return queries.first("SELECT workspace_id, link_id, questionnaire_id FROM partner_link_lookup(?)",
                rs -> new PartnerCookie.Claim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class)), SecretTokens.hash(token));
    }

    public void log(PartnerLink link, String client, String action) {
        PartnerLinkAccess access = new PartnerLinkAccess();
        access.link = link;
        access.client = client;
        access.action = action.length() > PartnerLinkAccess.MAX_ACTION
                ? action.substring(0, PartnerLinkAccess.MAX_ACTION - 1) + "…" : action;
        access.persist();
        link.lastUsedAt = access.at;
    }
}
