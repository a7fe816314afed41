package dev.siteready.project;

import dev.siteready.catalog.DataModel;
import dev.siteready.catalog.DataModelEvent;
import dev.siteready.catalog.DataModelField;
import dev.siteready.tenant.WorkspaceSql;
import dev.siteready.web.EntityTags;
import dev.siteready.web.Forms;
import dev.siteready.web.Names;
import dev.siteready.web.PlainText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads a project's scope as a {@link ScopeSpec} and replaces it from one, checked against the catalog. */
@ApplicationScoped
public class ScopeService {

    static final int MAX_ROWS = 100;
    static final int MAX_WORKFLOWS = 100;
    static final int MAX_VOLUME = 100_000_000;

    @Inject
    EntityManager em;

    /** The scope as named JSON, in three queries. */
    @Transactional
    public ScopeSpec read(Project project) {
        List<ScopeSpec.Row> rows = rows(project).stream()
                .map(r -> new ScopeSpec.Row(r.model.name, r.events.stream().map(e -> e.name).sorted().toList(),
                        r.direction.name(), r.connectionMethod.name(), r.messagesPerDay, r.peakPerHour))
                .toList();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Map<String, List<String>> codes = new LinkedHashMap<>();
        List<String> patient = new ArrayList<>();
        List<String> provider = new ArrayList<>();
        for (ScopeRequirement r : requirements(project)) {
            switch (r.kind) {
                case FIELD -> fields.computeIfAbsent(r.field.model.name, k -> new ArrayList<>()).add(r.field.path);
                case CODE_SYSTEM -> codes.computeIfAbsent(r.model.name, k -> new ArrayList<>()).add(r.code);
                case PATIENT_ID -> patient.add(r.code);
                case PROVIDER_ID -> provider.add(r.code);
            }
        }
        List<ScopeSpec.WorkflowSpec> workflows = workflows(project).stream()
                .map(w -> new ScopeSpec.WorkflowSpec(w.name, w.description)).toList();
        return new ScopeSpec(rows, fields, patient, provider, codes, workflows);
    }

    /** A scope row as a questionnaire's repeating questions see it. */
    public record RowName(String model, Direction direction) {
    }

    /** A required field as a questionnaire's repeating questions see it. */
    public record FieldName(String model, String path) {
    }

    /** The project's scope rows by position, as names (plain SQL: read on every view of a questionnaire). */
    public static List<RowName> rowNames(UUID projectId) {
        return WorkspaceSql.rows(WorkspaceSql.query("SELECT m.name, r.direction FROM scope_row r"
                + " JOIN data_model m ON m.workspace_id = r.workspace_id AND m.id = r.data_model_id"
                + " WHERE r.workspace_id = :ws AND r.project_id = :project ORDER BY r.position").setParameter("project", projectId))
                .stream().map(r -> new RowName((String) r[0], Direction.valueOf((String) r[1]))).toList();
    }

    /** The project's required fields, as names (plain SQL: read on every view of a questionnaire). */
    public static List<FieldName> requiredFieldNames(UUID projectId) {
        return WorkspaceSql.rows(WorkspaceSql.query("SELECT m.name, f.path FROM scope_requirement q"
                + " JOIN data_model m ON m.workspace_id = q.workspace_id AND m.id = q.data_model_id"
                + " JOIN data_model_field f ON f.workspace_id = q.workspace_id AND f.id = q.field_id"
                + " WHERE q.workspace_id = :ws AND q.project_id = :project AND q.kind = 'FIELD'").setParameter("project", projectId))
                .stream().map(r -> new FieldName((String) r[0], (String) r[1])).toList();
    }

    public List<ScopeRow> rows(Project project) {
        return em.createQuery("select distinct r from ScopeRow r join fetch r.model left join fetch r.events"
                + " where r.project = ?1 order by r.position", ScopeRow.class).setParameter(1, project).getResultList();
    }

    public List<ScopeRequirement> requirements(Project project) {
        return em.createQuery("select q from ScopeRequirement q left join fetch q.model left join fetch q.field f"
                + " left join fetch f.model where q.project = ?1", ScopeRequirement.class)
                .setParameter(1, project).getResultList();
    }

    public List<Workflow> workflows(Project project) {
        return Workflow.listFor(project);
    }

    /** The catalog by name, read once and used to resolve any number of specs (e.g. a whole CSV import). */
    public record CatalogSnapshot(Map<String, DataModel> models, Map<String, DataModelEvent> events,
            Map<String, DataModelField> fields) {
    }

