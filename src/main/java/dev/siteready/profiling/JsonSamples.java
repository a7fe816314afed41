package dev.siteready.profiling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JSON samples: Redox-style messages ({@code Meta.DataModel}, {@code Patient.Identifiers[{ID, IDType}]},
 * codes as {@code {Code, Codeset}}) and FHIR resources or Bundles (identifiers and codings). One JSON value, an array
 * of them, or one per line; each value is a message.
 */
final class JsonSamples {

    private static final ObjectReader READER = new ObjectMapper().readerFor(JsonNode.class);
    private static final int MAX_DEPTH = 40;

    /** FHIR resource types and the catalog data model their samples speak to. */
    private static final Map<String, String> FHIR_MODELS = Map.ofEntries(
            Map.entry("Patient", "PatientAdmin"), Map.entry("Encounter", "PatientAdmin"),
            Map.entry("Observation", "Results"), Map.entry("DiagnosticReport", "Results"),
            Map.entry("ServiceRequest", "Order"), Map.entry("Appointment", "Scheduling"),
            Map.entry("DocumentReference", "Notes"), Map.entry("Immunization", "Vaccination"),
            Map.entry("MedicationRequest", "Medications"), Map.entry("MedicationAdministration", "Medications"));

    private JsonSamples() {
    }

