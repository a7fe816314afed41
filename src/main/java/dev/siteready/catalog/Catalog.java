package dev.siteready.catalog;

import dev.siteready.web.Names;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.siteready.tenant.WorkspaceCreated;
import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The workspace's data-model catalog. It only grows: models, events and fields are added by hand or by
 * import, each addition is logged; a workspace's own event or field may be taken out or retyped only
 * while no project uses it, and built-in ones never.
 */
@ApplicationScoped
public class Catalog {

    public static final List<String> FIELD_TYPE_LIST = List.of("string", "number", "integer", "boolean", "date",
            "date-time", "code", "object", "array");
    public static final Set<String> FIELD_TYPES = Set.copyOf(FIELD_TYPE_LIST);
    static final String BUILT_IN_CATALOG = "catalog/built-in-models.json";

    /** What an import did. */
    public record ImportReport(List<String> added, int alreadyPresent, List<String> skipped, Set<String> ignored) {
        public boolean changedNothing() {
            return added.isEmpty();
        }
    }

    @Inject
    ObjectMapper mapper;

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    CatalogUses uses;

    /** Gives every new workspace the built-in catalog. */
    void seed(@Observes @Priority(10) WorkspaceCreated created) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUILT_IN_CATALOG)) {
            importJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), "SiteReady", true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    public DataModel addModel(String name, String description, String by) {
        String clean = requireName("name", name, 80, "model name");
        DataModel.claimName("data_model", Names.key(clean));
        if (DataModel.findByName(clean) != null) {
            throw new CatalogException("name", "The catalog has a model called " + clean + " already.");
        }
        DataModel model = newModel(clean, description(description), false);
        log(CatalogChange.Kind.MODEL_ADDED, by, "Model " + clean + " added");
        return model;
    }

    @Transactional
    public DataModelEvent addEvent(UUID modelId, String name, String description, String by) {
        DataModel model = model(modelId);
        String clean = requireName("name", name, 80, "event name");
        if (DataModelEvent.count("model = ?1 and lower(name) = lower(?2)", model, clean) > 0) {
            throw new CatalogException("name", model.name + " has an event called " + clean + " already.");
        }
        DataModelEvent event = newEvent(model, clean, description(description), false);
        log(CatalogChange.Kind.EVENT_ADDED, by, "Event " + model.name + " " + clean + " added");
        return event;
    }

    @Transactional
    public DataModelField addField(UUID modelId, String path, String type, String description, String by) {
        DataModel model = model(modelId);
        String clean = requireName("path", path, 300, "field path");
        String cleanType = type(type);
        if (DataModelField.count("model = ?1 and lower(path) = lower(?2)", model, clean) > 0) {
            throw new CatalogException("path", model.name + " has a field " + clean + " already.");
        }
        DataModelField field = newField(model, clean, cleanType, description(description), false);
        log(CatalogChange.Kind.FIELD_ADDED, by, "Field " + model.name + " " + clean + " (" + cleanType + ") added");
        return field;
    }

    @Transactional
    public String removeEvent(UUID id, Long version, String by) {
        lock("data_model_event", id);
        DataModelEvent event = DataModelEvent.findById(id);
        if (event == null) {
            throw new NotFoundException();
        }
        String label = event.model.name + " " + event.name;
        if (event.builtIn) {
            throw new CatalogException("event", label + " is part of the built-in catalog and stays.");
        }
        if (uses.eventUsed(event.id)) {
            throw new CatalogException("event", label + " is in a project's scope or its test history, so it cannot be removed.");
        }
        requireVersion("event", label, version, event.version);
        event.delete();
        log(CatalogChange.Kind.EVENT_REMOVED, by, "Event " + label + " removed (it was unused)");
        return label;
    }

    @Transactional
    public String removeField(UUID id, Long version, String by) {
        lock("data_model_field", id);
        DataModelField field = DataModelField.findById(id);
        if (field == null) {
            throw new NotFoundException();
        }
        String label = field.model.name + " " + field.path;
        if (field.builtIn) {
            throw new CatalogException("field", label + " is part of the built-in catalog and stays.");
        }
        if (uses.fieldUsed(field.id)) {
            throw new CatalogException("field", label + " is required by a project, so it cannot be removed.");
        }
        requireVersion("field", label, version, field.version);
        field.delete();
        log(CatalogChange.Kind.FIELD_REMOVED, by, "Field " + label + " removed (it was unused)");
        return label;
    }

    @Transactional
    public String retypeField(UUID id, String type, Long version, String by) {
        lock("data_model_field", id);
        DataModelField field = DataModelField.findById(id);
        if (field == null) {
            throw new NotFoundException();
        }
        String label = field.model.name + " " + field.path;
        String cleanType = type(type);
        if (field.builtIn) {
            throw new CatalogException("type", label + " is part of the built-in catalog; its type stays " + field.type + ".");
        }
        if (uses.fieldUsed(field.id)) {
            throw new CatalogException("type", label + " is required by a project, so its type cannot change.");
        }
        requireVersion("type", label, version, field.version);
        if (!cleanType.equals(field.type)) {
            log(CatalogChange.Kind.FIELD_RETYPED, by, "Field " + label + " retyped from " + field.type + " to " + cleanType);
            field.type = cleanType;
        }
        return label;
    }

    /** Refuses a change sent from a page that showed another version of the entry (read under the row's lock). */
    private static void requireVersion(String key, String label, Long sent, Long current) {
        if (sent == null || !sent.equals(current)) {
            throw new CatalogException(key, label + " was changed by someone else since the page was shown; nothing was"
                    + " changed. The page shows it as it is now: check it and try again.");
        }
    }

    /** Adds what the JSON defines and the catalog lacks; never changes or removes anything. */
    @Transactional
    public ImportReport importJson(String json, String by, boolean builtIn) {
        if (json == null || json.isBlank()) {
            throw new CatalogException("json", "Paste or upload a JSON model definition.");
        }
        if (json.length() > 1_000_000) {
            throw new CatalogException("json", "A model definition can be at most 1,000,000 characters.");
        }
        CatalogImport.Parsed parsed = CatalogImport.parse(json, mapper);
        ImportRun run = new ImportRun(builtIn, by);
        parsed.models().forEach(run::model);
        long newModels = run.added.stream().filter(a -> a.startsWith("model ")).count();
        if (!run.added.isEmpty()) {
            log(CatalogChange.Kind.IMPORTED, by, (builtIn ? "Built-in catalog loaded: " : "JSON import: ")
                    + newModels + " models, " + run.newEvents + " events, " + run.newFields + " fields added");
        }
        return new ImportReport(run.added, run.present, run.skipped, new LinkedHashSet<>(parsed.ignored()));
    }

    /** One import: what the catalog has (read once), and what was added, found present or skipped so far. */
    private static final class ImportRun {
        final boolean builtIn;
        final String by;
        final Map<String, DataModel> models = new HashMap<>();
        final Set<String> events = new HashSet<>();
        final Set<String> fields = new HashSet<>();
        final List<String> added = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        int present;
        int newEvents;
        int newFields;

        ImportRun(boolean builtIn, String by) {
            this.builtIn = builtIn;
            this.by = by;
            DataModel.<DataModel>listAll().forEach(m -> models.put(Names.key(m.name), m));
            DataModelEvent.listAll().forEach(e -> events.add(key(e.model, e.name)));
            DataModelField.listAll().forEach(f -> fields.add(key(f.model, f.path)));
        }

        void model(CatalogImport.ModelDef def) {
            String problem = nameProblem(def.name(), 80);
            if (problem != null) {
                skipped.add("model \"" + Forms.quoted(def.name()) + "\": " + problem);
                return;
            }
            DataModel model = models.get(Names.key(def.name()));
            if (model == null) {
                model = newModel(def.name(), truncate(def.description()), builtIn);
                models.put(Names.key(def.name()), model);
                added.add("model " + def.name());
                if (!builtIn) {
                    log(CatalogChange.Kind.MODEL_ADDED, by, "Model " + def.name() + " added by import");
                }
            } else {
                present++;
            }
            for (CatalogImport.EventDef e : def.events()) {
                event(def, model, e);
            }
            for (CatalogImport.FieldDef f : def.fields()) {
                field(def, model, f);
            }
        }

        void event(CatalogImport.ModelDef def, DataModel model, CatalogImport.EventDef e) {
            String problem = nameProblem(e.name(), 80);
            if (problem != null) {
                skipped.add("event " + def.name() + " \"" + Forms.quoted(e.name()) + "\": " + problem);
            } else if (events.add(key(model, e.name()))) {
                newEvent(model, e.name(), truncate(e.description()), builtIn);
                added.add("event " + model.name + " " + e.name());
                newEvents++;
            } else {
                present++;
            }
        }

        void field(CatalogImport.ModelDef def, DataModel model, CatalogImport.FieldDef f) {
            String problem = nameProblem(f.path(), 300);
            if (problem != null) {
                skipped.add("field " + def.name() + " \"" + Forms.quoted(f.path()) + "\": " + problem);
            } else if (fields.add(key(model, f.path()))) {
                newField(model, f.path(), f.type(), truncate(f.description()), builtIn);
                added.add("field " + model.name + " " + f.path() + " (" + f.type() + ")");
                newFields++;
            } else {
                present++;
            }
        }
    }

    /**
     * FOR UPDATE conflicts with the KEY SHARE lock that saving a scope takes on the events and fields it
     * references, so "is it used?" cannot change between the check and the removal or retype.
     */
    private void lock(String table, UUID id) {
        if (id != null) {
            em.createNativeQuery("SELECT 1 FROM " + table + " WHERE id = ?1 FOR UPDATE").setParameter(1, id).getResultList();
        }
    }

    private static DataModel newModel(String name, String description, boolean builtIn) {
        DataModel model = new DataModel();
        model.name = name;
        model.description = description;
        model.builtIn = builtIn;
        model.persist();
        return model;
    }

    private static DataModelEvent newEvent(DataModel model, String name, String description, boolean builtIn) {
        DataModelEvent event = new DataModelEvent();
        event.model = model;
        event.name = name;
        event.description = description;
        event.builtIn = builtIn;
        event.persist();
        return event;
    }

    private static DataModelField newField(DataModel model, String path, String type, String description, boolean builtIn) {
        DataModelField field = new DataModelField();
        field.model = model;
        field.path = path;
        field.type = type;
        field.description = description;
        field.builtIn = builtIn;
        field.persist();
        return field;
    }

    private static void log(CatalogChange.Kind kind, String by, String summary) {
        CatalogChange change = new CatalogChange();
        change.kind = kind;
        change.changedBy = by.length() > 120 ? by.substring(0, 120) : by;
        change.summary = truncate(summary);
        change.persist();
    }

    private static DataModel model(UUID id) {
        DataModel model = id == null ? null : DataModel.findById(id);
        if (model == null) {
            throw new NotFoundException();
        }
        return model;
    }

    private static String requireName(String field, String value, int max, String label) {
        String problem = nameProblem(value, max);
        if (problem != null) {
            throw new CatalogException(field, "The " + label + " " + problem);
        }
        return Names.normalize(value);
    }

    /** Why a name or path cannot be used, or null. */
    private static String nameProblem(String value, int max) {
        if (value == null || value.isBlank()) {
            return "is empty.";
        }
        if (value.trim().length() > max) {
            return "is longer than " + max + " characters.";
        }
        if (!PlainText.Validator.isPlain(value) || value.contains("\n") || value.contains("\r")) {
            return "contains control characters or line breaks.";
        }
        return null;
    }

    private static String type(String type) {
        String clean = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
        if (!FIELD_TYPES.contains(clean)) {
            throw new CatalogException("type", "Choose one of the field types: " + String.join(", ", FIELD_TYPE_LIST) + ".");
        }
        return clean;
    }

    private static String description(String description) {
        if (description == null) {
            return "";
        }
        if (description.length() > 2000) {
            throw new CatalogException("description", "Keep the description to 2,000 characters or fewer.");
        }
        if (!PlainText.Validator.isPlain(description)) {
            throw new CatalogException("description", "Remove the control characters (such as NUL) from the description.");
        }
        return description.trim();
    }

    private static String truncate(String text) {
        String plain = text == null ? "" : text.replaceAll("[\\p{Cntrl}&&[^\\t\\n\\r]]", "");
        return plain.length() > 2000 ? plain.substring(0, 2000) : plain;
    }


    private static String key(DataModel model, String name) {
        return model.id + "/" + Names.key(name);
    }
}
