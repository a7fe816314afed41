package dev.siteready.profiling;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.siteready.profiling.ProfileData.CodedField;
import dev.siteready.profiling.ProfileData.IdStat;
import dev.siteready.profiling.ProfileData.ProviderStat;
import dev.siteready.profiling.ProfileData.TypeStat;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What the profiler derives from sample messages, in plain JUnit (no application, no database). */
class ProfilerTest {

    @Test
    void derivesTypesIdentifiersProvidersAndCodesFromHl7() throws Exception {
        String text = String.join("\r\n", Samples.adtA04(1), Samples.adtA04(2), Samples.oruR01(1), Samples.ormO01("NW"),
                Samples.ormO01("CA"), Samples.siuS12(), Samples.mdmT02(), Samples.vxuV04(), Samples.adtA08WithDiagnosis());
        Profiler.Result result = Profiler.profile(text);
        ProfileData p = result.data();
        assertThat(result.failures()).isEmpty();
        assertThat(p.format()).isEqualTo("HL7 v2");
        assertThat(p.messages()).isEqualTo(9);
        assertThat(p.profiled()).isEqualTo(9);

        Map<String, TypeStat> types = p.types().stream().collect(Collectors.toMap(t -> t.type() + (t.type().startsWith("ORM") ? " " + t.event() : ""), t -> t));
        assertThat(types.get("ADT^A04")).satisfies(t -> {
            assertThat(t.model()).isEqualTo("PatientAdmin");
            assertThat(t.event()).isEqualTo("Registration");
            assertThat(t.messages()).isEqualTo(2);
            assertThat(t.versions()).containsExactly(Map.entry("2.5.1", 2));
        });
        assertThat(types.get("ORU^R01")).satisfies(t -> {
            assertThat(t.model() + " " + t.event()).isEqualTo("Results New");
            assertThat(t.versions()).containsExactly(Map.entry("2.3", 1));
        });
        // Two ORM^O01 with order control NW and CA: a new order and a cancelled one, counted apart
        assertThat(types.get("ORM^O01 New").model()).isEqualTo("Order");
        assertThat(types.get("ORM^O01 New").messages()).isEqualTo(1);
        assertThat(types.get("ORM^O01 Cancel").messages()).isEqualTo(1);
        assertThat(types.get("SIU^S12").model() + " " + types.get("SIU^S12").event()).isEqualTo("Scheduling New");
        assertThat(types.get("MDM^T02").model() + " " + types.get("MDM^T02").event()).isEqualTo("Notes New");
        assertThat(types.get("VXU^V04").model() + " " + types.get("VXU^V04").event()).isEqualTo("Vaccination New");
        assertThat(types.get("ADT^A08").event()).isEqualTo("VisitUpdate");

        // Patient identifiers: type (CX.5) and authority (CX.4), escape sequences decoded (\T\ is &)
        Map<String, IdStat> ids = p.patientIds().stream().collect(Collectors.toMap(i -> i.type() + "|" + i.authority(), i -> i));
        assertThat(ids.keySet()).containsExactlyInAnyOrder("MR|MAIN", "PE|EMPI", "MR|MAIN&CO");
        assertThat(ids.get("MR|MAIN").patients()).isEqualTo(8);
        assertThat(ids.get("PE|EMPI").patients()).isEqualTo(2);
        assertThat(ids.get("MR|MAIN").shapes().get(0).shape()).isEqualTo("AAA9999999");
        assertThat(ids.get("PE|EMPI").shapes().get(0).shape()).isEqualTo("AAAA99999999");
        assertThat(p.idsPerPatient().min()).isEqualTo(1);
        assertThat(p.idsPerPatient().max()).isEqualTo(2);

        // PID-18 in the two ADT^A04 of the 8 messages with a PID; PV1-19 in the ADT^A04 only
        assertThat(p.accountNumber().present()).isEqualTo(2);
        assertThat(p.accountNumber().of()).isEqualTo(9);
        assertThat(p.accountNumber().shapes().get(0).shape()).isEqualTo("AAAA9999999");
        assertThat(p.visitNumber().present()).isEqualTo(2);
        assertThat(p.visitNumber().of()).isEqualTo(5);
        assertThat(p.visitNumber().shapes().get(0).shape()).isEqualTo("AAA9999999");
        assertThat(p.visitNumber().types()).containsExactly("VN");

        // Providers: XCN.13 type and XCN.9 authority (the whole HD) per field; one without a type is still counted
        Map<String, ProviderStat> providers = p.providers().stream()
                .collect(Collectors.toMap(s -> s.field() + "|" + s.type() + "|" + s.authority(), s -> s));
        String npiOid = "NPI&2.16.840.1.113883.4.6&ISO";
        assertThat(providers).containsKeys("PV1-7|NPI|" + npiOid, "PV1-8|DN|MAIN", "ORC-12|NPI|NPI", "OBR-16|NPI|NPI", "ORC-12||", "PV1-7||");
        assertThat(providers.get("PV1-7|NPI|" + npiOid).count()).isEqualTo(2);
        assertThat(providers.get("PV1-7|NPI|" + npiOid).assigningAuthority())
                .isEqualTo(new ProfileData.Hd("NPI", "2.16.840.1.113883.4.6", "ISO"));
        assertThat(providers.get("PV1-7|NPI|" + npiOid).shapes().get(0).shape()).isEqualTo("9999999999");
        assertThat(providers.get("ORC-12||").count()).isEqualTo(2);

        // Coded values per field and data model: systems from components 3 and 6, local ones flagged
        Map<String, CodedField> codes = p.codes().stream().collect(Collectors.toMap(c -> c.model() + " " + c.field(), c -> c));
        CodedField obx3 = codes.get("Results OBX-3");
        // Three OBX segments: 2345-7 (LN) with its alternate GLU (99RIV), GLU-INT (L), XYZ1 (no system)
        assertThat(obx3.occurrences()).isEqualTo(3);
        assertThat(obx3.withCode()).isEqualTo(3);
        assertThat(obx3.systems()).extracting(s -> s.system() + ":" + s.count() + "=" + s.primary() + "+" + s.alternate() + ":" + s.kind() + ":" + s.choice())
                .containsExactly(":1=1+0:NONE:", "99RIV:1=0+1:LOCAL:L", "L:1=1+0:LOCAL:L", "LN:1=1+0:STANDARD:LN");
        assertThat(codes.get("Results OBX-5").systems()).extracting(ProfileData.SystemShare::kind).containsExactly("HL7_TABLE");
        assertThat(codes.get("Results OBR-4").systems()).extracting(ProfileData.SystemShare::system).containsExactly("99RIV", "LN");
        assertThat(codes.get("Order OBR-4").systems()).extracting(ProfileData.SystemShare::choice).containsExactly("C4");
        assertThat(codes.get("Scheduling AIS-3").systems()).extracting(ProfileData.SystemShare::system).containsExactly("C4");
        assertThat(codes.get("Vaccination RXA-5").systems()).extracting(ProfileData.SystemShare::choice).containsExactly("CVX");
        // DG1-3 sent twice in one DG1 (two diagnoses, both ICD-10-CM): one occurrence, the system counted once
        assertThat(codes.get("PatientAdmin DG1-3").values()).isEqualTo(1);
        assertThat(codes.get("PatientAdmin DG1-3").systems()).extracting(ProfileData.SystemShare::choice).containsExactly("I10C");
        assertThat(codes.get("Notes OBX-3").systems().get(0).flagged()).isTrue();

        // Fill rates per message type
        TypeStat adt = types.get("ADT^A04");
        assertThat(adt.fill()).extracting(f -> f.field() + " " + f.present() + "/" + f.of())
                .contains("PID-3 2/2", "PID-18 2/2", "PV1-19 2/2", "PV1-7 2/2", "PV1-9 0/2");
        assertThat(types.get("ORU^R01").fill()).extracting(f -> f.field() + " " + f.present() + "/" + f.of())
                .contains("PID-18 0/1", "PV1-19 0/1", "ORC-12 1/1", "OBR-16 1/1", "OBR-4 1/1", "OBX-3 1/1");

        // The stored JSON carries none of the values
        String json = new ObjectMapper().writeValueAsString(p);
        for (String secret : Samples.SECRETS) {
            assertThat(json).doesNotContain(secret);
        }
    }

