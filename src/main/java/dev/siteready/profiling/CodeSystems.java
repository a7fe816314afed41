package dev.siteready.profiling;

import java.util.Locale;
import java.util.Map;

/**
 * How a coding system named in a sample (HL7 v2 table 0396 codes, Redox code set names, FHIR system URIs) is judged:
 * a standard system (with the questionnaire's code for it), an HL7 table, a local system, or unknown.
 */
final class CodeSystems {

    enum Kind {
        STANDARD("Standard"), HL7_TABLE("HL7 table"), LOCAL("Local"), UNKNOWN("Unknown"), NONE("No system given");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        boolean flagged() {
            return this == LOCAL || this == UNKNOWN || this == NONE;
        }
    }

    /** A judged system: its kind and the questionnaire's choice for it (HL7 0396 code, "L" for local; "" if none). */
    record Judged(Kind kind, String choice) {
    }

    /** Names in samples (upper case) → questionnaire code (see scoping's HL7 0396 list). */
    private static final Map<String, String> STANDARD = Map.ofEntries(
            Map.entry("LN", "LN"), Map.entry("LOINC", "LN"), Map.entry("HTTP://LOINC.ORG", "LN"),
            Map.entry("SCT", "SCT"), Map.entry("SNM", "SCT"), Map.entry("SNM3", "SCT"), Map.entry("SNOMED", "SCT"),
            Map.entry("SNOMED CT", "SCT"), Map.entry("SNOMEDCT", "SCT"), Map.entry("HTTP://SNOMED.INFO/SCT", "SCT"),
            Map.entry("I10", "I10"), Map.entry("ICD-10", "I10"), Map.entry("ICD10", "I10"), Map.entry("HTTP://HL7.ORG/FHIR/SID/ICD-10", "I10"),
            Map.entry("I10C", "I10C"), Map.entry("ICD-10-CM", "I10C"), Map.entry("ICD10CM", "I10C"),
            Map.entry("HTTP://HL7.ORG/FHIR/SID/ICD-10-CM", "I10C"),
            Map.entry("I10P", "I10P"), Map.entry("ICD-10-PCS", "I10P"), Map.entry("ICD10PCS", "I10P"),
            Map.entry("C4", "C4"), Map.entry("CPT", "C4"), Map.entry("CPT-4", "C4"), Map.entry("HTTP://WWW.AMA-ASSN.ORG/GO/CPT", "C4"),
            Map.entry("RXNORM", "RXNORM"), Map.entry("RXN", "RXNORM"), Map.entry("HTTP://WWW.NLM.NIH.GOV/RESEARCH/UMLS/RXNORM", "RXNORM"),
            Map.entry("NDC", "NDC"), Map.entry("HTTP://HL7.ORG/FHIR/SID/NDC", "NDC"),
            Map.entry("CVX", "CVX"), Map.entry("HTTP://HL7.ORG/FHIR/SID/CVX", "CVX"),
            Map.entry("UCUM", "UCUM"), Map.entry("HTTP://UNITSOFMEASURE.ORG", "UCUM"),
            // Standard, but not among the questionnaire's choices.
            Map.entry("I9", ""), Map.entry("I9C", ""), Map.entry("ICD-9", ""), Map.entry("ICD-9-CM", ""),
            Map.entry("HCPCS", ""), Map.entry("HCPT", ""), Map.entry("MVX", ""), Map.entry("NUCC", ""));

    private CodeSystems() {
    }

    static Judged judge(String system) {
        if (system == null || system.isBlank()) {
            return new Judged(Kind.NONE, "");
        }
        String name = system.strip().toUpperCase(Locale.ROOT);
        String choice = STANDARD.get(name);
        if (choice != null) {
            return new Judged(Kind.STANDARD, choice);
        }
        if (name.equals("L") || name.equals("LOCAL") || name.startsWith("99") || name.startsWith("URN:OID:")
                || name.contains("LOCAL")) {
            return new Judged(Kind.LOCAL, "L");
        }
        if (name.matches("HL7\\d{4}") || name.startsWith("HTTP://TERMINOLOGY.HL7.ORG/")) {
            return new Judged(Kind.HL7_TABLE, "");
        }
        return new Judged(Kind.UNKNOWN, "");
    }
}
