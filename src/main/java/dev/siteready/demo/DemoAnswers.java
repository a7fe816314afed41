package dev.siteready.demo;

import static dev.siteready.scoping.StandardQuestionnaire.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.siteready.project.Project;
import dev.siteready.scoping.Answer;
import dev.siteready.scoping.Answering;
import dev.siteready.scoping.Questionnaire;
import dev.siteready.site.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    /** Answers by site name: question key → subject → JSON value. */
    static Map<String, Map<String, Object>> bySite() {
        Map<String, Map<String, Object>> sets = new LinkedHashMap<>();
        sets.put("Riverside Health", ready("2026-03-02"));
        sets.put("Desert Sun Health", ready("2026-01-19"));
        Map<String, Object> work = ready("2027-02-15");
        work.put(CODE_SYSTEMS + "\nResults", List.of("L"));
        work.put(LOCAL_CODES + "\nResults", "YES");
        work.put(PROVIDER_IDS + "\n", List.of(Map.of("type", "DN", "authority", "LAB", "fields", "ORC-12, OBR-16")));
        sets.put("Lakeview Medical Center", work);
        sets.put("Cascade Health Partners", new LinkedHashMap<>(work));
        Map<String, Object> risk = ready("2027-04-01");
        risk.put(PATIENT_ID_COUNT + "\n", "3");
        risk.put(HAS_EMPI + "\n", "NO");
        risk.put(FIELD_PROVIDED + "\nResults|Orders[].Results[].Units", "NO");
        risk.put(FIELD_EFFORT + "\nResults|Orders[].Results[].Units", "LARGE");
        sets.put("Granite State Hospital", risk);
        sets.put("Heartland Regional Medical", new LinkedHashMap<>(risk));
        Map<String, Object> blocked = ready("2027-06-30");
        blocked.put(FIELD_PROVIDED + "\nResults|Orders[].Results[].Value", "NO");
        blocked.put(FIELD_EFFORT + "\nResults|Orders[].Results[].Value", "NOT_POSSIBLE");
        sets.put("Prairie Community Hospital", blocked);
        Map<String, Object> half = new LinkedHashMap<>();
        half.put(CONNECTION_METHODS + "\nOrder|OUTBOUND", List.of("HL7V2_MLLP"));
        half.put(CONNECTION_METHODS + "\nResults|INBOUND", List.of("HL7V2_MLLP", "FHIR"));
        half.put(PATIENT_ID_COUNT + "\n", "2");
        sets.put("Great Lakes Health System", half);
        return sets;
    }

    private static Map<String, Object> ready(String goLive) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put(CONNECTION_METHODS + "\nOrder|OUTBOUND", List.of("HL7V2_MLLP"));
        a.put(CONNECTION_METHODS + "\nResults|INBOUND", List.of("HL7V2_MLLP", "FHIR"));
        for (String field : List.of("Code", "Codeset", "Value", "Units")) {
            a.put(FIELD_PROVIDED + "\nResults|Orders[].Results[]." + field, "YES");
        }
        a.put(PATIENT_ID_COUNT + "\n", "1");
        a.put(PATIENT_ID_TYPES + "\n", List.of(Map.of("type", "MR", "authority", "MAIN", "format", "A999999", "system", "EHR")));
        a.put(HAS_EMPI + "\n", "NO");
        a.put(VISIT_IDS + "\n", List.of(Map.of("type", "VN", "location", "PV1-19", "uniqueness", "ENCOUNTER")));
        a.put(PROVIDER_IDS + "\n", List.of(Map.of("type", "NPI", "authority", "CMS", "fields", "ORC-12, OBR-16")));
        a.put(CODE_SYSTEMS + "\nResults", List.of("LN"));
        a.put(LOCAL_CODES + "\nResults", "NO");
        a.put(CODE_SYSTEMS + "\nOrder", List.of("LN", "C4"));
        a.put(LOCAL_CODES + "\nOrder", "NO");
        a.put(DAILY_VOLUME + "\n", "2400");
        a.put(PEAK_VOLUME + "\n", "320");
        a.put(TARGET_DATE + "\n", goLive);
        return a;
    }

    /** Saves the site's demo answers, if it has a set, as the partner would through a link. */
    void answer(Site site) {
        Map<String, Object> answers = bySite().get(site.name);
        if (answers == null) {
            return;
        }
        for (Project project : Project.listFor(site)) {
            Questionnaire questionnaire = Questionnaire.forProject(project.id);
            if (questionnaire == null) {
                continue;
            }
            answers.forEach((keyAndSubject, value) -> {
                String[] parts = keyAndSubject.split("\n", 2);
                questionnaire.definition().question(parts[0]).ifPresent(question -> {
                    Answer existing = Answer.find(questionnaire, parts[0], parts[1]);
                    answering.save(questionnaire, question, parts[1], JSON.valueToTree(value),
                            existing == null ? "" : String.valueOf(existing.version), PARTNER, true);
                });
            });
        }
    }
}
