package dev.siteready.feasibility;

import static dev.siteready.feasibility.Evaluation.number;
import static dev.siteready.feasibility.Evaluation.types;
import static dev.siteready.feasibility.FeasibilityRules.AUTHORITIES;
import static dev.siteready.feasibility.FeasibilityRules.ENTERPRISE_IDS;
import static dev.siteready.feasibility.FeasibilityRules.NOT_ASKED;
import static dev.siteready.feasibility.FeasibilityRules.PATIENT_IDS;
import static dev.siteready.feasibility.FeasibilityRules.PROVIDERS;
import static dev.siteready.feasibility.FeasibilityRules.VISIT;
import static dev.siteready.feasibility.FeasibilityRules.VISIT_MODELS;
import static dev.siteready.feasibility.Placeholders.with;

import dev.siteready.feasibility.Finding.Source;
import dev.siteready.project.Hl7Tables;
import dev.siteready.scoping.AnswerValues;
import dev.siteready.scoping.StandardQuestionnaire;
import dev.siteready.scoping.Subjects.Subject;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Identifiers: PAT-1, PAT-2 and PAT-3 (patients), VIS-1 (visits) and PRV-1 (providers). */
final class IdentifierChecks {

    private IdentifierChecks() {
    }

    static void patientIdTypes(Evaluation e) {
        if (e.facts.patientIdTypes().isEmpty()) {
            return;
        }
        Subject none = Subject.NONE;
        List<Source> sources = List.of(e.scopeSource("Required patient identifiers", "#requirements-heading"),
                e.question(StandardQuestionnaire.PATIENT_ID_TYPES, none));
        List<Map<String, String>> rows = AnswerValues.rows(e.value(StandardQuestionnaire.PATIENT_ID_TYPES, none));
        for (String type : new LinkedHashSet<>(e.facts.patientIdTypes())) {
            Subject subject = new Subject(type, Hl7Tables.label(Hl7Tables.IDENTIFIER_TYPES, type));
            if (!e.asks(StandardQuestionnaire.PATIENT_ID_TYPES)) {
                e.add(PATIENT_IDS, NOT_ASKED.key(), subject, Map.of(), sources);
                continue;
            }
            if (rows.isEmpty()) {
                e.add(PATIENT_IDS, "unknown", subject, Map.of(), sources);
                continue;
            }
            Map<String, String> row = rows.stream().filter(r -> type.equals(r.get("type"))).findFirst().orElse(null);
            if (row == null) {
                e.add(PATIENT_IDS, "missing", subject, Map.of("sent", types(rows)), sources);
            } else {
                String authority = row.getOrDefault("authority", "");
                e.add(PATIENT_IDS, "met", subject, Map.of("authority", authority.isBlank() ? "not stated" : authority), sources);
            }
        }
    }

    static void enterpriseIds(Evaluation e) {
        Subject none = Subject.NONE;
        List<Source> sources = List.of(e.question(StandardQuestionnaire.PATIENT_ID_COUNT, none),
                e.question(StandardQuestionnaire.HAS_EMPI, none));
        if (e.notAsked(ENTERPRISE_IDS, StandardQuestionnaire.PATIENT_ID_COUNT, none, sources)) {
            return;
        }
        BigDecimal count = number(e.value(StandardQuestionnaire.PATIENT_ID_COUNT, none));
        if (count == null) {
            e.add(ENTERPRISE_IDS, "unknown", none, Map.of("missing", "how many patient identifiers exist across the enterprise"),
                    sources.subList(0, 1));
            return;
        }
        Map<String, String> params = Map.of("count", count.toPlainString());
        if (count.compareTo(BigDecimal.ONE) <= 0) {
            e.add(ENTERPRISE_IDS, "single", none, params, sources.subList(0, 1));
            return;
        }
        String empi = AnswerValues.text(e.value(StandardQuestionnaire.HAS_EMPI, none));
        if ("YES".equals(empi)) {
            String type = AnswerValues.text(e.value(StandardQuestionnaire.EMPI_ID, none));
            e.add(ENTERPRISE_IDS, "empi", none, with(params, "empiType",
                    type.isEmpty() ? "" : " (" + Hl7Tables.label(Hl7Tables.IDENTIFIER_TYPES, type) + ")"), sources);
        } else if ("NO".equals(empi)) {
            e.add(ENTERPRISE_IDS, "reconciliation", none, params, sources);
        } else {
            e.add(ENTERPRISE_IDS, "unknown", none, with(params, "missing", "whether an EMPI ties the "
                    + count.toPlainString() + " patient identifiers together"), sources);
        }
    }

