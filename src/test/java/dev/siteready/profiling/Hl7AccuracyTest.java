package dev.siteready.profiling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.siteready.profiling.ProfileData.CodedField;
import dev.siteready.profiling.ProfileData.Hd;
import dev.siteready.profiling.ProfileData.IdStat;
import dev.siteready.profiling.ProfileData.Note;
import dev.siteready.profiling.ProfileData.ProviderStat;
import dev.siteready.profiling.ProfileData.SystemShare;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profiler read like an interface analyst would (issue 19), one numbered case per test, with messages written for
 * them: a line break inside a field, assigning authorities as whole HDs, coded fields per occurrence with primary and
 * alternate systems apart, text-only coded values, HL7 table 0396, and conformance notes for what was read past.
 */
class Hl7AccuracyTest {

    private static final String MSH = "MSH|^~\\&|LAB|RIVERSIDE|SITEREADY|VENDOR|20261101120500||";

    /** An ORU whose OBR-17 (call-back phone) is broken across two lines, with a DG1 and an OBX after the break. */
    static String brokenPhone(int n) {
        return String.join("\r",
                MSH + "ORU^R01|BRK" + n + "|P|2.5.1",
                "PID|1||MRN4471902^^^MAIN^MR||Quixotica^Zebulonne",
                "OBR|1|ORD" + n + "||24323-8^Metabolic panel^LN|||20261101110000|||||||||1234567893^Drosselmeyer^^^^^^^^^^^NPI|555-",
                "0199|||||F",
                "OBX|1|NM|2345-7^Glucose^LN||95|mg/dL|||||F",
                "DG1|1||E11.9^Type 2 diabetes^I10C");
    }

    private static String ending(String message, String ending) {
        return message.replace("\r", ending);
    }

    /** 1. A line break inside a field: the message stays whole, the break is noted, and later numbers do not shift. */
    @ParameterizedTest
    @ValueSource(strings = { "\r", "\n", "\r\n" })
    void aLineBreakInsideAFieldIsJoinedAndNoted(String eol) {
        String text = ending(String.join("\r", Samples.adtA04(1), brokenPhone(2), "MSH|^~\\&|A", Samples.oruR01(4)), eol);
        Profiler.Result result = Profiler.profileHl7(text);
        ProfileData p = result.data();
        assertThat(p.messages()).isEqualTo(4);
        assertThat(p.profiled()).isEqualTo(3);
        // The only unreadable message is the fourth MSH's neighbour: number 3, as counted by MSH
        assertThat(result.failures()).extracting(ProfileBuilder.Failure::index).containsExactly(3);
        // Nothing after the break was lost: the DG1's ICD-10-CM code and the OBX are read
        Map<String, CodedField> codes = byField(p);
        assertThat(codes.get("Results DG1-3").systems()).extracting(SystemShare::system).containsExactly("I10C");
        assertThat(codes.get("Results OBX-3").occurrences()).isEqualTo(1 + 3); // message 2's OBX and message 4's three
        assertThat(p.notes()).extracting(n -> n.note() + " @" + n.examples()).containsExactly("Line break inside OBR-17, joined @[2]");
        // The same messages in any line ending give the same profile
        assertThat(Profiler.profileHl7(ending(text, "\r")).data()).isEqualTo(p);
    }

