package dev.siteready.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HL7 v2 code tables scope requirements use, with readable labels: identifier types (table 0203)
 * and coding systems (table 0396).
 */
public final class Hl7Tables {

    public record Code(String code, String label) {
    }

    /** HL7 table 0203, identifier type: the codes integration teams meet in practice. */
    public static final Map<String, String> IDENTIFIER_TYPES = ordered(
            "MR", "Medical record number",
            "PI", "Patient internal identifier",
            "PE", "Living subject enterprise number (EMPI)",
            "PN", "Person number",
            "PT", "Patient external identifier",
            "AN", "Account number",
            "VN", "Visit number",
            "SS", "Social Security number",
            "MA", "Medicaid number",
            "MC", "Medicare / CMS number",
            "NPI", "National provider identifier",
            "DN", "Doctor number",
            "PRN", "Provider number",
            "EI", "Employee number",
            "XX", "Organization identifier",
            "U", "Unspecified identifier");

    public static final List<String> PATIENT_ID_CODES = List.of("MR", "PI", "PE", "PN", "PT", "AN", "SS", "MA", "MC", "U");
    public static final List<String> PROVIDER_ID_CODES = List.of("NPI", "DN", "PRN", "EI", "XX", "U");

    /** HL7 table 0396, coding system. "L" stands for a local code system (99zzz or L). */
    public static final Map<String, String> CODE_SYSTEMS = ordered(
            "LN", "LOINC",
            "SCT", "SNOMED CT",
            "I10", "ICD-10",
            "I10C", "ICD-10-CM",
            "I10P", "ICD-10-PCS",
            "C4", "CPT-4",
            "RXNORM", "RxNorm",
            "NDC", "National Drug Code",
            "CVX", "CDC vaccine codes (CVX)",
            "UCUM", "UCUM units",
            "L", "Local codes (99zzz / L)");

    private Hl7Tables() {
    }

    public static List<Code> codes(Map<String, String> table, List<String> subset) {
        return subset.stream().map(c -> new Code(c, table.get(c))).toList();
    }

    public static List<Code> codes(Map<String, String> table) {
        return table.entrySet().stream().map(e -> new Code(e.getKey(), e.getValue())).toList();
    }

    public static String label(Map<String, String> table, String code) {
        String label = table.get(code);
        return label == null ? code : code + " · " + label;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
