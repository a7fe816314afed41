-- Workspaces (tenants), their members, invitations and API tokens.

-- Only the owner creates objects in the schema (already so since PostgreSQL 15; made sure for older ones).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
--
-- Isolation rules that every later migration follows:
--   * a tenant-owned table has workspace_id NOT NULL, its primary key is (workspace_id, id) and its other
--     indexes lead with workspace_id; references between tenant tables include workspace_id, so a row can
--     never point at another workspace's row;
--   * row level security is ENABLEd and FORCEd with the policy workspace_isolation below, so even the
--     owner sees only the workspace named by the transaction setting app.workspace_id.

CREATE FUNCTION app_current_workspace() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT NULLIF(current_setting('app.workspace_id', true), '')::uuid $$;

CREATE TABLE workspace (
    id          uuid PRIMARY KEY,
    name        varchar(120) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    version     bigint       NOT NULL DEFAULT 0
);
ALTER TABLE workspace ENABLE ROW LEVEL SECURITY;
ALTER TABLE workspace FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON workspace
    USING (id = app_current_workspace()) WITH CHECK (id = app_current_workspace());

CREATE TABLE member (
    workspace_id   uuid         NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id             uuid         NOT NULL,
    email          varchar(254) NOT NULL,
    display_name   varchar(120) NOT NULL,
    password_hash  varchar(100) NOT NULL,
    role           varchar(16)  NOT NULL CHECK (role IN ('OWNER', 'MANAGER', 'VIEWER')),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    version        bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id)
);
-- Sign-in is by e-mail before any workspace is known, so an e-mail belongs to one account across all
-- workspaces. This is the one index on a tenant table that does not lead with workspace_id.
CREATE UNIQUE INDEX member_email_key ON member (lower(email));
CREATE INDEX member_workspace_name_idx ON member (workspace_id, display_name);

CREATE TABLE invitation (
    workspace_id  uuid         NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id            uuid         NOT NULL,
    email         varchar(254) NOT NULL,
    role          varchar(16)  NOT NULL CHECK (role IN ('OWNER', 'MANAGER', 'VIEWER')),
    token_hash    varchar(64)  NOT NULL,
    invited_by    uuid         NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    expires_at    timestamptz  NOT NULL,
    accepted_at   timestamptz,
    revoked_at    timestamptz,
    version       bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, invited_by) REFERENCES member (workspace_id, id) ON DELETE CASCADE
);
-- Looked up by hash before the workspace is known (see invitation_lookup): unique across workspaces.
CREATE UNIQUE INDEX invitation_token_hash_key ON invitation (token_hash);
CREATE INDEX invitation_workspace_created_idx ON invitation (workspace_id, created_at DESC);

CREATE TABLE api_token (
    workspace_id  uuid         NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id            uuid         NOT NULL,
    name          varchar(80)  NOT NULL,
    token_hash    varchar(64)  NOT NULL,
    token_prefix  varchar(16)  NOT NULL,
    created_by    uuid         NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    version       bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, created_by) REFERENCES member (workspace_id, id) ON DELETE CASCADE
);
-- Looked up by hash before the workspace is known (see api_token_lookup): unique across workspaces.
CREATE UNIQUE INDEX api_token_hash_key ON api_token (token_hash);
CREATE INDEX api_token_workspace_created_idx ON api_token (workspace_id, created_at DESC);

DO $rls$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['member', 'invitation', 'api_token'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY workspace_isolation ON %I USING (workspace_id = app_current_workspace())'
                       ' WITH CHECK (workspace_id = app_current_workspace())', t);
    END LOOP;
END
$rls$;

-- Failed sign-ins per e-mail, shared by every app node. Global and free of tenant data: the key is a
-- SHA-256 of the lower-cased e-mail.
CREATE TABLE login_throttle (
    key_hash           varchar(64) PRIMARY KEY,
    failures           integer     NOT NULL,
    window_started_at  timestamptz NOT NULL,
    locked_until       timestamptz
);

-- ---- Lookups before a workspace is known ----------------------------------------------------------
-- Each returns only what its caller needs; they run as ${lookup_role}, which can read only these columns
-- and only through the lookup policies. The application role can execute them but not read the rows.
GRANT USAGE ON SCHEMA public TO ${lookup_role};
GRANT SELECT (workspace_id, id, email, password_hash) ON member TO ${lookup_role};
GRANT SELECT (workspace_id, token_hash, expires_at, accepted_at, revoked_at) ON invitation TO ${lookup_role};
GRANT SELECT (workspace_id, id, token_hash, revoked_at) ON api_token TO ${lookup_role};
-- By current_user rather than TO role, so no role that merely inherits ${lookup_role} gets these rows.
CREATE POLICY lookup_read ON member FOR SELECT USING (current_user = '${lookup_role}');
CREATE POLICY lookup_read ON invitation FOR SELECT USING (current_user = '${lookup_role}');
CREATE POLICY lookup_read ON api_token FOR SELECT USING (current_user = '${lookup_role}');

-- search_path holds only pg_catalog: every table is schema-qualified, so no object anyone else creates can
-- stand in for one used here.
CREATE FUNCTION login_lookup(p_email text)
    RETURNS TABLE (workspace_id uuid, member_id uuid, password_hash text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT m.workspace_id, m.id, m.password_hash::text FROM public.member m
          WHERE lower(m.email::text) = lower(p_email) $$;

CREATE FUNCTION email_registered(p_email text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT EXISTS (SELECT 1 FROM public.member m WHERE lower(m.email::text) = lower(p_email)) $$;

CREATE FUNCTION invitation_lookup(p_token_hash text) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT i.workspace_id FROM public.invitation i
          WHERE i.token_hash = p_token_hash AND i.accepted_at IS NULL AND i.revoked_at IS NULL
            AND i.expires_at > now() $$;

CREATE FUNCTION api_token_lookup(p_token_hash text)
    RETURNS TABLE (workspace_id uuid, token_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT t.workspace_id, t.id FROM public.api_token t
          WHERE t.token_hash = p_token_hash AND t.revoked_at IS NULL $$;

-- ALTER ... OWNER needs the new owner to hold CREATE on the schema; it is taken back right after.
GRANT CREATE ON SCHEMA public TO ${lookup_role};
DO $owner$
DECLARE f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['login_lookup(text)', 'email_registered(text)', 'invitation_lookup(text)',
                             'api_token_lookup(text)'] LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO %I', f, '${lookup_role}');
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f, '${app_role}');
    END LOOP;
END
$owner$;
REVOKE CREATE ON SCHEMA public FROM ${lookup_role};

-- ---- The application role -------------------------------------------------------------------------
GRANT USAGE ON SCHEMA public TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON workspace, member, invitation, api_token, login_throttle TO ${app_role};
-- Tables that later migrations create get the same grants. TenantIsolationTest fails for any table the
-- application role can reach without forced row level security, unless it is on the test's short list
-- of global tables (login_throttle).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};
