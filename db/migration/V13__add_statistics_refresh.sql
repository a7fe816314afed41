-- Statistics right after a bulk import (issue 19's session; docs/performance.md, "the first home page after a large
-- import"). Until autovacuum next analyses a table (up to a minute, 10 s on the embedded server), the planner's
-- statistics describe it as it was before the import, and on a table that grew from a few rows to thousands it may
-- choose nested loops that compare every row with every row: seconds to minutes for a page.
--
-- The site import calls this at the end of its transaction when it created many sites. ANALYZE needs the table's
-- owner (or, from PostgreSQL 17, the MAINTAIN privilege), so the function runs as its owner, the migration owner. It
-- takes no argument and analyses a fixed list of tables, so the application role can make it do nothing else. An
-- import that finds another import's refresh under way skips its own (that one will have the newer figures soon).
-- ANALYZE inside the importing transaction counts that transaction's new rows, and its figures commit with them.
CREATE FUNCTION app_refresh_statistics() RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('siteready: refresh statistics')) THEN
        RETURN false;
    END IF;
    ANALYZE site, site_contact, project, scope_row, scope_row_event, scope_requirement, workflow, questionnaire,
            test_phase, checklist_item, test_script, site_feasibility, workspace_count;
    RETURN true;
END
$$;
REVOKE ALL ON FUNCTION app_refresh_statistics() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_refresh_statistics() TO ${app_role};
