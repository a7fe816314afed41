package dev.siteready.partner;

import dev.siteready.scoping.Questionnaire;
import dev.siteready.scoping.QuestionnaireLinks;
import jakarta.enterprise.context.ApplicationScoped;

/** The partner links of a questionnaire, counted for its page. */
@ApplicationScoped
class QuestionnaireLinkCount implements QuestionnaireLinks {

    @Override
    public long count(Questionnaire questionnaire) {
        return PartnerLink.count("questionnaire", questionnaire);
    }
}
