-- Counts per workspace that the home page shows, kept on write instead of counted on every view.
-- With 5,000 sites the home page's three counting statements (sites per status with the scope's volume totals,
-- sites per verdict, the vendors for the filter) read every site and every scope row of the workspace on each view:
-- about 12 ms of PostgreSQL a view, most of the page's database time (docs/performance.md, issue 21).
-- workspace_count holds changes to counts, per workspace, kind and key; a count is the sum of its rows:
--   status   key: site.status                         n: sites with that status
--   vendor   key: site.ehr_vendor (as entered)        n: sites with that vendor ('' for none)
--   verdict  key: site_feasibility.verdict ('' none)  n: sites with that verdict
--   volume   key: 'messages_per_day', 'peak_per_hour' n: the sum over the workspace's scope rows
-- Written by statement-level triggers on the three tables below, whoever writes (any release, plain SQL, a cascade),
-- so an older release running during an upgrade keeps them right; the readers trust them.
-- The triggers only ever insert (a statement's net change per key): writers never wait for each other on a count and
-- cannot deadlock over one, however long their transactions (a CSV import of thousands of sites is one). The home page
-- folds a workspace's rows into one per key when they pile up (home/Dashboard): a DELETE ... RETURNING and an insert
-- of the sums in one statement, which only takes committed rows, so two folds at once or a fold during writes count
-- every change once.
-- No foreign key to workspace: a workspace deleted with its sites would have its site triggers write its counts again
-- after the cascade removed them. Rows of a deleted workspace are numbers nobody can read (row level security).
-- The three tables are locked for the backfill below. No order suits every older writer during an upgrade (a site's
-- deletion reaches scope_row after site, a scope edit takes scope_row first); if PostgreSQL finds a deadlock with this
-- migration and aborts it, nothing of it is applied and the node's start fails, to be started again.
LOCK TABLE site, site_feasibility, scope_row IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE workspace_count (
    workspace_id  uuid         NOT NULL,
    id            bigint       GENERATED ALWAYS AS IDENTITY,
    kind          varchar(10)  NOT NULL CHECK (kind IN ('status', 'vendor', 'verdict', 'volume')),
    key           text         NOT NULL,
    n             bigint       NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
ALTER TABLE workspace_count ENABLE ROW LEVEL SECURITY;
ALTER TABLE workspace_count FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON workspace_count USING (workspace_id = app_current_workspace())
    WITH CHECK (workspace_id = app_current_workspace());

-- A change to one count, as the triggers collect them.
CREATE TYPE workspace_count_change AS (workspace_id uuid, kind text, key text, n bigint);

-- One function for the three tables and the three operations. old_rows and new_rows are the statement's transition
-- tables; each branch names only those its operation has (PL/pgSQL prepares a statement when it first runs it, and
-- compiles a trigger function once per table, so each branch only ever sees its own table's columns).
CREATE FUNCTION workspace_count_changed() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    added   public.workspace_count_change[] := '{}';  -- what the statement's new rows count, per row and key
    removed public.workspace_count_change[] := '{}';  -- what its old rows counted
BEGIN
    CASE TG_TABLE_NAME
        WHEN 'site' THEN
            IF TG_OP <> 'DELETE' THEN
                added := ARRAY(SELECT ROW(r.workspace_id, k.kind, k.key, 1)::public.workspace_count_change FROM new_rows r
                    CROSS JOIN LATERAL (VALUES ('status', r.status::text), ('vendor', r.ehr_vendor::text)) k (kind, key));
            END IF;
            IF TG_OP <> 'INSERT' THEN
                removed := ARRAY(SELECT ROW(r.workspace_id, k.kind, k.key, 1)::public.workspace_count_change FROM old_rows r
                    CROSS JOIN LATERAL (VALUES ('status', r.status::text), ('vendor', r.ehr_vendor::text)) k (kind, key));
            END IF;
        WHEN 'site_feasibility' THEN
            IF TG_OP <> 'DELETE' THEN
                added := ARRAY(SELECT ROW(r.workspace_id, 'verdict', coalesce(r.verdict::text, ''), 1)::public.workspace_count_change
                    FROM new_rows r);
            END IF;
            IF TG_OP <> 'INSERT' THEN
                removed := ARRAY(SELECT ROW(r.workspace_id, 'verdict', coalesce(r.verdict::text, ''), 1)::public.workspace_count_change
                    FROM old_rows r);
            END IF;
        WHEN 'scope_row' THEN
            IF TG_OP <> 'DELETE' THEN
                added := ARRAY(SELECT ROW(r.workspace_id, 'volume', k.key, k.n)::public.workspace_count_change FROM new_rows r
                    CROSS JOIN LATERAL (VALUES ('messages_per_day', coalesce(r.messages_per_day, 0)),
                                               ('peak_per_hour', coalesce(r.peak_per_hour, 0))) k (key, n));
            END IF;
            IF TG_OP <> 'INSERT' THEN
                removed := ARRAY(SELECT ROW(r.workspace_id, 'volume', k.key, k.n)::public.workspace_count_change FROM old_rows r
                    CROSS JOIN LATERAL (VALUES ('messages_per_day', coalesce(r.messages_per_day, 0)),
                                               ('peak_per_hour', coalesce(r.peak_per_hour, 0))) k (key, n));
            END IF;
    END CASE;
    -- The statement's net change per key (an update that changed no counted column nets to nothing).
    INSERT INTO public.workspace_count (workspace_id, kind, key, n)
    SELECT d.workspace_id, d.kind, d.key, sum(d.n) FROM (
        SELECT a.workspace_id, a.kind, a.key, a.n FROM unnest(added) a
        UNION ALL SELECT o.workspace_id, o.kind, o.key, -o.n FROM unnest(removed) o) d
    GROUP BY d.workspace_id, d.kind, d.key HAVING sum(d.n) <> 0;
    RETURN NULL;
END
$$;

-- Transition tables need a trigger per operation.
DO $triggers$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['scope_row', 'site', 'site_feasibility'] LOOP
        EXECUTE format('CREATE TRIGGER workspace_count_inserted AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION workspace_count_changed()', t);
        EXECUTE format('CREATE TRIGGER workspace_count_updated AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows'
                       ' NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION workspace_count_changed()', t);
        EXECUTE format('CREATE TRIGGER workspace_count_deleted AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION workspace_count_changed()', t);
    END LOOP;
END
$triggers$;

-- Existing rows, counted as the owner with row level security lifted from the three tables for these statements
-- (as V4 and V11 did). The tables are locked above, so nothing changes between counting and the triggers taking over.
ALTER TABLE site NO FORCE ROW LEVEL SECURITY;
ALTER TABLE site_feasibility NO FORCE ROW LEVEL SECURITY;
ALTER TABLE scope_row NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workspace_count NO FORCE ROW LEVEL SECURITY;
INSERT INTO workspace_count (workspace_id, kind, key, n)
SELECT workspace_id, 'status', status, count(*) FROM site GROUP BY workspace_id, status
UNION ALL SELECT workspace_id, 'vendor', ehr_vendor, count(*) FROM site GROUP BY workspace_id, ehr_vendor
UNION ALL SELECT workspace_id, 'verdict', coalesce(verdict, ''), count(*) FROM site_feasibility GROUP BY workspace_id, coalesce(verdict, '')
UNION ALL SELECT workspace_id, 'volume', 'messages_per_day', sum(coalesce(messages_per_day, 0)) FROM scope_row GROUP BY workspace_id
UNION ALL SELECT workspace_id, 'volume', 'peak_per_hour', sum(coalesce(peak_per_hour, 0)) FROM scope_row GROUP BY workspace_id;
ALTER TABLE site FORCE ROW LEVEL SECURITY;
ALTER TABLE site_feasibility FORCE ROW LEVEL SECURITY;
ALTER TABLE scope_row FORCE ROW LEVEL SECURITY;
ALTER TABLE workspace_count FORCE ROW LEVEL SECURITY;