    @Test
    void readsAwkwardFormats() {
        String lf = Samples.adtA04(1).replace('\r', '\n');
        String crlf = Samples.oruR01(1).replace("\r", "\r\n");
        String text = Samples.mllp(Samples.adtA04(2), Samples.vxuV04()) + "\n\n" + lf + "\n" + crlf + "\n\n" + Samples.withoutVersion();
        Profiler.Result result = Profiler.profile(text);
        assertThat(result.failures()).isEmpty();
        ProfileData p = result.data();
        assertThat(p.messages()).isEqualTo(5);
        Map<String, TypeStat> types = p.types().stream().collect(Collectors.toMap(TypeStat::type, t -> t));
        assertThat(types.get("ADT^A04").messages()).isEqualTo(3);
        assertThat(types.get("ADT^A04").versions()).containsEntry("2.5.1", 2).containsEntry("(missing)", 1);
        assertThat(types.get("VXU^V04").messages()).isEqualTo(1);
        assertThat(types.get("ORU^R01").messages()).isEqualTo(1);
        // Z-segments are read past; repetitions of PID-3 all counted
        assertThat(p.patientIds()).extracting(IdStat::type).contains("MR", "PE");
    }

    @Test
    void readsAMessageTypeWithoutTriggerEventAndFilesJoinedWithTheirByteOrderMarks() {
        String noTrigger = Samples.adtA04(1).replace("ADT^A04^ADT_A01", "ADT");
        Profiler.Result result = Profiler.profile("\uFEFF" + noTrigger + "\n\uFEFF" + Samples.oruR01(1) + "\nzpi|lower case z-segment");
        assertThat(result.failures()).isEmpty();
        assertThat(result.data().types()).extracting(t -> t.type() + ":" + t.model()).containsExactlyInAnyOrder("ADT:", "ORU^R01:Results");
        // read without a structure, the identifiers are still found
        assertThat(result.data().patientIds()).extracting(IdStat::type).contains("MR", "PE");
        assertThat(result.data().visitNumber().present()).isEqualTo(1);
    }

