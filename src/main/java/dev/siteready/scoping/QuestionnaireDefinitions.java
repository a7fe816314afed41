package dev.siteready.scoping;

import dev.siteready.web.Json;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Template definitions parsed once per published version instead of on every page view (parsing the JSON was 7-11 %
 * of the feasibility summary and the questionnaire, docs/performance.md). A published version never changes: the
 * entity is immutable and a database trigger refuses updates, so a parsed definition cannot go stale, and the cache
 * needs no sharing between app nodes.
 * <p>
 * Keyed by workspace and version id, the table's primary key. It is only ever consulted for a version that the request
 * has just read, or named, from its own workspace's rows (row level security and the tenant filter apply to that
 * read), so it cannot hand one workspace another's definition. Bounded: past {@link #MAX} versions it starts again
 * empty (a workspace has a few dozen versions; a node serves many workspaces).
 */
public final class QuestionnaireDefinitions {

    static final int MAX = 5_000;

    private record Key(String workspaceId, UUID versionId) {
    }

    private static final ConcurrentHashMap<Key, QuestionnaireDefinition> PARSED = new ConcurrentHashMap<>();

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
            if (PARSED.size() >= MAX) {
                PARSED.clear();
            }
            PARSED.put(key, parsed);
        }
        return parsed;
    }

    /**
     * The definition of a version already parsed on this node, or null: for a caller that knows the version from a
     * read of its own workspace and may then skip reading the JSON at all.
     */
    public static QuestionnaireDefinition parsed(String workspaceId, UUID versionId) {
        return PARSED.get(new Key(workspaceId, versionId));
    }

    /** How many versions this node holds parsed (tests). */
    static int size() {
        return PARSED.size();
    }
}
