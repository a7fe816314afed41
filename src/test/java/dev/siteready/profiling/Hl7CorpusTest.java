package dev.siteready.profiling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.siteready.profiling.ProfileData.CodedField;
import dev.siteready.profiling.ProfileData.Hd;
import dev.siteready.profiling.ProfileData.SystemShare;
import dev.siteready.profiling.ProfileData.TypeStat;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regression corpus: public HL7 v2 sample messages from several vendors and projects
 * ({@code src/test/resources/hl7-corpus/}, sources and licences in its SOURCES.md), each profiled on its own and
 * compared with the facts checked by hand in {@code expected.json}: type, version, identifiers with whole
 * authorities, account and visit numbers, providers, and every coded field per occurrence with primary and alternate
 * systems apart. Every difference is listed at once.
 */
class Hl7CorpusTest {

    private static final String FOLDER = "/hl7-corpus/";
    private static final List<String> CODED = List.of("OBR-4", "OBX-3", "OBX-5", "DG1-3", "RXA-5", "AIS-3", "PR1-3", "AL1-3");

    @Test
    void everyMessageOfTheCorpusReadsAsCheckedByHand() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(resource("expected.json"));
        assertThat(expected.size()).isGreaterThanOrEqualTo(25);
        List<String> differences = new ArrayList<>();
        Set<String> endings = new TreeSet<>();
        for (JsonNode e : expected) {
            String file = e.path("file").asText();
            byte[] bytes = resource(file);
            endings.add(ending(bytes));
            SampleInput input = SampleInput.of(bytes);
            Profiler.Result result = Profiler.profileHl7(input.text());
            compare(file, e, result, differences);
        }
        assertThat(differences).isEmpty();
        assertThat(endings).as("the corpus has messages with each segment ending").containsExactly("CR", "CRLF", "LF");
    }

    private static void compare(String file, JsonNode e, Profiler.Result result, List<String> out) {
        ProfileData p = result.data();
        if (!result.failures().isEmpty() || p.messages() != 1) {
            out.add(file + ": " + p.messages() + " messages, failures " + result.failures());
            return;
        }
        TypeStat type = p.types().get(0);
        check(out, file, "type", e.path("type").asText(), type.type());
        String sentVersion = e.path("version").asText();
        check(out, file, "version", Set.of(sentVersion.strip()), type.versions().keySet());
        check(out, file, "trailing space in MSH-12 noted", !sentVersion.equals(sentVersion.stripTrailing()),
                p.notes().stream().anyMatch(n -> n.note().equals("Trailing space in MSH-12")));

        Set<String> ids = new TreeSet<>();
        for (JsonNode id : e.path("patientIds")) {
            ids.add(id.path("type").asText().strip() + " " + hd(id).label());
        }
        check(out, file, "patient IDs", ids, p.patientIds().stream().map(i -> i.type() + " " + i.assigningAuthority().label())
                .collect(Collectors.toCollection(TreeSet::new)));
        check(out, file, "PID-18 filled", e.path("accountNumber").asBoolean(), p.accountNumber() != null && p.accountNumber().present() > 0);
        check(out, file, "PV1-19 filled", e.path("visitNumber").asBoolean(), p.visitNumber() != null && p.visitNumber().present() > 0);

        Set<String> providers = new TreeSet<>();
        for (JsonNode pr : e.path("providers")) {
            providers.add(pr.path("field").asText() + " " + pr.path("type").asText().strip() + " " + hd(pr).label());
        }
        check(out, file, "providers", providers, p.providers().stream()
                .map(s -> s.field() + " " + s.type() + " " + s.assigningAuthority().label()).collect(Collectors.toCollection(TreeSet::new)));

        Map<String, CodedField> codes = p.codes().stream().collect(Collectors.toMap(CodedField::field, c -> c));
        int obx = e.path("segments").path("OBX").asInt(0);
        if (obx > 0) {
            check(out, file, "OBX-3 occurrences = OBX segments", obx, codes.containsKey("OBX-3") ? codes.get("OBX-3").occurrences() : 0);
        }
        for (String field : CODED) {
            JsonNode c = e.path("coded").path(field);
            CodedField actual = codes.get(field);
            if (c.isMissingNode()) {
                check(out, file, field + " absent", null, actual == null ? null : actual.occurrences());
                continue;
            }
            if (actual == null) {
                out.add(file + ": " + field + " missing from the profile");
                continue;
            }
            check(out, file, field + " occurrences/withCode/textOnly/noCode",
                    List.of(c.path("occurrences").asInt(), c.path("withCode").asInt(), c.path("textOnly").asInt(), c.path("noCode").asInt()),
                    List.of(actual.occurrences(), actual.withCode(), actual.textOnly(), actual.noCode()));
            check(out, file, field + " primary systems", systems(c.path("primary")), actual.systems().stream().filter(s -> s.primary() > 0)
                    .collect(Collectors.toMap(SystemShare::system, SystemShare::primary, Integer::sum, TreeMap::new)));
            check(out, file, field + " alternate systems", systems(c.path("alternate")), actual.systems().stream().filter(s -> s.alternate() > 0)
                    .collect(Collectors.toMap(SystemShare::system, SystemShare::alternate, Integer::sum, TreeMap::new)));
        }
    }

    /** Systems as the profile keeps them: spaces around a name trimmed (and noted), so " LAB_COD" and "LAB_COD" are one. */
    private static Map<String, Integer> systems(JsonNode counts) {
        Map<String, Integer> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            out.merge(entry.getKey().strip(), entry.getValue().asInt(), Integer::sum);
        }
        return out;
    }

    private static Hd hd(JsonNode node) {
        return new Hd(node.path("namespace").asText().strip(), node.path("universalId").asText().strip(),
                node.path("universalIdType").asText().strip());
    }

    private static void check(List<String> out, String file, String what, Object expected, Object actual) {
        if (expected == null ? actual != null : !expected.equals(actual)) {
            out.add(file + ": " + what + ": expected " + expected + " but the profile has " + actual);
        }
    }

    private static String ending(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r') {
                return i + 1 < bytes.length && bytes[i + 1] == '\n' ? "CRLF" : "CR";
            }
            if (bytes[i] == '\n') {
                return "LF";
            }
        }
        return "none";
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Hl7CorpusTest.class.getResourceAsStream(FOLDER + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