    static Profiler.Result profile(String text) {
        ProfileBuilder builder = new ProfileBuilder(Profiler.JSON, "Visit.AccountNumber", "Visit.VisitNumber");
        List<JsonNode> values = new ArrayList<>();
        String problem = readAll(text, values);
        if (problem != null && looksLineDelimited(text)) {
            values.clear();
            for (String line : text.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode value;
                try {
                    value = READER.readValue(line);
                } catch (IOException e) {
                    builder.failed(reason(e));
                    continue;
                }
                if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                    value.forEach(item -> read(item, builder));
                } else {
                    read(value, builder);
                }
            }
            return new Profiler.Result(builder.build(), builder.failures());
        }
        List<JsonNode> messages = new ArrayList<>();
        for (JsonNode value : values) {
            if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                value.forEach(messages::add);
            } else {
                messages.add(value);
            }
        }
        for (JsonNode message : messages) {
            read(message, builder);
        }
        if (problem != null) {
            builder.failed(problem);
        }
        return new Profiler.Result(builder.build(), builder.failures());
    }

    /** Reads every JSON value of the text; returns the parser's reason if it stopped early. */
    private static String readAll(String text, List<JsonNode> into) {
        try (MappingIterator<JsonNode> it = READER.readValues(text)) {
            while (it.hasNextValue()) {
                into.add(it.nextValue());
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return reason(e);
        }
    }

    private static boolean looksLineDelimited(String text) {
        int lines = 0;
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            if (!line.strip().startsWith("{") && !line.strip().startsWith("[")) {
                return false;
            }
            lines++;
        }
        return lines > 1;
    }

    private static void read(JsonNode message, ProfileBuilder builder) {
        if (!message.isObject()) {
            builder.failed("Not a JSON object: expected a Redox message or a FHIR resource.");
        } else if (message.path("Meta").path("DataModel").isTextual()) {
            redox(message, builder);
        } else if (message.path("resourceType").isTextual()) {
            fhir(message, builder);
        } else {
            builder.failed("Neither a Redox message (no Meta.DataModel) nor a FHIR resource (no resourceType).");
        }
    }

    // ---- Redox ---------------------------------------------------------------------------------------------------

    private static void redox(JsonNode message, ProfileBuilder builder) {
        String model = Shapes.key(message.path("Meta").path("DataModel").asText());
        String event = message.path("Meta").path("EventType").asText("").isEmpty() ? "" : Shapes.key(message.path("Meta").path("EventType").asText());
        ProfileBuilder.Message m = builder.begin(model + (event.isEmpty() ? "" : "." + event), model, event, "Redox");
        JsonNode patient = message.path("Patient");
        if (patient.isObject()) {
            ProfileBuilder.Patient p = m.patient();
            JsonNode ids = patient.path("Identifiers");
            boolean any = false;
            for (JsonNode id : ids) {
                String value = id.path("ID").asText("");
                any |= !value.isBlank();
                p.id(id.path("IDType").asText(""), ProfileData.Hd.NONE, value);
            }
            p.end();
            m.field("Patient.Identifiers", any);
        }
        JsonNode visit = message.path("Visit");
        if (visit.isObject()) {
            String number = visit.path("VisitNumber").asText("");
            m.visit(number, "");
            m.field("Visit.VisitNumber", !number.isBlank());
            String account = visit.path("AccountNumber").asText("");
            m.account(account);
            m.field("Visit.AccountNumber", !account.isBlank());
        }
        walkRedox(message, "", "", 0, m);
        m.end();
    }

    /** Providers ({ID, IDType} under a key naming a provider) and codes ({Code, Codeset}) anywhere in the message. */
    private static void walkRedox(JsonNode node, String path, String key, int depth, ProfileBuilder.Message m) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isObject()) {
            if (node.has("Code") && (node.has("Codeset") || node.has("CodeSystem") || node.has("CodeSystemName"))) {
                String system = node.path("Codeset").asText(node.path("CodeSystemName").asText(node.path("CodeSystem").asText("")));
                String code = node.path("Code").asText("");
                m.coded(path).primary(code, node.path("Description").asText(""), system).end();
            }
            String lower = key.toLowerCase(Locale.ROOT);
            if (node.has("ID") && node.has("IDType") && (lower.contains("provider") || lower.equals("pcp"))) {
                String id = node.path("ID").asText("");
                if (!id.isBlank() || node.path("LastName").isTextual()) {
                    m.provider(path, node.path("IDType").asText(""), ProfileData.Hd.NONE, id);
                }
                m.field(path, !id.isBlank());
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (depth == 0 && f.getKey().equals("Meta")) {
                    continue;
                }
                String child = Shapes.key(f.getKey());
                walkRedox(f.getValue(), Shapes.path(path, child), child, depth + 1, m);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                walkRedox(item, path.length() > 120 ? path : path + "[]", key, depth + 1, m);
            }
        }
    }

    // ---- FHIR ----------------------------------------------------------------------------------------------------

    private static void fhir(JsonNode resource, ProfileBuilder builder) {
        String type = Shapes.key(resource.path("resourceType").asText());
        List<JsonNode> resources = new ArrayList<>();
        if (type.equals("Bundle")) {
            for (JsonNode entry : resource.path("entry")) {
                if (entry.path("resource").path("resourceType").isTextual()) {
                    resources.add(entry.path("resource"));
                }
            }
        } else {
            resources.add(resource);
        }
        String model = FHIR_MODELS.getOrDefault(type, "");
        if (type.equals("Bundle")) {
            for (JsonNode r : resources) {
                String m = FHIR_MODELS.getOrDefault(Shapes.key(r.path("resourceType").asText()), "");
                if (!m.isEmpty() && (model.isEmpty() || model.equals("PatientAdmin"))) {
                    model = m;
                }
            }
        }
        ProfileBuilder.Message m = builder.begin("FHIR " + type, model, "", "FHIR");
        for (JsonNode r : resources) {
            String rt = Shapes.key(r.path("resourceType").asText());
            fhirIdentifiers(r, rt, m);
            walkFhir(r, rt, 0, m);
        }
        m.end();
    }

    /** The identifiers of a patient, an encounter (the visit) or a practitioner. */
    private static void fhirIdentifiers(JsonNode r, String rt, ProfileBuilder.Message m) {
        switch (rt) {
            case "Patient" -> {
                ProfileBuilder.Patient p = m.patient();
                boolean any = false;
                for (JsonNode id : r.path("identifier")) {
                    String value = id.path("value").asText("");
                    any |= !value.isBlank();
                    p.id(identifierType(id), ProfileData.Hd.namespace(id.path("system").asText("")), value);
                }
                p.end();
                m.field("Patient.identifier", any);
            }
            case "Encounter" -> {
                JsonNode id = r.path("identifier").path(0);
                String value = id.path("value").asText("");
                m.visit(value, identifierType(id));
                m.field("Encounter.identifier", !value.isBlank());
            }
            case "Practitioner", "PractitionerRole" -> {
                boolean any = false;
                for (JsonNode id : r.path("identifier")) {
                    String value = id.path("value").asText("");
                    any |= !value.isBlank();
                    String system = id.path("system").asText("");
                    String idType = identifierType(id);
                    if (idType.isEmpty() && system.equals("http://hl7.org/fhir/sid/us-npi")) {
                        idType = "NPI";
                    }
                    m.provider(rt + ".identifier", idType, ProfileData.Hd.namespace(system), value);
                }
                m.field(rt + ".identifier", any);
            }
            default -> {
            }
        }
    }

    private static String identifierType(JsonNode identifier) {
        JsonNode coding = identifier.path("type").path("coding").path(0);
        String code = coding.path("code").asText("");
        return code.isEmpty() ? identifier.path("type").path("text").asText("") : code;
    }

    /** Codings ({system, code} in a "coding" array) anywhere in the resource, except identifiers and meta. */
    private static void walkFhir(JsonNode node, String path, int depth, ProfileBuilder.Message m) {
        if (depth > MAX_DEPTH || !node.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            // FHIR element names are lowerCamelCase; anything else in a key position is not kept.
            String key = Character.isLowerCase(f.getKey().isEmpty() ? 'X' : f.getKey().charAt(0)) ? Shapes.key(f.getKey()) : "?";
            if (key.equals("identifier") || key.equals("meta") || key.equals("text") || key.equals("contained")) {
                continue;
            }
            JsonNode value = f.getValue();
            if (key.equals("coding") && value.isArray()) {
                CodedCounts.Occurrence occurrence = m.coded(path); // one CodeableConcept: its codings, all primary
                for (JsonNode coding : value) {
                    occurrence.primary(coding.path("code").asText(""), coding.path("display").asText(""),
                            coding.path("system").asText(""));
                }
                occurrence.end();
            } else if (value.isArray()) {
                for (JsonNode item : value) {
                    walkFhir(item, Shapes.path(path, key), depth + 1, m);
                }
            } else {
                walkFhir(value, Shapes.path(path, key), depth + 1, m);
            }
        }
    }

    private static String reason(Exception e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        message = message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ").strip();
        return "Not valid JSON: " + (message.length() > 300 ? message.substring(0, 300) + "…" : message);
    }
}