    /**
     * Names that Java folds together but PostgreSQL's lower() keeps apart (some non-Latin scripts) can both
     * exist; the first one wins rather than the snapshot failing.
     */
    private static <T> java.util.function.BinaryOperator<T> first() {
        return (a, b) -> a;
    }

    public CatalogSnapshot snapshot() {
        return new CatalogSnapshot(
                DataModel.<DataModel>listAll().stream().collect(Collectors.toMap(m -> lower(m.name), Function.identity(), first())),
                DataModelEvent.listAll().stream().collect(Collectors.toMap(e -> e.model.id + "/" + lower(e.name), Function.identity(), first())),
                DataModelField.listAll().stream().collect(Collectors.toMap(f -> f.model.id + "/" + lower(f.path), Function.identity(), first())));
    }

    /**
     * Replaces the whole scope. Strict (API): anything unknown or invalid is a problem and nothing is
     * saved. Lenient (applying a template): what the catalog no longer has is skipped and noted.
     *
     * @return notes on what was skipped (lenient only)
     */
    @Transactional
    public List<String> replace(Project project, ScopeSpec spec, boolean lenient) {
        Resolved resolved = resolve(spec, snapshot());
        if (!lenient && !resolved.problems.isEmpty()) {
            throw new ScopeException(resolved.problems);
        }
        em.createNativeQuery("DELETE FROM scope_row WHERE project_id = ?1").setParameter(1, project.id).executeUpdate();
        ScopeRequirement.delete("project", project);
        Workflow.delete("project", project);
        return persist(project, resolved);
    }

    /**
     * Replaces only the requirements (fields, identifier types, code systems); rows and workflows keep
     * their ids and versions, so forms open elsewhere on the page stay valid.
     */
    @Transactional
    public void replaceRequirements(Project project, ScopeSpec spec) {
        Resolved resolved = resolve(new ScopeSpec(List.of(), spec.requiredFields(), spec.patientIdentifierTypes(),
                spec.providerIdentifierTypes(), spec.codeSystems(), List.of()), snapshot());
        if (!resolved.problems.isEmpty()) {
            throw new ScopeException(resolved.problems);
        }
        ScopeRequirement.delete("project", project);
        for (ScopeRequirement requirement : resolved.requirements) {
            requirement.project = project;
            requirement.persist();
        }
        requirementsChanged(project);
    }

    /** The project's version counts changes of its requirements: a requirements form shown before is out of date. */
    private void requirementsChanged(Project project) {
        em.lock(project, jakarta.persistence.LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    }

    /**
     * Replaces the whole scope over the JSON API if {@code If-Match} still names its tag (see {@link #tag}); the project
     * stays locked from the comparison to the commit, so two replacements sent with the same tag cannot both pass.
     */
    @Transactional
    public void replaceIfMatch(Project project, ScopeSpec spec, String ifMatch) {
        project.lockFresh();
        EntityTags.requireMatch(ifMatch, tag(project));
        replace(project, spec, false);
        requirementsChanged(project);
    }

    /**
     * The scope's entity tag: a fingerprint of the project's version and the ids and versions of its rows, requirements
     * and workflows, so any change to the scope, by form or by API, changes it.
     */
    @Transactional
    public String tag(Project project) {
        em.flush();
        Object tag = em.createNativeQuery("""
                SELECT md5(concat_ws('|', p.version,
                    (SELECT string_agg(r.id || ':' || r.version, ',' ORDER BY r.id) FROM scope_row r WHERE r.project_id = p.id),
                    (SELECT string_agg(q.id || ':' || q.version, ',' ORDER BY q.id) FROM scope_requirement q WHERE q.project_id = p.id),
                    (SELECT string_agg(w.id || ':' || w.version, ',' ORDER BY w.id) FROM workflow w WHERE w.project_id = p.id)))
                FROM project p WHERE p.id = ?1""").setParameter(1, project.id).getSingleResult();
        return (String) tag;
    }

    /** Gives a project that has no scope yet the scope of a template, skipping what the catalog lacks. */
    @Transactional
    public List<String> applyToNew(Project project, ScopeSpec spec, CatalogSnapshot catalog) {
        return persist(project, resolve(spec, catalog));
    }

    private List<String> persist(Project project, Resolved resolved) {
        int position = 0;
        for (ScopeRow row : resolved.rows) {
            row.project = project;
            row.position = position++;
            row.persist();
        }
        for (ScopeRequirement requirement : resolved.requirements) {
            requirement.project = project;
            requirement.persist();
        }
        position = 0;
        for (Workflow workflow : resolved.workflows) {
            workflow.project = project;
            workflow.position = position++;
            workflow.persist();
        }
        return resolved.problems.values().stream().toList();
    }

    private record Resolved(List<ScopeRow> rows, List<ScopeRequirement> requirements, List<Workflow> workflows,
            Map<String, String> problems) {
    }

    private Resolved resolve(ScopeSpec spec, CatalogSnapshot catalog) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<ScopeRow> rows = rows(spec.rows(), catalog, problems);
        List<ScopeRequirement> requirements = new ArrayList<>();
        requiredFields(spec.requiredFields(), catalog, requirements, problems);
        identifierTypes(spec.patientIdentifierTypes(), "patientIdentifierTypes", ScopeRequirement.Kind.PATIENT_ID,
                requirements, problems);
        identifierTypes(spec.providerIdentifierTypes(), "providerIdentifierTypes", ScopeRequirement.Kind.PROVIDER_ID,
                requirements, problems);
        codeSystems(spec.codeSystems(), catalog, requirements, problems);
        return new Resolved(rows, requirements, workflows(spec.workflows(), problems), problems);
    }