    @Test
    void messagesBeyondTheLimitsAreListedNotParsed() {
        String manySegments = "MSH|^~\\&|A|B|C|D|2026||ORU^R01|1|P|2.5.1\r" + "NTE|1||note\r".repeat(Hl7Messages.MAX_SEGMENTS);
        String manyZ = "MSH|^~\\&|A|B|C|D|2026||ADT^A04|2|P|2.5.1\r" + "ZXY|1\r".repeat(Hl7Messages.MAX_UNKNOWN_SEGMENTS + 1);
        String manyIds = "MSH|^~\\&|A|B|C|D|2026||ADT^A04|3|P|2.5.1\rPID|1||" + "1^^^A^MR~".repeat(Hl7Messages.MAX_REPETITIONS + 1);
        String longLine = "MSH|^~\\&|A|B|C|D|2026||ADT^A04|4|P|2.5.1\rNTE|1||" + "x".repeat(Hl7Messages.MAX_MESSAGE_CHARS + 1);
        long started = System.nanoTime();
        Profiler.Result result = Profiler.profile(String.join("\r", manySegments, manyZ, manyIds, longLine, Samples.adtA04(1)));
        assertThat(result.failures()).extracting(ProfileBuilder.Failure::index).containsExactly(1, 2, 3, 4);
        assertThat(result.failures()).extracting(ProfileBuilder.Failure::reason).allMatch(r -> r.contains("to profile") || r.contains("does not define"));
        assertThat(result.data().profiled()).isEqualTo(1);
        assertThat(System.nanoTime() - started).as("limits keep HAPI from the expensive cases").isLessThan(20_000_000_000L);

        // Many unreadable messages: every one counted, the first 1,000 kept with a reason
        Profiler.Result junk = Profiler.profile("MSH|^~\\&|A\n".repeat(1500)); // no message type
        assertThat(junk.data().failed()).isEqualTo(1500);
        assertThat(junk.failures()).hasSize(ProfileBuilder.MAX_FAILURES);
    }

    @Test
    void jsonKeysThatAreNotNamesAreNotKept() {
        Profiler.Result result = Profiler.profile("{\"Meta\": {\"DataModel\": \"Results\", \"EventType\": \"New\"},"
                + " \"Quixotica Zebulonne 19470312\\u0000x\": {\"Code\": \"1\", \"Codeset\": \"LN\"}}\n"
                + "{\"resourceType\": \"Bundle\", \"entry\": [{\"resource\": {\"resourceType\": \"Zebulonne\\u0000\","
                + " \"code\": {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"1-8\"}]}}}]}");
        assertThat(result.failures()).isEmpty();
        assertThat(result.data().codes()).extracting(CodedField::field).containsExactlyInAnyOrder("?", "?.code");
        assertThat(result.data().toString()).doesNotContain("Quixotica").doesNotContain("Zebulonne").doesNotContain("\u0000");
        String deep = "{\"Meta\": {\"DataModel\": \"Results\"}, \"a\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(Profiler.profile(deep).data().messages()).isEqualTo(1);
    }

    @Test
    void listsMessagesThatFailAndProfilesTheRest() {
        String text = "hello, not a message\r" + Samples.adtA04(1) + "\r\rMSH|^~\\&|X|Y|Z|W|2026||ADT^A04|1|P|2.5.1\rPID|1||" + "\r"
                + "MSH|^~\\&|A\r" + Samples.oruR01(2);
        Profiler.Result result = Profiler.profile(text);
        // Messages are numbered by their MSH: the text before the first one is listed, but is no message
        assertThat(result.data().messages()).isEqualTo(4);
        assertThat(result.failures()).extracting(ProfileBuilder.Failure::label).containsExactly("Before message 1", "#3");
        assertThat(result.failures().get(0).reason()).startsWith("No MSH segment");
        assertThat(result.failures().get(1).reason()).startsWith("MSH-9 (the message type) is empty");
        assertThat(result.data().profiled() + result.data().failed()).isEqualTo(4);
        assertThat(result.data().failedIndexes()).containsExactly(3);
        assertThat(result.data().notes()).extracting(ProfileData.Note::note).contains("Text before the first MSH segment, not read");
        assertThat(result.data().types()).extracting(TypeStat::type).contains("ADT^A04", "ORU^R01");
    }

