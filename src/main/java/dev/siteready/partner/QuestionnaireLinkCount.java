package dev.siteready.partner;

import dev.siteready.scoping.Questionnaire;
import dev.siteready.scoping.QuestionnaireLinks;
import dev.siteready.tenant.WorkspaceSql;
import jakarta.enterprise.context.ApplicationScoped;

/** The partner links of a questionnaire, counted for its page (plain SQL: read on every view of the page). */
@ApplicationScoped
class QuestionnaireLinkCount implements QuestionnaireLinks {

    @Override
    public long count(Questionnaire questionnaire) {
        return ((Number) WorkspaceSql.query("SELECT count(*) FROM partner_link l WHERE l.workspace_id = :ws AND l.questionnaire_id = :q")
                .setParameter("q", questionnaire.id).getSingleResult()).longValue();
    }
}