    private static List<ScopeRow> rows(List<ScopeSpec.Row> specs, CatalogSnapshot catalog, Map<String, String> problems) {
        List<ScopeRow> rows = new ArrayList<>();
        if (specs.size() > MAX_ROWS) {
            problems.put("rows", "A scope has at most " + MAX_ROWS + " rows.");
        }
        for (int i = 0; i < Math.min(specs.size(), MAX_ROWS); i++) {
            ScopeSpec.Row in = specs.get(i);
            String at = "rows[" + i + "]";
            if (in == null) {
                problems.put(at, "A row must be an object.");
                continue;
            }
            DataModel model = in.dataModel() == null ? null : catalog.models().get(lower(in.dataModel()));
            if (model == null) {
                problems.put(at + ".dataModel", "Unknown data model \"" + Forms.quoted(in.dataModel()) + "\"; use a name from the catalog.");
                continue;
            }
            rows.add(row(in, model, at, catalog, problems));
        }
        return rows;
    }

    private static ScopeRow row(ScopeSpec.Row in, DataModel model, String at, CatalogSnapshot catalog, Map<String, String> problems) {
        ScopeRow row = new ScopeRow();
        row.model = model;
        row.direction = Direction.parse(in.direction());
        if (row.direction == null) {
            problems.put(at + ".direction", "Use INBOUND (into the product) or OUTBOUND (out of it).");
            row.direction = Direction.INBOUND;
        }
        row.connectionMethod = ConnectionMethod.parse(in.connectionMethod());
        if (row.connectionMethod == null) {
            problems.put(at + ".connectionMethod", "Use one of REDOX_API, HL7V2_MLLP, FHIR, FLAT_FILE, OTHER.");
            row.connectionMethod = ConnectionMethod.OTHER;
        }
        row.messagesPerDay = volume(in.messagesPerDay(), at + ".messagesPerDay", problems);
        row.peakPerHour = volume(in.peakPerHour(), at + ".peakPerHour", problems);
        List<String> eventNames = in.events() == null ? List.of() : in.events();
        for (int j = 0; j < eventNames.size(); j++) {
            DataModelEvent event = eventNames.get(j) == null ? null : catalog.events().get(model.id + "/" + lower(eventNames.get(j)));
            if (event == null) {
                problems.put(at + ".events[" + j + "]", model.name + " has no event \"" + Forms.quoted(eventNames.get(j)) + "\".");
            } else {
                row.events.add(event);
            }
        }
        return row;
    }

    private static void requiredFields(Map<String, List<String>> specs, CatalogSnapshot catalog, List<ScopeRequirement> out,
            Map<String, String> problems) {
        specs.forEach((modelName, paths) -> {
            DataModel model = catalog.models().get(lower(modelName));
            if (model == null) {
                problems.put("requiredFields." + Forms.quoted(modelName), "Unknown data model \"" + Forms.quoted(modelName) + "\".");
                return;
            }
            List<String> list = paths == null ? List.of() : paths;
            for (int j = 0; j < list.size(); j++) {
                DataModelField field = list.get(j) == null ? null : catalog.fields().get(model.id + "/" + lower(list.get(j)));
                if (field == null) {
                    problems.put("requiredFields." + model.name + "[" + j + "]",
                            model.name + " has no field \"" + Forms.quoted(list.get(j)) + "\" in the catalog.");
                } else if (out.stream().noneMatch(r -> r.field == field)) {
                    ScopeRequirement r = new ScopeRequirement();
                    r.kind = ScopeRequirement.Kind.FIELD;
                    r.field = field;
                    r.model = model;
                    out.add(r);
                }
            }
        });
    }