    @Test
    void derivesFromRedoxAndFhirJson() {
        Profiler.Result redox = Profiler.profile("[" + Samples.redoxResults() + "," + Samples.redoxResults() + "]");
        ProfileData r = redox.data();
        assertThat(redox.failures()).isEmpty();
        assertThat(r.format()).isEqualTo("JSON");
        assertThat(r.types()).extracting(t -> t.type() + " " + t.model() + " " + t.event() + " " + t.messages())
                .containsExactly("Results.New Results New 2");
        assertThat(r.patientIds()).extracting(i -> i.type() + ":" + i.patients() + ":" + i.shapes().get(0).shape())
                .containsExactlyInAnyOrder("MR:2:AAA-AAA-99999", "EPI:2:AAAA99999999");
        assertThat(r.visitNumber().present()).isEqualTo(2);
        assertThat(r.accountNumber().present()).isEqualTo(2);
        assertThat(r.providers()).extracting(s -> s.field() + " " + s.type()).containsExactly("Orders[].Provider NPI");
        Map<String, CodedField> codes = r.codes().stream().collect(Collectors.toMap(CodedField::field, c -> c));
        assertThat(codes.get("Orders[].Results[]").systems()).extracting(s -> s.system() + ":" + s.kind())
                .containsExactly("LOINC:STANDARD", "RiversideLab:UNKNOWN");
        assertThat(codes.get("Orders[].Procedure").systems()).extracting(ProfileData.SystemShare::choice).containsExactly("LN");

        Profiler.Result fhir = Profiler.profile(Samples.fhirBundle() + "\n" + Samples.fhirBundle().replace("\n", " "));
        ProfileData f = fhir.data();
        assertThat(fhir.failures()).isEmpty();
        assertThat(f.types()).extracting(t -> t.type() + " " + t.model() + " " + t.messages()).containsExactly("FHIR Bundle Results 2");
        assertThat(f.patientIds()).extracting(i -> i.type() + "|" + i.authority())
                .containsExactlyInAnyOrder("MR|urn:oid:1.2.36.146.595.217.0.1", "PE|https://empi.example.org");
        assertThat(f.idsPerPatient().max()).isEqualTo(2);
        assertThat(f.visitNumber().types()).containsExactly("VN");
        assertThat(f.providers()).extracting(s -> s.field() + " " + s.type()).containsExactly("Practitioner.identifier NPI");
        Map<String, CodedField> fcodes = f.codes().stream().collect(Collectors.toMap(CodedField::field, c -> c));
        assertThat(fcodes.get("Observation.code").systems()).extracting(s -> s.choice() + ":" + s.kind())
                .containsExactlyInAnyOrder("LN:STANDARD", "L:LOCAL");
        assertThat(fcodes).doesNotContainKey("Patient.identifier");

        String all = r + " " + f;
        for (String secret : Samples.SECRETS) {
            assertThat(all).doesNotContain(secret);
        }
    }

    @Test
    void badJsonIsListedPerLineAndTheRestProfiled() {
        String text = Samples.redoxResults().replace("\n", " ") + "\n{\"Meta\": broken\n" + Samples.fhirBundle().replace("\n", " ") + "\n[1]";
        Profiler.Result result = Profiler.profile(text);
        assertThat(result.data().messages()).isEqualTo(4);
        assertThat(result.failures()).extracting(ProfileBuilder.Failure::index).containsExactly(2, 4);
        assertThat(result.failures().get(0).reason()).startsWith("Not valid JSON");
        assertThat(result.data().types()).extracting(TypeStat::type).containsExactlyInAnyOrder("Results.New", "FHIR Bundle");
    }

    @Test
    void shapesKeepNoValue() {
        assertThat(Shapes.of("MRN-004711")).isEqualTo("AAA-999999");
        assertThat(Shapes.of("<script>")).isEqualTo("?AAAAAA?");
        assertThat(Shapes.of("1".repeat(40))).isEqualTo("9".repeat(24) + "…");
        assertThat(List.of(CodeSystems.judge("LN").choice(), CodeSystems.judge("99ZZZ").kind().name(),
                CodeSystems.judge("HL70078").kind().name(), CodeSystems.judge("").kind().name(), CodeSystems.judge("FOO").kind().name()))
                .containsExactly("LN", "LOCAL", "HL7_TABLE", "NONE", "UNKNOWN");
    }
}
