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