    private static void codeSystems(Map<String, List<String>> specs, CatalogSnapshot catalog, List<ScopeRequirement> out,
            Map<String, String> problems) {
        specs.forEach((modelName, codes) -> {
            DataModel model = catalog.models().get(lower(modelName));
            if (model == null) {
                problems.put("codeSystems." + Forms.quoted(modelName), "Unknown data model \"" + Forms.quoted(modelName) + "\".");
                return;
            }
            List<String> list = codes == null ? List.of() : codes;
            for (int j = 0; j < list.size(); j++) {
                String code = list.get(j) == null ? "" : list.get(j).trim().toUpperCase(Locale.ROOT);
                if (!Hl7Tables.CODE_SYSTEMS.containsKey(code)) {
                    problems.put("codeSystems." + model.name + "[" + j + "]", "Unknown HL7 0396 code \"" + Forms.quoted(list.get(j))
                            + "\"; use one of " + String.join(", ", Hl7Tables.CODE_SYSTEMS.keySet()) + ".");
                } else if (out.stream().noneMatch(r -> r.kind == ScopeRequirement.Kind.CODE_SYSTEM
                        && r.model == model && r.code.equals(code))) {
                    ScopeRequirement r = new ScopeRequirement();
                    r.kind = ScopeRequirement.Kind.CODE_SYSTEM;
                    r.model = model;
                    r.code = code;
                    out.add(r);
                }
            }
        });
    }

    private static List<Workflow> workflows(List<ScopeSpec.WorkflowSpec> specs, Map<String, String> problems) {
        List<Workflow> workflows = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        if (specs.size() > MAX_WORKFLOWS) {
            problems.put("workflows", "A scope has at most " + MAX_WORKFLOWS + " workflows.");
        }
        for (int i = 0; i < Math.min(specs.size(), MAX_WORKFLOWS); i++) {
            ScopeSpec.WorkflowSpec in = specs.get(i);
            String name = in == null || in.name() == null ? "" : in.name().trim();
            String description = in == null || in.description() == null ? "" : in.description().trim();
            if (!PlainText.Validator.isName(name, 200)) {
                problems.put("workflows[" + i + "].name", "Give the workflow a name of at most 200 characters, without control characters.");
            } else if (!PlainText.Validator.fits(description, 4000)) {
                problems.put("workflows[" + i + "].description", "Keep the description to 4,000 characters, without control characters.");
            } else if (!names.add(Names.key(name))) {
                problems.put("workflows[" + i + "].name", ScopeEdits.duplicateWorkflow(name));
            } else {
                Workflow w = new Workflow();
                w.name = Names.normalize(name);
                w.description = description;
                workflows.add(w);
            }
        }
        return workflows;
    }

    private static void identifierTypes(List<String> codes, String key, ScopeRequirement.Kind kind,
            List<ScopeRequirement> out, Map<String, String> problems) {
        for (int j = 0; j < codes.size(); j++) {
            String code = codes.get(j) == null ? "" : codes.get(j).trim().toUpperCase(Locale.ROOT);
            if (!Hl7Tables.IDENTIFIER_TYPES.containsKey(code)) {
                problems.put(key + "[" + j + "]", "Unknown HL7 0203 identifier type \"" + Forms.quoted(codes.get(j)) + "\"; use one of "
                        + String.join(", ", Hl7Tables.IDENTIFIER_TYPES.keySet()) + ".");
            } else if (out.stream().noneMatch(r -> r.kind == kind && code.equals(r.code))) {
                ScopeRequirement r = new ScopeRequirement();
                r.kind = kind;
                r.code = code;
                out.add(r);
            }
        }
    }

    private static Integer volume(Integer value, String at, Map<String, String> problems) {
        if (value != null && (value < 0 || value > MAX_VOLUME)) {
            problems.put(at, "Use a number from 0 to " + MAX_VOLUME + ", or leave it out.");
            return null;
        }
        return value;
    }

    static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }

}
