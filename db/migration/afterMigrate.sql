-- Flyway callback, run by the owner after every migrate (not a versioned migration: it may change).
-- The owner needed membership in ${lookup_role} only to hand it the lookup functions (ALTER ... OWNER TO).
-- Dropping it afterwards means the owner neither inherits the lookup policies nor can SET ROLE to it
-- without first granting itself the role again. (That last step needs SQL the application never sends;
-- to rule it out entirely, let requests log in as their own role: SITEREADY_DB_APP_USER.)
-- One node at a time, as beforeMigrate.sql explains.
DO $lookup$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('siteready: roles for migrating'));
    -- Only a membership the REVOKE below removes: since PostgreSQL 16 that is the one the owner granted itself (another
    -- node may have revoked it already; the one CREATE ROLE gave the owner, with ADMIN and without SET, stays).
    IF EXISTS (SELECT 1 FROM pg_auth_members WHERE roleid = to_regrole('${lookup_role}') AND member = to_regrole(current_user)
               AND (grantor = to_regrole(current_user) OR current_setting('server_version_num')::int < 160000)) THEN
        BEGIN
            EXECUTE format('REVOKE %I FROM %I', '${lookup_role}', current_user);
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE WARNING 'Could not drop the owner''s membership in ${lookup_role}';
        END;
    END IF;
END
$lookup$;

-- Statistics right after a bulk import (docs/performance.md, "the first home page after a large import"). Until
-- autovacuum next analyses a table (up to a minute; 10 s on the embedded server) the planner's statistics describe it
-- as it was before the import, and on a table that grew from a few rows to thousands it may choose nested loops that
-- compare every row with every row. A site import of many sites calls this at the end of its transaction (ANALYZE
-- there counts the transaction's new rows, and its figures commit with them). ANALYZE needs the table's owner (or,
-- from PostgreSQL 17, the MAINTAIN privilege), so the function runs as its owner; it takes no argument and analyses a
-- fixed list of tables, so the application role can make it do nothing else. An import that finds another's refresh
-- under way skips its own.
-- Kept here rather than in a versioned migration: a release whose Flyway does not ignore newer migrations (every
-- release before ignore-migration-patterns=*:future was set) refuses to start on a schema with one, which would stop
-- the previous release's nodes from restarting during a rolling upgrade (UpgradeIT). CREATE OR REPLACE is idempotent.
DO $statistics$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('siteready: roles for migrating'));
    CREATE OR REPLACE FUNCTION app_refresh_statistics() RETURNS boolean
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
        AS $refresh$
    BEGIN
        IF NOT pg_try_advisory_xact_lock(hashtext('siteready: refresh statistics')) THEN
            RETURN false;
        END IF;
        ANALYZE site, site_contact, project, scope_row, scope_row_event, scope_requirement, workflow, questionnaire,
                test_phase, checklist_item, test_script, site_feasibility, workspace_count;
        RETURN true;
    END
    $refresh$;
    REVOKE ALL ON FUNCTION app_refresh_statistics() FROM PUBLIC;
    EXECUTE format('GRANT EXECUTE ON FUNCTION app_refresh_statistics() TO %I', '${app_role}');
END
$statistics$;
