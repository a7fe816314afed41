package dev.siteready.profiling;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a coding system named in a sample (HL7 v2 table 0396 codes, Redox code set names, FHIR system URIs, OIDs) is
 * judged: a standard system (with the questionnaire's code for it), an HL7 table, a local system, or unknown. Every
 * code of HL7 table 0396 is known, from {@code profiling/hl7-table-0396.tsv} (HL7 Terminology, its source named in
 * the file's header).
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
            Map.entry("HCPCS", ""), Map.entry("HCPT", ""), Map.entry("MVX", ""), Map.entry("NUCC", ""),
            // The same systems by their OIDs (HL7 v2.7+ CWE.14, FHIR urn:oid: systems).
            Map.entry("2.16.840.1.113883.6.1", "LN"), Map.entry("2.16.840.1.113883.6.96", "SCT"),
            Map.entry("2.16.840.1.113883.6.3", "I10"), Map.entry("2.16.840.1.113883.6.90", "I10C"),
            Map.entry("2.16.840.1.113883.6.4", "I10P"), Map.entry("2.16.840.1.113883.6.12", "C4"),
            Map.entry("2.16.840.1.113883.6.88", "RXNORM"), Map.entry("2.16.840.1.113883.6.69", "NDC"),
            Map.entry("2.16.840.1.113883.12.292", "CVX"), Map.entry("2.16.840.1.113883.6.8", "UCUM"));

    /** HL7 table 0396, upper-cased code → its name ("DCM" → "DICOM Controlled Terminology"). */
    private static final Map<String, String> TABLE_0396 = load("/profiling/hl7-table-0396.tsv");

    /** The table's pattern entries: nnnn is a table number, 99zzz any local name. */
    private static final Pattern HL7_TABLE = Pattern.compile("HL7\\d{4}|2\\.16\\.840\\.1\\.113883\\.12\\.\\d+");
    private static final Pattern NUMBERED_STANDARD = Pattern.compile("(ISO|IBT)\\d{4}|X12DE\\d{1,4}");

    private CodeSystems() {
    }

    static Judged judge(String system) {
        if (system == null || system.isBlank()) {
            return new Judged(Kind.NONE, "");
        }
        String name = system.strip().toUpperCase(Locale.ROOT);
        String oid = name.startsWith("URN:OID:") ? name.substring(8) : name;
        String choice = STANDARD.get(oid);
        if (choice != null) {
            return new Judged(Kind.STANDARD, choice);
        }
        if (HL7_TABLE.matcher(oid).matches() || name.startsWith("HTTP://TERMINOLOGY.HL7.ORG/")) {
            return new Judged(Kind.HL7_TABLE, "");
        }
        if (name.equals("L") || name.startsWith("99") || name.contains("LOCAL") || name.startsWith("URN:OID:")) {
            return new Judged(Kind.LOCAL, "L");
        }
        if (TABLE_0396.containsKey(name) || NUMBERED_STANDARD.matcher(name).matches()) {
            return new Judged(Kind.STANDARD, "");
        }
        return new Judged(Kind.UNKNOWN, "");
    }

    /** The system's name in HL7 table 0396 ("" when it is not a code of that table). */
    static String title(String system) {
        if (system == null) {
            return "";
        }
        String name = system.strip().toUpperCase(Locale.ROOT);
        if (name.startsWith("99") && name.length() > 2) {
            return "Local code system (99zzz)";
        }
        if (HL7_TABLE.matcher(name).matches()) {
            return "HL7 table " + name.substring(3);
        }
        return TABLE_0396.getOrDefault(name, "");
    }

    /** Code → name; pattern rows ("HL7nnnn", "99zzz or L") and rows whose code is not a code are left to the patterns. */
    private static Map<String, String> load(String resource) {
        Map<String, String> table = new HashMap<>(512);
        try (InputStream in = CodeSystems.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                String code = cols[0].strip();
                if (code.isEmpty() || code.contains(" ") || code.contains("nnnn") || code.contains("zzz")) {
                    continue;
                }
                table.putIfAbsent(code.toUpperCase(Locale.ROOT), cols.length > 1 ? cols[1].strip().replaceAll("\\s+", " ") : "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
