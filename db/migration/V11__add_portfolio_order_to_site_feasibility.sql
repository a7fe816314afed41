-- The portfolio's order read from an index instead of sorting every site of the workspace on each page view.
-- With 1,000 sites the page query joined and sorted 1,000 rows (by a CASE over the verdict and lower(site.name)):
-- 4-7 ms of PostgreSQL per view, the most expensive statement of any key page (docs/performance.md).
-- site_feasibility gets the two sort keys of that order:
--   verdict_rank  most severe verdict first, derived from verdict by PostgreSQL itself (a generated column);
--   name_key      lower(site.name), kept by the triggers on site below.
-- Only adds (a release before this one, still running during an upgrade, neither reads nor writes the
-- columns, and its inserts and renames of sites keep them right, because the triggers do it).
-- Both tables locked first, in the order a site insert takes them (site, then site_feasibility in its trigger), so
-- that an older node creating a site during the upgrade waits instead of deadlocking with this migration.
LOCK TABLE site, site_feasibility IN ACCESS EXCLUSIVE MODE;

ALTER TABLE site_feasibility
    ADD COLUMN verdict_rank smallint GENERATED ALWAYS AS (CASE verdict WHEN 'BLOCKED' THEN 0 WHEN 'AT_RISK' THEN 1
        WHEN 'INCOMPLETE' THEN 2 WHEN 'FEASIBLE_WITH_WORK' THEN 3 WHEN 'READY' THEN 4 ELSE 5 END) STORED,
    ADD COLUMN name_key text NOT NULL DEFAULT '';

CREATE OR REPLACE FUNCTION site_feasibility_created() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    INSERT INTO public.site_feasibility (workspace_id, site_id, name_key) VALUES (NEW.workspace_id, NEW.id, lower(NEW.name))
        ON CONFLICT (workspace_id, site_id) DO UPDATE SET name_key = EXCLUDED.name_key;
    RETURN NULL;
END
$$;

CREATE FUNCTION site_feasibility_renamed() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    UPDATE public.site_feasibility SET name_key = lower(NEW.name)
        WHERE workspace_id = NEW.workspace_id AND site_id = NEW.id;
    -- Every site has its row (V4); not finding it means this session cannot see it (row level security lifted on
    -- site only, say, in a fix-up run by the owner): refuse rather than leave the portfolio's order stale.
    IF NOT FOUND THEN
        RAISE EXCEPTION 'site_feasibility row of site % not visible: rename sites with row level security on both tables or off on both', NEW.id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER site_feasibility_renamed AFTER UPDATE OF name ON site
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION site_feasibility_renamed();

-- Existing rows: run as the owner, with row level security lifted from both tables for this one statement
-- (as V4 did for the first rows).
ALTER TABLE site NO FORCE ROW LEVEL SECURITY;
ALTER TABLE site_feasibility NO FORCE ROW LEVEL SECURITY;
UPDATE site_feasibility f SET name_key = lower(s.name) FROM site s WHERE s.workspace_id = f.workspace_id AND s.id = f.site_id;
ALTER TABLE site FORCE ROW LEVEL SECURITY;
ALTER TABLE site_feasibility FORCE ROW LEVEL SECURITY;

CREATE INDEX site_feasibility_order_idx ON site_feasibility (workspace_id, verdict_rank, name_key, site_id);
