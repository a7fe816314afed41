package dev.siteready.profiling;

import java.util.List;

/**
 * Sample messages written for the tests, full of distinctive "patient data" (names, identifiers, dates, addresses,
 * phone numbers) that must never reach the database or the log. {@link #SECRETS} lists them.
 */
public final class Samples {

    /** Values that appear in the samples and must never be stored or logged. */
    public static final List<String> SECRETS = List.of("Quixotica", "Zebulonne", "MRN4471902", "EMPI99812377",
            "19470312", "742 Evergreen Terrace", "Springfieldia", "555-0199", "ACCT5550123", "VIS7781234",
            "Drosselmeyer", "1234567893", "Wintermute", "Glucoseventeen", "8675309", "Fhirlinda", "Redoxia",
            "RDX-MRN-31337", "ENC-2718281");

    private Samples() {
    }

    /** An ADT^A04 (registration) in v2.5.1 with two patient IDs (MR from MAIN, PE from EMPI), an account and visit number. */
    public static String adtA04(int n) {
        return String.join("\r",
                "MSH|^~\\&|EPIC|RIVERSIDE|SITEREADY|VENDOR|20261101120000||ADT^A04^ADT_A01|CTRL" + n + "|P|2.5.1",
                "EVN|A04|20261101120000",
                "PID|1||MRN4471902^^^MAIN^MR~EMPI99812377^^^EMPI^PE||Quixotica^Zebulonne^Q||19470312|F|||742 Evergreen Terrace^^Springfieldia^OR^97000||555-0199|||||ACCT5550123",
                "PV1|1|O|CLINIC^101^A||||1234567893^Drosselmeyer^Hans^^^^^^NPI&2.16.840.1.113883.4.6&ISO^^^^NPI|4455^Wintermute^Ada^^^^^^MAIN^^^^DN|||||||||||VIS7781234^^^MAIN^VN",
                "ZPI|custom|Quixotica");
    }

    /** An ORU^R01 (results) in v2.3 with LOINC and local codes, an ordering provider and a coded OBX-5. */
    public static String oruR01(int n) {
        return String.join("\r",
                "MSH|^~\\&|LAB|RIVERSIDE|SITEREADY|VENDOR|20261101120500||ORU^R01|LAB" + n + "|P|2.3",
                "PID|1||MRN4471902^^^MAIN^MR||Quixotica^Zebulonne||19470312|F",
                "PV1|1|O",
                "ORC|RE|ORD" + n + "||||||||||1234567893^Drosselmeyer^Hans^^^^^^NPI^^^^NPI",
                "OBR|1|ORD" + n + "|FIL" + n + "|24323-8^Comprehensive metabolic panel^LN^CMP^Chem panel^99RIV|||20261101110000|||||||||1234567893^Drosselmeyer^Hans^^^^^^NPI^^^^NPI",
                "OBX|1|NM|2345-7^Glucoseventeen^LN^GLU^Glucose^99RIV||8675309|mg/dL|70-99|N|||F",
                "OBX|2|CE|GLU-INT^Interpretation^L||N^Normal^HL70078|||||||F",
                "OBX|3|ST|XYZ1^Note||Comment about Quixotica||||||F");
    }

    public static String ormO01(String orderControl) {
        return String.join("\r",
                "MSH|^~\\&|EPIC|RIVERSIDE|SITEREADY|VENDOR|20261101130000||ORM^O01|ORM1|P|2.5.1",
                "PID|1||MRN4471902^^^MAIN^MR||Quixotica^Zebulonne",
                "ORC|" + orderControl + "|ORD77||||||||||4455^Wintermute^Ada",
                "OBR|1|ORD77||80053^CMP^C4");
    }

    public static String siuS12() {
        return String.join("\r",
                "MSH|^~\\&|EPIC|RIVERSIDE|SITEREADY|VENDOR|20261101140000||SIU^S12|SIU1|P|2.5.1",
                "SCH|APT1|APT1",
                "PID|1||MRN4471902^^^MAIN^MR||Quixotica^Zebulonne",
                "RGS|1",
                "AIS|1||99213^Office visit^C4");
    }

    public static String mdmT02() {
        return String.join("\r",
                "MSH|^~\\&|EPIC|RIVERSIDE|SITEREADY|VENDOR|20261101150000||MDM^T02|MDM1|P|2.5.1",
                "EVN|T02|20261101150000",
                "PID|1||MRN4471902^^^MAIN^MR||Quixotica^Zebulonne",
                "PV1|1|I",
                "TXA|1|CN|TX|20261101150000",
                "OBX|1|TX|NOTE^Progress note^L||Quixotica is doing well||||||F");
    }

