package dev.siteready.scoping;

import dev.siteready.tenant.WorkspaceSql;
import dev.siteready.web.Json;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Template definitions parsed once per published version instead of on every page view (parsing the JSON was 7-11 %
 * of the feasibility summary and the questionnaire, docs/performance.md). A published version never changes: the
 * entity is immutable and a database trigger refuses updates, so a parsed definition cannot go stale, and the cache
 * needs no sharing between app nodes.
 * <p>
 * Keyed by workspace and version id, the table's primary key. It is only ever consulted for a version that the request
 * has just read, or that its own workspace's rows name (row level security and the tenant filter apply to those
 * reads), so it cannot hand one workspace another's definition. Bounded by count and by size: past {@link #MAX}
 * versions or {@link #MAX_CHARS} characters of JSON it starts again empty. Only versions in use are kept (questionnaires
 * and feasibility inputs); a page that lists every version of a template parses without keeping ({@link #peek}), so
 * publishing many versions does not fill it.
 */
public final class QuestionnaireDefinitions {

    static final int MAX = 2_000;
    static final long MAX_CHARS = 32_000_000;

    private record Key(String workspaceId, UUID versionId) {
    }

    private static final ConcurrentHashMap<Key, QuestionnaireDefinition> PARSED = new ConcurrentHashMap<>();
    /** Characters of JSON behind the entries (approximate under races; only the bound depends on it). */
    private static final AtomicLong CHARS = new AtomicLong();

    private QuestionnaireDefinitions() {
    }

    /** The definition of a version whose stored JSON the caller has just read; parsed on first use. */
    public static QuestionnaireDefinition of(String workspaceId, UUID versionId, Object json) {
        if (workspaceId == null || versionId == null) {
            return Json.read(json, QuestionnaireDefinition.class);
        }
        Key key = new Key(workspaceId, versionId);
        QuestionnaireDefinition parsed = PARSED.get(key);
        if (parsed == null) {
            parsed = Json.read(json, QuestionnaireDefinition.class);
            long chars = json.toString().length();
            if (PARSED.size() >= MAX || CHARS.get() + chars > MAX_CHARS) {
                PARSED.clear();
                CHARS.set(0);
            }
            if (PARSED.putIfAbsent(key, parsed) == null) {
                CHARS.addAndGet(chars);
            }
        }
        return parsed;
    }

    /** The definition of a version, from the cache when held, otherwise parsed without keeping it. */
    public static QuestionnaireDefinition peek(String workspaceId, UUID versionId, Object json) {
        QuestionnaireDefinition parsed = workspaceId == null || versionId == null ? null : PARSED.get(new Key(workspaceId, versionId));
        return parsed != null ? parsed : Json.read(json, QuestionnaireDefinition.class);
    }

    /**
     * The definition of a version already parsed on this node, or null: for a caller that knows the version from a
     * read of its own workspace and may then skip reading the JSON at all.
     */
    static QuestionnaireDefinition parsed(String workspaceId, UUID versionId) {
        return PARSED.get(new Key(workspaceId, versionId));
    }

    /**
     * The definition of the project's questionnaire in the request's workspace, or null before it is started: its
     * version id read by plain SQL, and its JSON only when this node has not parsed that version yet.
     */
    public static QuestionnaireDefinition ofProject(UUID projectId) {
        List<Object[]> version = WorkspaceSql.rows(WorkspaceSql.query("SELECT q.template_version_id, NULL FROM questionnaire q"
                + " WHERE q.workspace_id = :ws AND q.project_id = :project").setParameter("project", projectId));
        if (version.isEmpty()) {
            return null;
        }
        UUID versionId = (UUID) version.get(0)[0];
        return ofVersions(List.of(versionId)).get(versionId);
    }

    /**
     * The definitions of these versions of the request's workspace: those this node has parsed already from the cache
     * (the ids come from the caller's read of its own workspace), the others read in one statement and parsed once.
     */
    public static Map<UUID, QuestionnaireDefinition> ofVersions(Collection<UUID> versionIds) {
        String workspace = WorkspaceSql.workspaceId().toString();
        Map<UUID, QuestionnaireDefinition> definitions = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        for (UUID id : versionIds) {
            QuestionnaireDefinition known = parsed(workspace, id);
            if (known != null) {
                definitions.put(id, known);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            for (Object[] r : WorkspaceSql.rows(WorkspaceSql.query("SELECT v.id, v.definition FROM questionnaire_template_version v"
                    + " WHERE v.workspace_id = :ws AND v.id IN (:ids)").setParameter("ids", missing))) {
                definitions.put((UUID) r[0], of(workspace, (UUID) r[0], r[1]));
            }
        }
        return definitions;
    }

    /** How many versions this node holds parsed (tests). */
    static int size() {
        return PARSED.size();
    }
}
