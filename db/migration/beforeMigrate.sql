-- Flyway callback, run by the owner before every migrate (not a versioned migration: it may change).
-- Makes sure the two roles SiteReady needs exist, and that the owner may SET ROLE to them:
--   ${app_role}:    serves every request; no superuser, no BYPASSRLS, owns nothing, so row level security
--                   always applies to it. The app either logs in as the owner and SETs ROLE to it on each
--                   pooled connection, or logs in as it directly (SITEREADY_DB_APP_USER).
--   ${lookup_role}: owns the few SECURITY DEFINER lookup functions that run before a workspace is known
--                   (sign-in by e-mail, API token by hash, invitation by hash); it can read only the columns
--                   those functions return. Nobody logs in as it. The owner is a member only while
--                   migrating (afterMigrate.sql drops it again), to hand it those functions.
-- Flyway runs this outside its migration lock, so nodes starting together would run it at once: one node's CREATE ROLE
-- or GRANT then fails on the other's ("duplicate key value violates unique constraint") and that node does not start.
-- The advisory lock (also taken by afterMigrate.sql) lets them run one after the other; the later one finds it done.
DO $roles$
DECLARE
    can_create boolean := (SELECT rolcreaterole FROM pg_roles WHERE rolname = current_user);
    set_privilege text := CASE WHEN current_setting('server_version_num')::int >= 160000 THEN 'SET' ELSE 'MEMBER' END;
    role_name text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('siteready: roles for migrating'));
    FOREACH role_name IN ARRAY ARRAY['${app_role}', '${lookup_role}'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
            IF NOT can_create THEN
                RAISE EXCEPTION 'Role % does not exist and % may not create it. Ask a database administrator to run: CREATE ROLE % NOLOGIN; GRANT % TO %;',
                    role_name, current_user, role_name, role_name, current_user;
            END IF;
            EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE', role_name);
        END IF;
        IF NOT pg_has_role(current_user, role_name, set_privilege) THEN
            BEGIN
                EXECUTE format('GRANT %I TO %I', role_name, current_user);
            EXCEPTION WHEN insufficient_privilege THEN
                RAISE WARNING 'The owner % may not SET ROLE %. Ask a database administrator to run: GRANT % TO %;',
                    current_user, role_name, role_name, current_user;
            END;
        END IF;
    END LOOP;
END
$roles$;
