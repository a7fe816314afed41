-- Flyway callback, run by the owner after every migrate (not a versioned migration: it may change).
-- The owner needed membership in ${lookup_role} only to hand it the lookup functions (ALTER ... OWNER TO).
-- Dropping it afterwards means the owner neither inherits the lookup policies nor can SET ROLE to it
-- without first granting itself the role again. (That last step needs SQL the application never sends;
-- to rule it out entirely, let requests log in as their own role: SITEREADY_DB_APP_USER.)
-- One node at a time, as beforeMigrate.sql explains.
DO $lookup$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('siteready: roles for migrating'));
    IF pg_has_role(current_user, '${lookup_role}', 'MEMBER') THEN
        BEGIN
            EXECUTE format('REVOKE %I FROM %I', '${lookup_role}', current_user);
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE WARNING 'Could not drop the owner''s membership in ${lookup_role}';
        END;
    END IF;
END
$lookup$;
