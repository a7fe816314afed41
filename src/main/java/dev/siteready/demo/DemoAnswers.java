package dev.siteready.demo;

import static dev.siteready.scoping.StandardQuestionnaire.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.siteready.project.Project;
import dev.siteready.scoping.Answer;
import dev.siteready.scoping.AnswerKey;
import dev.siteready.scoping.Answering;
import dev.siteready.scoping.Questionnaire;
import dev.siteready.site.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Partner answers for some demo lab sites, chosen so the portfolio shows every verdict: ready, feasible with
 * work (local codes and no NPI), at risk (several enterprise IDs without an EMPI), blocked (a field that
 * cannot be added) and incomplete (half answered).
 */
@ApplicationScoped
class DemoAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PARTNER = "Pat Lee (demo partner)";

    @Inject
    Answering answering;

    /** Answers by site name: where each is kept → its JSON value. */
    static Map<String, Map<AnswerKey, Object>> bySite(LocalDate today) {
        Map<String, Map<AnswerKey, Object>> sets = new LinkedHashMap<>();
        sets.put("Riverside Health", ready(goLive("Riverside Health", today)));
        sets.put("Desert Sun Health", ready(goLive("Desert Sun Health", today)));
        // Lakeview's partner still gives their first estimate, two weeks before the test plan's date: the summary and
        // the portfolio show the plan's date and say that plan and answer differ.
        Map<AnswerKey, Object> work = ready(DemoTesting.goLive("Lakeview Medical Center", today).minusWeeks(2).toString());
        work.put(AnswerKey.of(CODE_SYSTEMS, "Results"), List.of("L"));
        work.put(AnswerKey.of(LOCAL_CODES, "Results"), "YES");
        work.put(AnswerKey.once(PROVIDER_IDS), List.of(Map.of("type", "DN", "authority", "LAB", "fields", "ORC-12, OBR-16")));
        sets.put("Lakeview Medical Center", work);
        Map<AnswerKey, Object> cascade = new LinkedHashMap<>(work);
        cascade.put(AnswerKey.once(TARGET_DATE), goLive("Cascade Health Partners", today));
        sets.put("Cascade Health Partners", cascade);
        Map<AnswerKey, Object> risk = ready(goLive("Granite State Hospital", today));
        risk.put(AnswerKey.once(PATIENT_ID_COUNT), "3");
        risk.put(AnswerKey.once(HAS_EMPI), "NO");
        risk.put(AnswerKey.of(FIELD_PROVIDED, "Results|Orders[].Results[].Units"), "NO");
        risk.put(AnswerKey.of(FIELD_EFFORT, "Results|Orders[].Results[].Units"), "LARGE");
        sets.put("Granite State Hospital", risk);
        Map<AnswerKey, Object> heartland = new LinkedHashMap<>(risk);
        heartland.put(AnswerKey.once(TARGET_DATE), goLive("Heartland Regional Medical", today));
        sets.put("Heartland Regional Medical", heartland);
        Map<AnswerKey, Object> blocked = ready(today.plusDays(200).toString()); // no test plan yet: the answer's date
        blocked.put(AnswerKey.of(FIELD_PROVIDED, "Results|Orders[].Results[].Value"), "NO");
        blocked.put(AnswerKey.of(FIELD_EFFORT, "Results|Orders[].Results[].Value"), "NOT_POSSIBLE");
        sets.put("Prairie Community Hospital", blocked);
        Map<AnswerKey, Object> half = new LinkedHashMap<>();
        half.put(AnswerKey.of(CONNECTION_METHODS, "Order|OUTBOUND"), List.of("HL7V2_MLLP"));
        half.put(AnswerKey.of(CONNECTION_METHODS, "Results|INBOUND"), List.of("HL7V2_MLLP", "FHIR"));
        half.put(AnswerKey.once(PATIENT_ID_COUNT), "2");
        sets.put("Great Lakes Health System", half);
        return sets;
    }

    /** The go-live the demo partner answers: the test plan's date (DemoTesting), written as the question takes it. */
    private static String goLive(String site, LocalDate today) {
        return DemoTesting.goLive(site, today).toString();
    }

    private static Map<AnswerKey, Object> ready(String goLive) {
        Map<AnswerKey, Object> a = new LinkedHashMap<>();
        a.put(AnswerKey.of(CONNECTION_METHODS, "Order|OUTBOUND"), List.of("HL7V2_MLLP"));
        a.put(AnswerKey.of(CONNECTION_METHODS, "Results|INBOUND"), List.of("HL7V2_MLLP", "FHIR"));
        for (String field : List.of("Code", "Codeset", "Value", "Units")) {
            a.put(AnswerKey.of(FIELD_PROVIDED, "Results|Orders[].Results[]." + field), "YES");
        }
        a.put(AnswerKey.once(PATIENT_ID_COUNT), "1");
        a.put(AnswerKey.once(PATIENT_ID_TYPES), List.of(Map.of("type", "MR", "authority", "MAIN", "format", "A999999", "system", "EHR")));
        a.put(AnswerKey.once(HAS_EMPI), "NO");
        a.put(AnswerKey.once(VISIT_IDS), List.of(Map.of("type", "VN", "location", "PV1-19", "uniqueness", "ENCOUNTER")));
        a.put(AnswerKey.once(PROVIDER_IDS), List.of(Map.of("type", "NPI", "authority", "CMS", "fields", "ORC-12, OBR-16")));
        a.put(AnswerKey.of(CODE_SYSTEMS, "Results"), List.of("LN"));
        a.put(AnswerKey.of(LOCAL_CODES, "Results"), "NO");
        a.put(AnswerKey.of(CODE_SYSTEMS, "Order"), List.of("LN", "C4"));
        a.put(AnswerKey.of(LOCAL_CODES, "Order"), "NO");
        a.put(AnswerKey.once(DAILY_VOLUME), "2400");
        a.put(AnswerKey.once(PEAK_VOLUME), "320");
        a.put(AnswerKey.once(TARGET_DATE), goLive);
        return a;
    }

    /** Saves the site's demo answers, if it has a set, as the partner would through a link. */
    void answer(Site site, LocalDate today) {
        Map<AnswerKey, Object> answers = bySite(today).get(site.name);
        if (answers == null) {
            return;
        }
        for (Project project : Project.listFor(site)) {
            Questionnaire questionnaire = Questionnaire.forProject(project.id);
            if (questionnaire == null) {
                continue;
            }
            answers.forEach((key, value) -> {
                questionnaire.definition().question(key.question()).ifPresent(question -> {
                    Answer existing = Answer.find(questionnaire, key.question(), key.subject());
                    answering.save(questionnaire, question, key.subject(), JSON.valueToTree(value),
                            existing == null ? "" : String.valueOf(existing.version), PARTNER, true);
                });
            });
        }
    }
}