    public static String vxuV04() {
        return String.join("\r",
                "MSH|^~\\&|EPIC|RIVERSIDE|SITEREADY|VENDOR|20261101160000||VXU^V04^VXU_V04|VXU1|P|2.5.1",
                "PID|1||MRN4471902^^^MAIN^MR||Quixotica^Zebulonne",
                "ORC|RE||IZ1",
                "RXA|0|1|20261101|20261101|208^COVID-19 vaccine^CVX|0.3|mL");
    }

    /** A diagnosis in ICD-10-CM with escape sequences in the names (\T\ is "&"). */
    public static String adtA08WithDiagnosis() {
        return String.join("\r",
                "MSH|^~\\&|EPIC|RIVERSIDE|SITEREADY|VENDOR|20261101170000||ADT^A08|ADT8|P|2.5.1",
                "PID|1||MRN4471902^^^MAIN\\T\\CO^MR||Quixotica^Zebulonne",
                "PV1|1|I|||||4455^Wintermute^Ada",
                "DG1|1||E11.9^Type 2 diabetes^I10C~R73.9^Hyperglycemia^I10C");
    }

    /** An HL7 message without MSH-12. */
    public static String withoutVersion() {
        return String.join("\r",
                "MSH|^~\\&|EPIC|RIVERSIDE|SITEREADY|VENDOR|20261101180000||ADT^A04|NOVER1|P",
                "PID|1||MRN4471902^^^MAIN^MR||Quixotica^Zebulonne",
                "PV1|1|O|||||||||||||||||VIS7781234");
    }

    /** A Redox-style Results message. */
    public static String redoxResults() {
        return """
                {"Meta": {"DataModel": "Results", "EventType": "New", "Source": {"Name": "Redoxia"}},
                 "Patient": {"Identifiers": [{"ID": "RDX-MRN-31337", "IDType": "MR"}, {"ID": "EMPI99812377", "IDType": "EPI"}],
                             "Demographics": {"FirstName": "Fhirlinda", "LastName": "Quixotica", "DOB": "1947-03-12",
                                              "Address": {"StreetAddress": "742 Evergreen Terrace", "City": "Springfieldia"}}},
                 "Visit": {"VisitNumber": "VIS7781234", "AccountNumber": "ACCT5550123"},
                 "Orders": [{"ID": "ORD1", "Procedure": {"Code": "24323-8", "Codeset": "LOINC", "Description": "CMP"},
                             "Provider": {"ID": "1234567893", "IDType": "NPI", "LastName": "Drosselmeyer"},
                             "Results": [{"Code": "2345-7", "Codeset": "LOINC", "Value": "8675309", "Description": "Glucoseventeen"},
                                         {"Code": "GLU-X", "Codeset": "RiversideLab", "Value": "8675309"}]}]}
                """;
    }

    /** A FHIR Bundle with a Patient (MR and SSN-like identifiers), an Encounter, a Practitioner and an Observation. */
    public static String fhirBundle() {
        return """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Patient", "name": [{"family": "Quixotica", "given": ["Fhirlinda"]}],
                    "birthDate": "1947-03-12",
                    "identifier": [
                      {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]},
                       "system": "urn:oid:1.2.36.146.595.217.0.1", "value": "RDX-MRN-31337"},
                      {"type": {"coding": [{"code": "PE"}]}, "system": "https://empi.example.org", "value": "EMPI99812377"}]}},
                  {"resource": {"resourceType": "Encounter", "identifier": [{"type": {"coding": [{"code": "VN"}]}, "value": "ENC-2718281"}]}},
                  {"resource": {"resourceType": "Practitioner",
                    "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"}]}},
                  {"resource": {"resourceType": "Observation", "status": "final",
                    "code": {"coding": [{"system": "http://loinc.org", "code": "2345-7", "display": "Glucoseventeen"},
                                        {"system": "urn:oid:2.16.840.1.113883.3.1234", "code": "GLU"}]},
                    "valueQuantity": {"value": 8675309, "unit": "mg/dL", "system": "http://unitsofmeasure.org", "code": "mg/dL"}}}]}
                """;
    }

    /** Messages wrapped in MLLP framing (VT ... FS CR). */
    public static String mllp(String... messages) {
        StringBuilder out = new StringBuilder();
        for (String m : messages) {
            out.append('\u000b').append(m).append('\u001c').append('\r');
        }
        return out.toString();
    }
}
