package dev.siteready.catalog;

import dev.siteready.web.Names;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads model definitions from JSON-Schema-like documents, as a tolerant reader: it takes what it
 * understands (title/name, description, events, properties with type/format/description/items) and
 * names what it ignored instead of failing. Accepts one model object, an array of them, or
 * {@code {"models": [...]}}. Event types come from {@code events} (names or {name, description}) and
 * from a Redox-style {@code properties.Meta.properties.EventType.enum}; fields are the leaves of
 * {@code properties}, with {@code []} marking arrays (e.g. {@code Orders[].Results[].Code}).
 */
final class CatalogImport {

    static final int MAX_DEPTH = 16;
    static final int MAX_MODELS = 200;
    static final int MAX_ITEMS = 5000;

    record EventDef(String name, String description) {
    }

    record FieldDef(String path, String type, String description) {
    }

    record ModelDef(String name, String description, List<EventDef> events, List<FieldDef> fields) {
    }

    record Parsed(List<ModelDef> models, Set<String> ignored) {
    }

    private static final Set<String> MODEL_KEYS = Set.of("title", "name", "description", "events", "properties", "type");
    private static final Set<String> PROPERTY_KEYS = Set.of("type", "format", "description", "properties", "items", "enum");
    /** JSON Schema keywords that carry nothing SiteReady keeps; skipped without a mention. */
    private static final Set<String> SILENT = Set.of("$schema", "$id", "$comment", "required", "additionalProperties",
            "definitions", "$defs", "examples", "default", "title", "nullable", "minLength", "maxLength", "pattern");

    private final Set<String> ignored = new LinkedHashSet<>();
    private int items;

    private CatalogImport() {
    }

    static Parsed parse(String json, ObjectMapper mapper) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new CatalogException("json", "This is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ".");
        }
        if (root == null || root.isMissingNode()) {
            throw new CatalogException("json", "Paste or upload a JSON model definition.");
        }
        CatalogImport reader = new CatalogImport();
        List<ModelDef> models = new ArrayList<>();
        JsonNode list = root.isObject() && root.has("models") ? root.get("models") : root;
        if (root.isObject() && root.has("models")) {
            reader.noteUnknown("", root, Set.of("models", "description"));
        }
        if (list.isArray()) {
            for (JsonNode node : list) {
                reader.model(node).ifPresent(models::add);
            }
        } else {
            reader.model(list).ifPresent(models::add);
        }
        if (models.isEmpty()) {
            throw new CatalogException("json", "No model found: give each model a \"title\" (or \"name\").");
        }
        if (models.size() > MAX_MODELS) {
            throw new CatalogException("json", "At most " + MAX_MODELS + " models per import.");
        }
        return new Parsed(models, reader.ignored);
    }

    private java.util.Optional<ModelDef> model(JsonNode node) {
        if (!node.isObject()) {
            ignored.add("(an entry that is not an object)");
            return java.util.Optional.empty();
        }
        String name = text(node, "title");
        if (name.isEmpty()) {
            name = text(node, "name");
        }
        if (name.isEmpty()) {
            ignored.add("(a model without title or name)");
            return java.util.Optional.empty();
        }
        noteUnknown(name, node, MODEL_KEYS);
        Map<String, EventDef> events = new LinkedHashMap<>();
        JsonNode eventList = node.get("events");
        if (eventList != null && eventList.isArray()) {
            for (JsonNode e : eventList) {
                String eventName = e.isTextual() ? e.asText().trim() : text(e, "name");
                if (!eventName.isEmpty() && count()) {
                    events.putIfAbsent(Names.key(eventName),
                            new EventDef(eventName, e.isObject() ? text(e, "description") : ""));
                }
            }
        }
        List<FieldDef> fields = new ArrayList<>();
        JsonNode properties = node.get("properties");
        if (properties != null && properties.isObject()) {
            JsonNode eventTypes = properties.path("Meta").path("properties").path("EventType").path("enum");
            for (JsonNode e : eventTypes) {
                if (e.isTextual() && !e.asText().isBlank() && count()) {
                    events.putIfAbsent(Names.key(e.asText()), new EventDef(e.asText().trim(), ""));
                }
            }
            fields(name, "", properties, 1, fields);
        }
        return java.util.Optional.of(new ModelDef(name, text(node, "description"), new ArrayList<>(events.values()), fields));
    }

    private void fields(String model, String prefix, JsonNode properties, int depth, List<FieldDef> out) {
        if (depth > MAX_DEPTH) {
            ignored.add(model + "." + prefix + "… (nested deeper than " + MAX_DEPTH + " levels)");
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            JsonNode node = entry.getValue();
            if (prefix.isEmpty() && key.equals("Meta")) {
                continue; // the message envelope (data model, event type), not data
            }
            String path = prefix + key;
            if (!node.isObject()) {
                ignored.add(model + "." + path);
                continue;
            }
            noteUnknown(model + "." + path, node, PROPERTY_KEYS);
            String type = type(node);
            JsonNode items = node.get("items");
            if (type.equals("array") && items != null && items.isObject()) {
                JsonNode itemProps = items.get("properties");
                if (itemProps != null && itemProps.isObject()) {
                    fields(model, path + "[].", itemProps, depth + 1, out);
                } else if (count()) {
                    out.add(new FieldDef(path + "[]", type(items), firstText(node, items, "description")));
                }
            } else if (node.has("properties") && node.get("properties").isObject()) {
                fields(model, path + ".", node.get("properties"), depth + 1, out);
            } else if (count()) {
                out.add(new FieldDef(path, type, text(node, "description")));
            }
        }
    }

    /** The field type SiteReady keeps: JSON Schema's type, refined by format; unknown types read as string. */
    private String type(JsonNode node) {
        String format = text(node, "format").toLowerCase(Locale.ROOT);
        if (format.equals("date") || format.equals("date-time")) {
            return format;
        }
        JsonNode type = node.get("type");
        String value = "";
        if (type != null && type.isTextual()) {
            value = type.asText();
        } else if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (t.isTextual() && !t.asText().equals("null")) {
                    value = t.asText();
                    break;
                }
            }
        } else if (node.has("properties")) {
            value = "object";
        }
        value = value.toLowerCase(Locale.ROOT);
        return Catalog.FIELD_TYPES.contains(value) ? value : "string";
    }

    private void noteUnknown(String where, JsonNode node, Set<String> known) {
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key) && !SILENT.contains(key)) {
                ignored.add(where.isEmpty() ? key : where + "." + key);
            }
        });
    }

    private boolean count() {
        if (++items > MAX_ITEMS) {
            throw new CatalogException("json", "At most " + MAX_ITEMS + " events and fields per import.");
        }
        return true;
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value != null && value.isTextual() ? value.asText().trim() : "";
    }

    private static String firstText(JsonNode a, JsonNode b, String key) {
        String value = text(a, key);
        return value.isEmpty() ? text(b, key) : value;
    }
}
