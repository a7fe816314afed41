package dev.siteready.feasibility;

import static dev.siteready.scoping.StandardQuestionnaire.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.siteready.feasibility.Finding.Effort;
import dev.siteready.feasibility.Finding.Severity;
import dev.siteready.feasibility.Finding.Status;
import dev.siteready.project.ConnectionMethod;
import dev.siteready.project.Direction;
import dev.siteready.scoping.AnswerKey;
import dev.siteready.scoping.QuestionnaireDefinition;
import dev.siteready.scoping.StandardQuestionnaire;

/** Each rule on its own, with full, partial and missing answers; and the verdict's precedence. */
class FeasibilityRulesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final UUID SITE = UUID.randomUUID();
    static final UUID PROJECT = UUID.randomUUID();
    static final UUID RESULTS_ROW = UUID.randomUUID();

    /** A lab project: Results in by HL7 v2, one required field, MR, NPI and LOINC required. */
    static final class Facts {
        final List<ProjectFacts.Row> rows = new ArrayList<>(List.of(new ProjectFacts.Row(RESULTS_ROW, "Results", Direction.INBOUND,
                ConnectionMethod.HL7V2_MLLP, 2000, 300)));
        final List<ProjectFacts.FieldNeed> fields = new ArrayList<>(List.of(new ProjectFacts.FieldNeed("Results", "Orders[].Results[].Code")));
        final List<String> patientIds = new ArrayList<>(List.of("MR"));
        final List<String> providerIds = new ArrayList<>(List.of("NPI"));
        final List<ProjectFacts.CodeNeed> codes = new ArrayList<>(List.of(new ProjectFacts.CodeNeed("Results", "LN")));
        final Map<AnswerKey, JsonNode> answers = new HashMap<>();
        final Set<AnswerKey> followUps = new HashSet<>();
        QuestionnaireDefinition definition = StandardQuestionnaire.definition();
        boolean questionnaire = true;

        Facts answer(String key, String subject, String json) {
            try {
                answers.put(AnswerKey.of(key, subject), JSON.readTree(json));
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
            return this;
        }

        Facts answer(String key, String json) {
            return answer(key, "", json);
        }

        ProjectFacts build() {
            return ProjectFacts.of(SITE, "Mercy General", PROJECT, "Lab interface", rows, fields, patientIds, providerIds, codes,
                    questionnaire ? new ProjectFacts.Stored(definition, "Standard scoping v1", answers, followUps) : null, null);
        }

        List<Finding> of(String ruleId) {
            return FeasibilityRules.evaluate(build()).stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        }

        Finding one(String ruleId) {
            List<Finding> found = of(ruleId);
            assertThat(found).as(ruleId).hasSize(1);
            return found.get(0);
        }

        /** Every question answered so that everything is met. */
        Facts allMet() {
            answer(CONNECTION_METHODS, "Results|INBOUND", "[\"HL7V2_MLLP\",\"FHIR\"]");
            answer(FIELD_PROVIDED, "Results|Orders[].Results[].Code", "\"YES\"");
            answer(PATIENT_ID_COUNT, "\"1\"");
            answer(PATIENT_ID_TYPES, "[{\"type\":\"MR\",\"authority\":\"MAIN\"}]");
            answer(HAS_EMPI, "\"NO\"");
            answer(PROVIDER_IDS, "[{\"type\":\"NPI\",\"fields\":\"ORC-12\"}]");
            answer(CODE_SYSTEMS, "Results", "[\"LN\"]");
            answer(LOCAL_CODES, "Results", "\"NO\"");
            answer(DAILY_VOLUME, "\"2500\"");
            answer(VISIT_IDS, "[{\"type\":\"VN\",\"uniqueness\":\"ENCOUNTER\"}]");
            return this;
        }
    }

    static Facts facts() {
        return new Facts();
    }

    @Test
    void everythingAnsweredAndMetIsReady() {
        Facts f = facts().allMet();
        List<Finding> findings = FeasibilityRules.evaluate(f.build());
        assertThat(findings).allMatch(x -> x.status() == Status.MET, "all met");
        assertThat(Verdict.of(findings)).isEqualTo(Verdict.READY);
        // ten questions answered; the optional go-live questions (peak, freezes, hours, date) are still open
        assertThat(FeasibilityRules.completion(f.build())).isEqualTo(new dev.siteready.scoping.QuestionnaireView.Progress(10, 14));
    }

    @Test
    void connectionMetAlternativeNotSupportedAndUnknown() {
        assertThat(facts().one("CONN-1").status()).isEqualTo(Status.UNKNOWN);
        Finding met = facts().answer(CONNECTION_METHODS, "Results|INBOUND", "[\"HL7V2_MLLP\"]").one("CONN-1");
        assertThat(met.status()).isEqualTo(Status.MET);
        assertThat(met.explanation()).isEqualTo("Mercy General can exchange Results (inbound) by HL7 v2 over VPN/MLLP, the method planned.");
        assertThat(met.sources()).extracting(Finding.Source::href).anyMatch(h -> h.endsWith("#row-" + RESULTS_ROW))
                .anyMatch(h -> h.contains("/questionnaire#q-connection-methods-"));
        Finding alternative = facts().answer(CONNECTION_METHODS, "Results|INBOUND", "[\"FHIR\",\"OTHER\"]").one("CONN-1");
        assertThat(alternative.status()).isEqualTo(Status.WORK);
        assertThat(alternative.effort()).isEqualTo(Effort.M);
        assertThat(alternative.explanation()).contains("Alternative method needed").contains("offers FHIR").doesNotContain("Other");
        Finding unsupported = facts().answer(CONNECTION_METHODS, "Results|INBOUND", "[\"OTHER\"]").one("CONN-1");
        assertThat(unsupported.status()).isEqualTo(Status.BLOCKED);
        assertThat(unsupported.explanation()).contains("only: Other");
    }

    @Test
    void theSameDataSetPlannedTwiceIsCheckedForEachMethod() {
        Facts f = facts().answer(CONNECTION_METHODS, "Results|INBOUND", "[\"HL7V2_MLLP\",\"FHIR\"]");
        f.rows.add(new ProjectFacts.Row(UUID.randomUUID(), "Results", Direction.INBOUND, ConnectionMethod.FLAT_FILE, 10, 1));
        assertThat(f.of("CONN-1")).extracting(Finding::status).containsExactly(Status.MET, Status.WORK);
    }

    @Test
    void aCodeSystemRequiredForADataModelOutOfScopeIsNotAsked() {
        Facts f = facts().allMet();
        f.codes.add(new ProjectFacts.CodeNeed("Orders", "LN"));
        assertThat(f.of("COD-1")).hasSize(1);
        assertThat(Verdict.of(FeasibilityRules.evaluate(f.build()))).isEqualTo(Verdict.READY);
    }

    @Test
    void countsAndVolumesOfZeroOrLessCountAsUnanswered() {
        assertThat(facts().answer(PATIENT_ID_COUNT, "\"0\"").one("PAT-2").status()).isEqualTo(Status.UNKNOWN);
        assertThat(facts().answer(DAILY_VOLUME, "\"-5\"").one("VOL-1").status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void dataRequirementEveryEffortAndUnknowns() {
        String subject = "Results|Orders[].Results[].Code";
        assertThat(facts().one("DATA-1").status()).isEqualTo(Status.UNKNOWN);
        assertThat(facts().answer(FIELD_PROVIDED, subject, "\"UNKNOWN\"").one("DATA-1").status()).isEqualTo(Status.UNKNOWN);
        assertThat(facts().answer(FIELD_PROVIDED, subject, "\"YES\"").one("DATA-1").status()).isEqualTo(Status.MET);
        Finding noEffort = facts().answer(FIELD_PROVIDED, subject, "\"NO\"").one("DATA-1");
        assertThat(noEffort.status()).isEqualTo(Status.UNKNOWN);
        assertThat(noEffort.explanation()).contains("effort to add it is not stated");
        Map<String, Effort> efforts = Map.of("NONE", Effort.S, "SMALL", Effort.S, "MEDIUM", Effort.M, "LARGE", Effort.L);
        efforts.forEach((answer, effort) -> {
            Finding f = facts().answer(FIELD_PROVIDED, subject, "\"NO\"").answer(FIELD_EFFORT, subject, "\"" + answer + "\"").one("DATA-1");
            assertThat(f.status()).as(answer).isEqualTo(Status.WORK);
            assertThat(f.effort()).as(answer).isEqualTo(effort);
        });
        assertThat(facts().answer(FIELD_PROVIDED, subject, "\"NO\"").answer(FIELD_EFFORT, subject, "\"LARGE\"").one("DATA-1").severity())
                .isEqualTo(Severity.HIGH);
        Finding impossible = facts().answer(FIELD_PROVIDED, subject, "\"NO\"").answer(FIELD_EFFORT, subject, "\"NOT_POSSIBLE\"").one("DATA-1");
        assertThat(impossible.status()).isEqualTo(Status.BLOCKED);
        assertThat(impossible.sources()).hasSize(3);
    }

    @Test
    void requiredPatientIdTypes() {
        assertThat(facts().one("PAT-1").status()).isEqualTo(Status.UNKNOWN);
        assertThat(facts().answer(PATIENT_ID_TYPES, "[{\"type\":\"MR\",\"authority\":\"MAIN\"}]").one("PAT-1").explanation())
                .isEqualTo("Mercy General sends MR · Medical record number (assigning authority: MAIN).");
        Finding missing = facts().answer(PATIENT_ID_TYPES, "[{\"type\":\"PE\",\"authority\":\"EMPI\"}]").one("PAT-1");
        assertThat(missing.status()).isEqualTo(Status.WORK);
        assertThat(missing.severity()).isEqualTo(Severity.HIGH);
        assertThat(missing.explanation()).contains("sends only PE");
        Facts none = facts();
        none.patientIds.clear();
        assertThat(none.of("PAT-1")).isEmpty();
    }

    @Test
    void enterpriseIdsNeedAnEmpiOrReconciliation() {
        assertThat(facts().one("PAT-2").status()).isEqualTo(Status.UNKNOWN);
        assertThat(facts().answer(PATIENT_ID_COUNT, "\"1\"").one("PAT-2").status()).isEqualTo(Status.MET);
        Finding partial = facts().answer(PATIENT_ID_COUNT, "\"3\"").one("PAT-2");
        assertThat(partial.status()).isEqualTo(Status.UNKNOWN);
        assertThat(partial.explanation()).contains("whether an EMPI ties the 3 patient identifiers together");
        Finding reconcile = facts().answer(PATIENT_ID_COUNT, "\"3\"").answer(HAS_EMPI, "\"NO\"").one("PAT-2");
        assertThat(reconcile.status()).isEqualTo(Status.WORK);
        assertThat(reconcile.explanation()).startsWith("ID reconciliation needed: 3 patient identifiers");
        Finding empi = facts().answer(PATIENT_ID_COUNT, "\"3\"").answer(HAS_EMPI, "\"YES\"").answer(EMPI_ID, "\"PE\"").one("PAT-2");
        assertThat(empi.status()).isEqualTo(Status.MET);
        assertThat(empi.explanation()).contains("(PE · Living subject enterprise number (EMPI))");
    }

    @Test
    void missingAssigningAuthorityIsAWarning() {
        assertThat(facts().of("PAT-3")).isEmpty();
        assertThat(facts().answer(PATIENT_ID_TYPES, "[{\"type\":\"MR\",\"authority\":\"MAIN\"}]").one("PAT-3").status()).isEqualTo(Status.MET);
        Finding warning = facts().answer(PATIENT_ID_TYPES, "[{\"type\":\"MR\",\"authority\":\"MAIN\"},{\"type\":\"PI\"}]").one("PAT-3");
        assertThat(warning.status()).isEqualTo(Status.WARNING);
        assertThat(warning.explanation()).startsWith("No assigning authority for PI");
    }

    @Test
    void visitIdentifierOnlyWhenTheScopeNeedsVisits() {
        assertThat(facts().of("VIS-1")).isEmpty();
        Facts visits = facts();
        visits.fields.add(new ProjectFacts.FieldNeed("Results", "Visit.VisitNumber"));
        Finding unknown = visits.one("VIS-1");
        assertThat(unknown.status()).isEqualTo(Status.UNKNOWN);
        assertThat(unknown.explanation()).contains("the product requires Results Visit.VisitNumber");
        assertThat(visits.answer(VISIT_IDS, "[{\"type\":\"VN\",\"uniqueness\":\"ENCOUNTER\"}]").one("VIS-1").status()).isEqualTo(Status.MET);
        Facts admin = facts();
        admin.rows.add(new ProjectFacts.Row(UUID.randomUUID(), "PatientAdmin", Direction.INBOUND, ConnectionMethod.HL7V2_MLLP,
                100, 10));
        assertThat(admin.answer(VISIT_IDS, "[{\"type\":\"VN\",\"uniqueness\":\"REUSED\"}]").one("VIS-1").status()).isEqualTo(Status.WARNING);
    }

    @Test
    void providerCrosswalk() {
        assertThat(facts().one("PRV-1").status()).isEqualTo(Status.UNKNOWN);
        assertThat(facts().answer(PROVIDER_IDS, "[{\"type\":\"NPI\",\"fields\":\"ORC-12\"}]").one("PRV-1").explanation())
                .isEqualTo("Mercy General sends NPI · National provider identifier for providers in ORC-12.");
        Finding crosswalk = facts().answer(PROVIDER_IDS, "[{\"type\":\"DN\"}]").one("PRV-1");
        assertThat(crosswalk.status()).isEqualTo(Status.WORK);
        assertThat(crosswalk.effort()).isEqualTo(Effort.S);
        assertThat(crosswalk.explanation()).startsWith("Provider crosswalk needed").contains("sends DN");
    }

    @Test
    void codeSystemsAndLocalCodes() {
        assertThat(facts().one("COD-1").status()).isEqualTo(Status.UNKNOWN);
        assertThat(facts().answer(CODE_SYSTEMS, "Results", "[\"LN\",\"L\"]").one("COD-1").status()).isEqualTo(Status.MET);
        Finding local = facts().answer(CODE_SYSTEMS, "Results", "[\"L\"]").one("COD-1");
        assertThat(local.status()).isEqualTo(Status.WORK);
        assertThat(local.effort()).isEqualTo(Effort.M);
        assertThat(local.explanation()).isEqualTo("Code mapping needed for Results: Mercy General uses local codes, not LOINC.");
        assertThat(facts().answer(CODE_SYSTEMS, "Results", "[\"SCT\"]").one("COD-1").explanation()).contains("sends SNOMED CT");
        assertThat(facts().answer(CODE_SYSTEMS, "Results", "[\"LN\"]").answer(LOCAL_CODES, "Results", "\"YES\"").one("COD-2").status())
                .isEqualTo(Status.WARNING);
        // mapping already reported for the model: no second finding
        assertThat(facts().answer(CODE_SYSTEMS, "Results", "[\"L\"]").answer(LOCAL_CODES, "Results", "\"YES\"").of("COD-2")).isEmpty();
    }

    @Test
    void volumeAndPeak() {
        assertThat(facts().one("VOL-1").status()).isEqualTo(Status.UNKNOWN);
        assertThat(facts().answer(DAILY_VOLUME, "\"2500\"").one("VOL-1").explanation())
                .isEqualTo("Mercy General expects 2,500 messages per day (the scope estimates 2,000).");
        assertThat(facts().of("VOL-2")).isEmpty();
        assertThat(facts().answer(PEAK_VOLUME, "\"400\"").one("VOL-2").status()).isEqualTo(Status.MET);
        Finding high = facts().answer(PEAK_VOLUME, "\"12000\"").one("VOL-2");
        assertThat(high.status()).isEqualTo(Status.WARNING);
        assertThat(high.explanation()).startsWith("Capacity note: a peak of 12,000");
        // a value of another shape (the question changed type) counts as unanswered, never an error
        assertThat(facts().answer(DAILY_VOLUME, "[\"x\"]").one("VOL-1").status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void unansweredRequiredQuestionsNotCoveredByARuleAreOpenQuestions() {
        Facts f = facts().allMet().answer(CONNECTION_METHODS, "Results|INBOUND", "[\"OTHER\",\"HL7V2_MLLP\"]");
        List<Finding> open = f.of("OPEN-1");
        assertThat(open).extracting(Finding::subjectKey).containsExactly("connection.other|Results|INBOUND");
        assertThat(open.get(0).severity()).isEqualTo(Severity.LOW);
        assertThat(open.get(0).explanation()).isEqualTo("Not answered yet: Which other method for Results (inbound)?");
        // an open question alone does not hold the verdict back
        assertThat(Verdict.of(FeasibilityRules.evaluate(f.build()))).isEqualTo(Verdict.READY);
        // questions a rule already reports as unknown are not repeated
        assertThat(facts().of("OPEN-1")).extracting(Finding::subjectKey).doesNotContain(CONNECTION_METHODS + "|Results|INBOUND");
    }

    @Test
    void missingScopeQuestionnaireOrProjectAreUnknown() {
        Facts noQuestionnaire = facts();
        noQuestionnaire.questionnaire = false;
        assertThat(noQuestionnaire.of("SCOPE-1")).extracting(Finding::subjectKey).containsExactly("questionnaire");
        assertThat(FeasibilityRules.evaluate(noQuestionnaire.build())).hasSize(1);
        Facts noScope = facts().allMet();
        noScope.rows.clear();
        assertThat(noScope.of("SCOPE-1")).extracting(Finding::subjectKey).containsExactly("scope");
        assertThat(Verdict.of(FeasibilityRules.evaluate(noScope.build()))).isEqualTo(Verdict.INCOMPLETE);
        assertThat(Verdict.of(FeasibilityRules.forSiteWithoutProjects("Empty"))).isEqualTo(Verdict.INCOMPLETE);
    }

    @Test
    void aTemplateWithoutTheQuestionGivesNotAskedInsteadOfAnError() {
        Facts f = facts().allMet();
        QuestionnaireDefinition full = StandardQuestionnaire.definition();
        f.definition = new QuestionnaireDefinition(full.sections().stream().filter(s -> !s.key().equals("connection")).toList());
        Finding notAsked = f.one("CONN-1");
        assertThat(notAsked.status()).isEqualTo(Status.UNKNOWN);
        assertThat(notAsked.explanation()).contains("(Standard scoping v1) does not ask this");
    }

    @Test
    void verdictPrecedence() {
        Finding met = finding(Status.MET, Severity.NONE);
        Finding work = finding(Status.WORK, Severity.MEDIUM);
        Finding heavy = finding(Status.WORK, Severity.HIGH);
        Finding warning = finding(Status.WARNING, Severity.LOW);
        Finding unknown = finding(Status.UNKNOWN, Severity.MEDIUM);
        Finding minorUnknown = finding(Status.UNKNOWN, Severity.LOW);
        Finding blocked = finding(Status.BLOCKED, Severity.HIGH);
        assertThat(Verdict.of(List.of(met))).isEqualTo(Verdict.READY);
        assertThat(Verdict.of(List.of(met, minorUnknown))).isEqualTo(Verdict.READY);
        assertThat(Verdict.of(List.of(met, warning))).isEqualTo(Verdict.FEASIBLE_WITH_WORK);
        assertThat(Verdict.of(List.of(work, minorUnknown))).isEqualTo(Verdict.FEASIBLE_WITH_WORK);
        assertThat(Verdict.of(List.of(work, unknown))).isEqualTo(Verdict.INCOMPLETE);
        assertThat(Verdict.of(List.of(unknown, heavy))).isEqualTo(Verdict.AT_RISK);
        assertThat(Verdict.of(List.of(heavy, blocked, unknown))).isEqualTo(Verdict.BLOCKED);
    }

    @Test
    void theReportRollsUpEffortFollowUpsAndAHeadline() {
        Facts f = facts().allMet().answer(CODE_SYSTEMS, "Results", "[\"L\"]").answer(PROVIDER_IDS, "[{\"type\":\"DN\"}]")
                .answer(CONNECTION_METHODS, "Results|INBOUND", "[\"OTHER\",\"HL7V2_MLLP\"]");
        f.followUps.add(AnswerKey.once(DAILY_VOLUME));
        FeasibilityReport report = FeasibilityReport.of(SITE, "Mercy General", "Epic", "UTC", List.of(f.build()), java.time.OffsetDateTime.now());
        assertThat(report.verdict()).isEqualTo(Verdict.FEASIBLE_WITH_WORK);
        assertThat(report.effort()).isEqualTo(new FeasibilityReport.EffortRollup(1, 1, 0));
        assertThat(report.followUps()).extracting(FeasibilityReport.FollowUp::reason)
                .containsExactlyInAnyOrder("Unanswered", "Flagged for follow-up");
        assertThat(report.headline()).isEqualTo("Feasible with work: 2 items (effort 1 M, 1 S); 2 open questions.");
        assertThat(report.messagesPerDay()).isEqualTo(2500);
    }

    @Test
    void theDocsListEveryRuleAndOutcome() throws java.io.IOException {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("docs/feasibility.md"));
        for (FeasibilityRules.Rule rule : FeasibilityRules.ALL) {
            assertThat(docs).as(rule.id()).contains("### " + rule.id() + " · " + rule.title());
            for (FeasibilityRules.Outcome outcome : rule.outcomes()) {
                assertThat(docs).as(rule.id() + " " + outcome.key()).contains("| `" + outcome.key() + "` | " + outcome.status().label
                        + " | " + outcome.severity().label + " | " + outcome.effort().label + " | " + outcome.explanation().replace("|", "\\|"));
            }
        }
    }

    static Finding finding(Status status, Severity severity) {
        return new Finding("T-1", Finding.Area.DATA, "Test", PROJECT, "P", status.name(), "", "x", status, severity, Effort.S, "", List.of());
    }
}