    @Test
    void textBeforeTheFirstMessageIsListedWithoutShiftingTheNumbers() {
        Profiler.Result result = Profiler.profileHl7("Sample feed, exported Monday\n" + Samples.adtA04(1) + "\n" + brokenPhone(2)
                + "\n" + brokenPhone(3).replace("\r0199", "\r0199\rsecond broken line"));
        assertThat(result.failures()).extracting(ProfileBuilder.Failure::index).containsExactly(0);
        assertThat(result.data().messages()).isEqualTo(3);
        assertThat(result.data().notes()).extracting(Note::note, Note::occurrences, Note::messages, Note::examples).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Text before the first MSH segment, not read", 1, 0, List.of()),
                org.assertj.core.groups.Tuple.tuple("Line break inside OBR-17, joined", 3, 2, List.of(2, 3)));
        // The end of an MLLP frame ends its message: text after it is not joined to it
        Profiler.Result framed = Profiler.profileHl7(Samples.mllp(Samples.adtA04(1), Samples.oruR01(2)) + "trailer text\r"
                + Samples.mllp(Samples.vxuV04()));
        assertThat(framed.data().messages()).isEqualTo(3);
        assertThat(framed.failures()).extracting(ProfileBuilder.Failure::label).containsExactly("After message 2");
        assertThat(framed.data().notes()).extracting(Note::examples).containsExactly(List.of(2));
        // No MSH at all: nothing to profile, and the reason says why
        Profiler.Result none = Profiler.profileHl7("just some text\nand more");
        assertThat(none.data().messages()).isZero();
        assertThat(none.failures()).singleElement().satisfies(f -> assertThat(f.label()).isEqualTo("Before message 1"));
    }

    /** 2. Assigning authorities are whole HDs: grouped by all three parts, incomplete ones flagged. */
    @Test
    void assigningAuthoritiesAreKeptWhole() {
        String text = String.join("\r",
                MSH + "ADT^A04|HD1|P|2.5.1",
                "PID|1||A1^^^MAINHOSP&1.2.3.4.5&ISO^MR~A2^^^MAINHOSP&9.8.7.6&ISO^MR~A3^^^&&ISO^PI~A4^^^&2.16.840.1.113883.3.72^PT"
                        + "~A5^^^MAINHOSP^MR",
                "PV1|1|O|||||1234567893^Drosselmeyer^^^^^^^LABCORP&05D0642827&CLIA^^^^NPI~4455^Wintermute^^^^^^^LABCORP^^^^NPI");
        ProfileData p = Profiler.profileHl7(text).data();
        Map<String, IdStat> ids = p.patientIds().stream().collect(Collectors.toMap(i -> i.type() + " " + i.authority(), Function.identity()));
        assertThat(ids.keySet()).containsExactlyInAnyOrder("MR MAINHOSP&1.2.3.4.5&ISO", "MR MAINHOSP&9.8.7.6&ISO", "PI &&ISO",
                "PT &2.16.840.1.113883.3.72", "MR MAINHOSP");
        assertThat(ids.get("MR MAINHOSP&9.8.7.6&ISO").assigningAuthority()).isEqualTo(new Hd("MAINHOSP", "9.8.7.6", "ISO"));
        assertThat(ids.get("PI &&ISO").assigningAuthority().problem()).isEqualTo("only a universal ID type");
        assertThat(ids.get("PT &2.16.840.1.113883.3.72").assigningAuthority().problem()).isEqualTo("a universal ID without its type");
        assertThat(ids.get("MR MAINHOSP&1.2.3.4.5&ISO").assigningAuthority().problem()).isEmpty();
        // A CLIA-style ID next to the facility name is kept, and apart from the bare facility name
        assertThat(p.providers()).extracting(ProviderStat::authority).containsExactlyInAnyOrder("LABCORP&05D0642827&CLIA", "LABCORP");

        // The JSON exposes the parts
        JsonNode json = new ObjectMapper().valueToTree(p);
        assertThat(json.at("/patientIds").findValues("assigningAuthority")).anySatisfy(a -> {
            assertThat(a.path("namespace").asText()).isEqualTo("MAINHOSP");
            assertThat(a.path("universalId").asText()).isEqualTo("1.2.3.4.5");
            assertThat(a.path("universalIdType").asText()).isEqualTo("ISO");
        });
    }

    /** 3. Coded fields per occurrence: OBX counts equal the OBX segments; primary and alternate systems apart. */
    @Test
    void codedFieldsAreCountedPerOccurrenceWithPrimaryAndAlternateApart() {
        List<String> segments = new ArrayList<>(List.of(MSH + "ORU^R01|OCC1|P|2.5.1", "PID|1||MRN4471902^^^MAIN^MR", "OBR|1|||CMP^Panel^L"));
        for (int i = 1; i <= 14; i++) {
            segments.add(i <= 11 ? "OBX|" + i + "|NM|GLU" + i + "^Glucose^L^2345-7^Glucose^LN||95|||||F"
                    : "OBX|" + i + "|NM|K" + i + "^Potassium^99LAB||4.1|||||F");
        }
        ProfileData p = Profiler.profileHl7(String.join("\r", segments)).data();
        CodedField obx3 = byField(p).get("Results OBX-3");
        assertThat(obx3.occurrences()).isEqualTo(14);
        Map<String, SystemShare> systems = obx3.systems().stream().collect(Collectors.toMap(SystemShare::system, Function.identity()));
        assertThat(systems.get("LN")).extracting(SystemShare::count, SystemShare::primary, SystemShare::alternate).containsExactly(11, 0, 11);
        assertThat(systems.get("L")).extracting(SystemShare::count, SystemShare::primary, SystemShare::alternate).containsExactly(11, 11, 0);
        assertThat(systems.get("99LAB").count()).isEqualTo(3);
        assertThat(Suggestions.describe(obx3)).startsWith("OBX-3 (14): ")
                .contains("LN present in 79% (as primary 0%, as alternate 79%)").contains("L (local) present in 79%")
                .contains("99LAB (local) present in 21%");

        // A repeated OBX-5 (CWE) is one occurrence, and a system it repeats counts once
        String repeated = String.join("\r", MSH + "ORU^R01|OCC2|P|2.5.1", "OBX|1|CWE|5778-6^Color^LN||Y^Yellow^HL70078~C^Clear^HL70078|||||F",
                "OBX|2|ST|5767-9^Appearance^LN||Clear|||||F");
        CodedField obx5 = byField(Profiler.profileHl7(repeated).data()).get("Results OBX-5");
        assertThat(obx5.occurrences()).isEqualTo(1);
        assertThat(obx5.systems()).singleElement().extracting(SystemShare::system, SystemShare::count).containsExactly("HL70078", 1);
    }

    /** 4. A coded value with text and a system but no code is text only, with its system; an empty one is empty. */
    @Test
    void textOnlyCodedValuesAreCountedWithTheirSystem() {
        String text = String.join("\r", MSH + "ORM^O01|TXT1|P|2.5.1", "ORC|NW|ORD1", "OBR|1|ORD1||^CHEST XRAY^LOCALSYS",
                MSH + "ORM^O01|TXT2|P|2.5.1", "ORC|NW|ORD2", "OBR|1|ORD2||71046^Chest X-ray 2 views^C4",
                MSH + "ORM^O01|TXT3|P|2.5.1", "ORC|NW|ORD3", "OBR|1|ORD3");
        ProfileData p = Profiler.profileHl7(text).data();
        CodedField obr4 = byField(p).get("Order OBR-4");
        assertThat(obr4).extracting(CodedField::occurrences, CodedField::withCode, CodedField::textOnly, CodedField::noCode)
                .containsExactly(3, 1, 1, 1);
        assertThat(obr4.systems()).extracting(s -> s.system() + " " + s.count() + "/" + s.textOnly()).containsExactly("C4 1/0", "LOCALSYS 0/1");
        // Filled: the text-only order counts, the empty one does not
        assertThat(p.types().get(0).fill()).extracting(f -> f.field() + " " + f.present() + "/" + f.of()).contains("OBR-4 2/3");
        assertThat(Suggestions.describe(obr4)).contains("33% text without a code (LOCALSYS)").contains("33% empty");
    }

    /** 5. Every code of HL7 table 0396 is known; local patterns and tables are told apart. */
    @Test
    void codingSystemsOfTable0396AreClassified() {
        Map<String, String> judged = new java.util.LinkedHashMap<>();
        for (String s : List.of("DCM", "CDCPHINVS", "I9CDX", "MVX", "SNM", "ISO3166_1", "HL70078", "99RIV", "99zzz", "L", "LOCALSYS",
                "urn:oid:2.16.840.1.113883.6.1", "2.16.840.1.113883.6.96", "urn:oid:1.2.3.4", "X12DE355", "FOO", "")) {
            CodeSystems.Judged j = CodeSystems.judge(s);
            judged.put(s, j.kind() + (j.choice().isEmpty() ? "" : ":" + j.choice()));
        }
        assertThat(judged).containsExactly(Map.entry("DCM", "STANDARD"), Map.entry("CDCPHINVS", "STANDARD"), Map.entry("I9CDX", "STANDARD"),
                Map.entry("MVX", "STANDARD"), Map.entry("SNM", "STANDARD:SCT"), Map.entry("ISO3166_1", "STANDARD"),
                Map.entry("HL70078", "HL7_TABLE"), Map.entry("99RIV", "LOCAL:L"), Map.entry("99zzz", "LOCAL:L"), Map.entry("L", "LOCAL:L"),
                Map.entry("LOCALSYS", "LOCAL:L"), Map.entry("urn:oid:2.16.840.1.113883.6.1", "STANDARD:LN"),
                Map.entry("2.16.840.1.113883.6.96", "STANDARD:SCT"), Map.entry("urn:oid:1.2.3.4", "LOCAL:L"),
                Map.entry("X12DE355", "STANDARD"), Map.entry("FOO", "UNKNOWN"), Map.entry("", "NONE"));
        assertThat(CodeSystems.title("DCM")).isEqualTo("DICOM Controlled Terminology");
        assertThat(CodeSystems.title("99RIV")).contains("Local");
    }

    /** 6. Spaces around coded or typed values, and odd encoding characters, are noted rather than trimmed in silence. */
    @Test
    void trailingSpacesAndOddEncodingCharactersAreNoted() {
        String text = String.join("\r",
                "MSH|^~\\&|LAB|RIVERSIDE|SITEREADY|VENDOR|20261101120500||ORU^R01|SP1|P|2.3 ",
                "PID|1||MRN4471902^^^MAIN^MR ",
                "OBR|1|ORD1||24323-8^Panel^LN||||||||||||1234567893^Drosselmeyer^^^^^^^^^^^NPI ",
                "OBX|1|NM|2345-7^Glucose^LN ||95|||||F",
                "MSH|^~\\&#|LAB|RIVERSIDE|SITEREADY|VENDOR|20261101120500||ORU^R01|SP2|P|2.7",
                "OBX|1|NM|2345-7^Glucose^LN||95|||||F",
                "MSH|^~\\|LAB|RIVERSIDE|SITEREADY|VENDOR|20261101120500||ORU^R01|SP3|P|2.5.1",
                "OBX|1|NM|2345-7^Glucose^LN||95|||||F");
        Profiler.Result result = Profiler.profileHl7(text);
        ProfileData p = result.data();
        // HAPI cannot read message 3 without its subcomponent separator; the note says what is odd about it
        assertThat(p.profiled()).as("%s", result.failures()).isEqualTo(2);
        assertThat(result.failures()).extracting(ProfileBuilder.Failure::index).containsExactly(3);
        assertThat(p.notes()).extracting(n -> n.note() + " @" + n.examples()).containsExactlyInAnyOrder(
                "Trailing space in MSH-12 @[1]", "Trailing space in PID-3.5 @[1]", "Trailing space in OBR-16.13 @[1]",
                "Trailing space in OBX-3.3 @[1]", "MSH-2 has 3 encoding characters (\"^~\\\"), not 4 (^~\\&) @[3]");
        // Read as meant all the same
        assertThat(p.types().get(0).versions()).containsOnlyKeys("2.3", "2.7");
        assertThat(p.providers()).extracting(ProviderStat::type).containsExactly("NPI");
        assertThat(byField(p).get("Results OBX-3").systems()).extracting(SystemShare::system).containsExactly("LN");
    }

    /** Still no value of a message in the profile, notes included. */
    @Test
    void theProfileKeepsNoValue() throws Exception {
        String json = new ObjectMapper().writeValueAsString(Profiler.profileHl7(brokenPhone(1) + "\r" + Samples.adtA04(2)).data());
        for (String secret : Samples.SECRETS) {
            assertThat(json).doesNotContain(secret);
        }
        assertThat(json).doesNotContain("555-").doesNotContain("0199").doesNotContain("CHEST");
    }

    /** Profiles stored before this change (authority as one name, codes counted per code, no notes) still read and show. */
    @Test
    void profilesStoredBeforeStillShow() throws Exception {
        String old = """
                {"format": "HL7 v2", "messages": 2, "profiled": 2, "failed": 0, "failedIndexes": [],
                 "types": [{"type": "ORU^R01", "model": "Results", "event": "New", "messages": 2, "versions": {"2.3": 2}, "fill": []}],
                 "patientIds": [{"type": "MR", "authority": "MAIN", "patients": 2, "shapes": [{"shape": "AAA999", "count": 2}]}],
                 "providers": [{"field": "OBR-16", "type": "NPI", "authority": "NPI", "count": 2, "shapes": []}],
                 "codes": [{"field": "OBX-3", "model": "Results", "values": 25,
                            "systems": [{"system": "LN", "kind": "STANDARD", "choice": "LN", "count": 11}]}]}""";
        ProfileData p = new ObjectMapper().readValue(old, ProfileData.class);
        assertThat(p.patientIds().get(0).assigningAuthority()).isEqualTo(new Hd("MAIN", "", ""));
        assertThat(p.notes()).isEmpty();
        SampleProfile stored = new SampleProfile();
        stored.data = p;
        stored.format = p.format();
        stored.createdBy = "Owner";
        ProfileView view = ProfileView.of(stored, "UTC");
        assertThat(view.codes().get(0)).satisfies(c -> {
            assertThat(c.perCode()).isTrue();
            assertThat(c.values()).isEqualTo(25);
            assertThat(c.systems().get(0).percent()).isEqualTo("44%");
            assertThat(c.systems().get(0).split()).isEmpty();
        });
        assertThat(view.patientIds().get(0).authority().name()).isEqualTo("MAIN");
        assertThat(Suggestions.describe(p.codes().get(0))).isEqualTo("OBX-3: LN 44% of 25 codes");
    }

    private static Map<String, CodedField> byField(ProfileData p) {
        return p.codes().stream().collect(Collectors.toMap(c -> c.model() + " " + c.field(), Function.identity()));
    }
}