    static void authorities(Evaluation e) {
        Subject none = Subject.NONE;
        if (!e.asks(StandardQuestionnaire.PATIENT_ID_TYPES)) {
            return; // PAT-1 reports the missing question where identifiers are required
        }
        List<Map<String, String>> rows = AnswerValues.rows(e.value(StandardQuestionnaire.PATIENT_ID_TYPES, none));
        if (rows.isEmpty()) {
            return;
        }
        List<Source> sources = List.of(e.question(StandardQuestionnaire.PATIENT_ID_TYPES, none));
        List<Map<String, String>> without = rows.stream().filter(r -> r.getOrDefault("authority", "").isBlank()).toList();
        if (without.isEmpty()) {
            e.add(AUTHORITIES, "met", none, Map.of(), sources);
        } else {
            e.add(AUTHORITIES, "missing", none, Map.of("types", types(without)), sources);
        }
    }

    static void visit(Evaluation e) {
        String reason = e.facts.fields().stream().filter(f -> f.path().startsWith("Visit")).findFirst()
                .map(f -> "the product requires " + f.subject().label())
                .orElse(e.facts.rows().stream().map(ProjectFacts.Row::model).filter(VISIT_MODELS::contains).findFirst()
                        .map(m -> m + " is in scope").orElse(null));
        if (reason == null) {
            return;
        }
        Subject none = Subject.NONE;
        List<Source> sources = List.of(e.question(StandardQuestionnaire.VISIT_IDS, none));
        Map<String, String> params = Map.of("reason", reason);
        if (e.notAsked(VISIT, StandardQuestionnaire.VISIT_IDS, none, sources)) {
            return;
        }
        List<Map<String, String>> rows = AnswerValues.rows(e.value(StandardQuestionnaire.VISIT_IDS, none));
        if (rows.isEmpty()) {
            e.add(VISIT, "unknown", none, params, sources);
        } else if (rows.stream().allMatch(r -> "REUSED".equals(r.get("uniqueness")))) {
            e.add(VISIT, "reused", none, with(params, "types", types(rows)), sources);
        } else {
            e.add(VISIT, "met", none, with(params, "types", types(rows)), sources);
        }
    }

    static void providers(Evaluation e) {
        if (e.facts.providerIdTypes().isEmpty()) {
            return;
        }
        Subject none = Subject.NONE;
        List<Source> sources = List.of(e.scopeSource("Required provider identifiers", "#requirements-heading"),
                e.question(StandardQuestionnaire.PROVIDER_IDS, none));
        List<Map<String, String>> rows = AnswerValues.rows(e.value(StandardQuestionnaire.PROVIDER_IDS, none));
        for (String type : new LinkedHashSet<>(e.facts.providerIdTypes())) {
            Subject subject = new Subject(type, Hl7Tables.label(Hl7Tables.IDENTIFIER_TYPES, type));
            if (!e.asks(StandardQuestionnaire.PROVIDER_IDS)) {
                e.add(PROVIDERS, NOT_ASKED.key(), subject, Map.of(), sources);
            } else if (rows.isEmpty()) {
                e.add(PROVIDERS, "unknown", subject, Map.of(), sources);
            } else {
                Map<String, String> row = rows.stream().filter(r -> type.equals(r.get("type"))).findFirst().orElse(null);
                if (row == null) {
                    e.add(PROVIDERS, "crosswalk", subject, Map.of("sent", types(rows)), sources);
                } else {
                    String fields = row.getOrDefault("fields", "");
                    e.add(PROVIDERS, "met", subject, Map.of("fields", fields.isBlank() ? "" : " in " + fields), sources);
                }
            }
        }
    }
}
