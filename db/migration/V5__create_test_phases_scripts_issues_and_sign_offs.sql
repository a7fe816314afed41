-- Testing to go-live: phases per project, the functional checklist, integrated test scripts with runs and
-- issues, go-live sign-offs (the partner signs through a partner link), and the project's testing activity.
-- Same isolation rules as V1-V4: workspace_id NOT NULL, primary key (workspace_id, id), references that include
-- workspace_id, indexes led by workspace_id, RLS enabled and forced.

-- ---- Phases ---------------------------------------------------------------------------------------------------
-- Every project has its five phases from the start (trigger below), so the pages and the home only ever read them.
CREATE TABLE test_phase (
    workspace_id     uuid          NOT NULL,
    id               uuid          NOT NULL DEFAULT gen_random_uuid(),
    project_id       uuid          NOT NULL,
    kind             varchar(20)   NOT NULL CHECK (kind IN ('FUNCTIONAL', 'INTEGRATED', 'UAT', 'PRODUCTION', 'GO_LIVE')),
    status           varchar(20)   NOT NULL DEFAULT 'NOT_STARTED'
                                   CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'PASSED', 'SKIPPED', 'BLOCKED')),
    planned_start    date,
    planned_end      date,
    actual_start     date,
    actual_end       date,
    -- Production testing: when it runs (the form takes it in the site's time zone).
    scheduled_at     timestamptz,
    owner            varchar(120)  NOT NULL DEFAULT '',
    notes            varchar(4000) NOT NULL DEFAULT '',
    -- A manager started Integrated testing before Functional testing passed: why, who, when.
    override_reason  varchar(1000),
    override_by      varchar(200),
    override_at      timestamptz,
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    version          bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, project_id) REFERENCES project (workspace_id, id) ON DELETE CASCADE,
    CHECK (status <> 'SKIPPED' OR kind IN ('UAT', 'PRODUCTION')),
    CHECK (planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start),
    CHECK (actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start)
);
CREATE UNIQUE INDEX test_phase_project_kind_key ON test_phase (workspace_id, project_id, kind);
-- For the workspace home: blocked phases, newest first, and go-lives planned and not yet passed, soonest first.
CREATE INDEX test_phase_blocked_idx ON test_phase (workspace_id, updated_at DESC) WHERE status = 'BLOCKED';
CREATE INDEX test_phase_go_live_idx ON test_phase (workspace_id, planned_start)
    WHERE kind = 'GO_LIVE' AND status <> 'PASSED' AND planned_start IS NOT NULL;

CREATE FUNCTION test_phases_created() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    INSERT INTO public.test_phase (workspace_id, project_id, kind)
        SELECT NEW.workspace_id, NEW.id, k FROM unnest(ARRAY['FUNCTIONAL', 'INTEGRATED', 'UAT', 'PRODUCTION', 'GO_LIVE']) AS k
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER test_phases_created AFTER INSERT ON project
    FOR EACH ROW EXECUTE FUNCTION test_phases_created();

-- Projects that exist already get theirs here (project is forced under RLS since V2; lifted for one statement).
ALTER TABLE project NO FORCE ROW LEVEL SECURITY;
INSERT INTO test_phase (workspace_id, project_id, kind)
    SELECT p.workspace_id, p.id, k FROM project p
        CROSS JOIN unnest(ARRAY['FUNCTIONAL', 'INTEGRATED', 'UAT', 'PRODUCTION', 'GO_LIVE']) AS k;
ALTER TABLE project FORCE ROW LEVEL SECURITY;

-- ---- Functional checklist -------------------------------------------------------------------------------------
-- One item per event type x direction in the project's scope ("exchange at least one message"). Items whose
-- scope went away stay, marked out of scope, with their results. Evidence is a reference, never a payload.
CREATE TABLE checklist_item (
    workspace_id        uuid          NOT NULL,
    id                  uuid          NOT NULL,
    project_id          uuid          NOT NULL,
    event_id            uuid          NOT NULL,
    direction           varchar(10)   NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    in_scope            boolean       NOT NULL DEFAULT true,
    out_of_scope_since  timestamptz,
    result              varchar(10)   NOT NULL DEFAULT 'NOT_RUN' CHECK (result IN ('NOT_RUN', 'PASSED', 'FAILED')),
    control_id          varchar(100)  NOT NULL DEFAULT '',
    log_id              varchar(200)  NOT NULL DEFAULT '',
    note                varchar(1000) NOT NULL DEFAULT '',
    recorded_by         varchar(200),
    recorded_at         timestamptz,
    created_at          timestamptz   NOT NULL DEFAULT now(),
    version             bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, project_id) REFERENCES project (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, event_id) REFERENCES data_model_event (workspace_id, id)
);
CREATE UNIQUE INDEX checklist_item_key ON checklist_item (workspace_id, project_id, event_id, direction);
CREATE INDEX checklist_item_event_idx ON checklist_item (workspace_id, event_id);

-- ---- Integrated testing ---------------------------------------------------------------------------------------
-- Reusable scripts of a workspace: ordered steps [{"action": ..., "expected": ...}].
CREATE TABLE test_script_template (
    workspace_id  uuid          NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id            uuid          NOT NULL,
    name          varchar(200)  NOT NULL,
    description   varchar(4000) NOT NULL DEFAULT '',
    steps         jsonb         NOT NULL DEFAULT '[]',
    created_by    varchar(200)  NOT NULL,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    version       bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX test_script_template_name_key ON test_script_template (workspace_id, lower(name));

-- A project's script for one of its workflows. A run copies the steps, so editing a script never changes a run.
CREATE TABLE test_script (
    workspace_id  uuid          NOT NULL,
    id            uuid          NOT NULL,
    project_id    uuid          NOT NULL,
    workflow_id   uuid,
    name          varchar(200)  NOT NULL,
    description   varchar(4000) NOT NULL DEFAULT '',
    steps         jsonb         NOT NULL DEFAULT '[]',
    created_at    timestamptz   NOT NULL DEFAULT now(),
    version       bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, project_id) REFERENCES project (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, workflow_id) REFERENCES workflow (workspace_id, id) ON DELETE SET NULL (workflow_id)
);
CREATE INDEX test_script_project_idx ON test_script (workspace_id, project_id, created_at);
CREATE INDEX test_script_workflow_idx ON test_script (workspace_id, workflow_id);

CREATE TABLE test_run (
    workspace_id  uuid          NOT NULL,
    id            uuid          NOT NULL,
    project_id    uuid          NOT NULL,
    script_id     uuid          NOT NULL,
    number        integer       NOT NULL CHECK (number > 0),
    status        varchar(20)   NOT NULL DEFAULT 'IN_PROGRESS' CHECK (status IN ('IN_PROGRESS', 'PASSED', 'FAILED')),
    started_by    varchar(200)  NOT NULL,
    started_at    timestamptz   NOT NULL DEFAULT now(),
    finished_by   varchar(200),
    finished_at   timestamptz,
    version       bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, project_id) REFERENCES project (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, script_id) REFERENCES test_script (workspace_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX test_run_number_key ON test_run (workspace_id, script_id, number);
CREATE INDEX test_run_project_idx ON test_run (workspace_id, project_id, started_at);

CREATE TABLE test_run_step (
    workspace_id  uuid          NOT NULL,
    id            uuid          NOT NULL,
    run_id        uuid          NOT NULL,
    position      integer       NOT NULL,
    action        varchar(1000) NOT NULL,
    expected      varchar(1000) NOT NULL DEFAULT '',
    result        varchar(10)   NOT NULL DEFAULT 'NOT_RUN' CHECK (result IN ('NOT_RUN', 'PASSED', 'FAILED')),
    note          varchar(2000) NOT NULL DEFAULT '',
    recorded_by   varchar(200),
    recorded_at   timestamptz,
    version       bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, run_id) REFERENCES test_run (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX test_run_step_run_idx ON test_run_step (workspace_id, run_id, position);

-- Issues found while testing, numbered per project (#1, #2, ...), optionally tied to a run and one of its steps.
CREATE TABLE test_issue (
    workspace_id  uuid          NOT NULL,
    id            uuid          NOT NULL,
    project_id    uuid          NOT NULL,
    number        integer       NOT NULL CHECK (number > 0),
    run_id        uuid,
    run_step_id   uuid,
    title         varchar(200)  NOT NULL,
    severity      varchar(10)   NOT NULL CHECK (severity IN ('BLOCKING', 'MAJOR', 'MINOR')),
    owning_side   varchar(30)   NOT NULL CHECK (owning_side IN ('VENDOR', 'HEALTH_SYSTEM', 'INTEGRATION_PLATFORM')),
    status        varchar(20)   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'WONT_FIX')),
    resolution    varchar(4000) NOT NULL DEFAULT '',
    created_by    varchar(200)  NOT NULL,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    resolved_at   timestamptz,
    version       bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, project_id) REFERENCES project (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, run_id) REFERENCES test_run (workspace_id, id) ON DELETE SET NULL (run_id),
    FOREIGN KEY (workspace_id, run_step_id) REFERENCES test_run_step (workspace_id, id) ON DELETE SET NULL (run_step_id)
);
CREATE UNIQUE INDEX test_issue_number_key ON test_issue (workspace_id, project_id, number);
CREATE INDEX test_issue_run_idx ON test_issue (workspace_id, run_id);
CREATE INDEX test_issue_step_idx ON test_issue (workspace_id, run_step_id);

-- ---- Sign-off ---------------------------------------------------------------------------------------------------
-- Partner links now serve two purposes: answering a questionnaire, or signing off a project's go-live.
ALTER TABLE partner_link ADD COLUMN purpose varchar(20) NOT NULL DEFAULT 'QUESTIONNAIRE'
    CHECK (purpose IN ('QUESTIONNAIRE', 'SIGN_OFF'));
ALTER TABLE partner_link ADD COLUMN project_id uuid;
ALTER TABLE partner_link ALTER COLUMN questionnaire_id DROP NOT NULL;
ALTER TABLE partner_link ADD FOREIGN KEY (workspace_id, project_id) REFERENCES project (workspace_id, id) ON DELETE CASCADE;
ALTER TABLE partner_link ADD CONSTRAINT partner_link_target CHECK (CASE purpose
    WHEN 'QUESTIONNAIRE' THEN questionnaire_id IS NOT NULL AND project_id IS NULL
    ELSE project_id IS NOT NULL AND questionnaire_id IS NULL END);
CREATE INDEX partner_link_project_idx ON partner_link (workspace_id, project_id, created_at);

-- Who signed what: the side, their name and role, the phase and the scope version they saw (a fingerprint of
-- the scope), and the partner link when the partner signed. Never changed once written.
CREATE TABLE sign_off (
    workspace_id   uuid          NOT NULL,
    id             uuid          NOT NULL,
    project_id     uuid          NOT NULL,
    side           varchar(10)   NOT NULL CHECK (side IN ('VENDOR', 'PARTNER')),
    phase          varchar(20)   NOT NULL CHECK (phase IN ('GO_LIVE')),
    name           varchar(120)  NOT NULL,
    role           varchar(120)  NOT NULL,
    scope_version  varchar(16)   NOT NULL,
    link_id        uuid,
    signed_at      timestamptz   NOT NULL DEFAULT now(),
    version        bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, project_id) REFERENCES project (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, link_id) REFERENCES partner_link (workspace_id, id) ON DELETE SET NULL (link_id)
);
CREATE INDEX sign_off_project_idx ON sign_off (workspace_id, project_id, signed_at);
CREATE INDEX sign_off_link_idx ON sign_off (workspace_id, link_id);

-- The only change allowed: the link going away (its foreign key's ON DELETE SET NULL, so fired from within another
-- trigger) while everything else stays. Rows go only with their project (or its site or workspace): a cascade,
-- after the project row is gone.
CREATE FUNCTION sign_off_immutable() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND NEW.link_id IS NULL
            AND to_jsonb(NEW) - 'link_id' = to_jsonb(OLD) - 'link_id' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 AND NOT EXISTS (
            SELECT 1 FROM public.project p WHERE p.workspace_id = OLD.workspace_id AND p.id = OLD.project_id) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'sign-offs cannot change' USING ERRCODE = 'check_violation';
END
$$;
CREATE TRIGGER sign_off_immutable BEFORE UPDATE OR DELETE ON sign_off FOR EACH ROW EXECUTE FUNCTION sign_off_immutable();

-- ---- Activity -----------------------------------------------------------------------------------------------------
-- What happened in a project's testing, in words: phase changes, gate overrides, checklist results, scope changes.
CREATE TABLE testing_activity (
    workspace_id  uuid          NOT NULL,
    id            uuid          NOT NULL,
    project_id    uuid          NOT NULL,
    at            timestamptz   NOT NULL DEFAULT now(),
    actor         varchar(200)  NOT NULL,
    summary       varchar(500)  NOT NULL,
    version       bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, project_id) REFERENCES project (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX testing_activity_project_idx ON testing_activity (workspace_id, project_id, at DESC);

DO $rls$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['test_phase', 'checklist_item', 'test_script_template', 'test_script', 'test_run',
                             'test_run_step', 'test_issue', 'sign_off', 'testing_activity'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY workspace_isolation ON %I USING (workspace_id = app_current_workspace())'
                       ' WITH CHECK (workspace_id = app_current_workspace())', t);
    END LOOP;
END
$rls$;

-- ---- Looking a partner link up by its hash, before the workspace is known: now with its purpose ------------------
-- A new function next to V3's partner_link_lookup, which nodes of the previous version keep calling during a
-- rolling deploy; that one now finds questionnaire links only (same signature), and a later migration drops it.
CREATE OR REPLACE FUNCTION partner_link_lookup(p_token_hash text)
    RETURNS TABLE (workspace_id uuid, link_id uuid, questionnaire_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT l.workspace_id, l.id, l.questionnaire_id FROM public.partner_link l
          WHERE l.token_hash = p_token_hash AND l.purpose = 'QUESTIONNAIRE' AND l.revoked_at IS NULL AND l.expires_at > now() $$;

GRANT SELECT (purpose, project_id) ON partner_link TO ${lookup_role};
CREATE FUNCTION partner_link_resolve(p_token_hash text)
    RETURNS TABLE (workspace_id uuid, link_id uuid, purpose text, target_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT l.workspace_id, l.id, l.purpose::text, coalesce(l.questionnaire_id, l.project_id) FROM public.partner_link l
          WHERE l.token_hash = p_token_hash AND l.revoked_at IS NULL AND l.expires_at > now() $$;

GRANT CREATE ON SCHEMA public TO ${lookup_role};
ALTER FUNCTION partner_link_resolve(text) OWNER TO ${lookup_role};
REVOKE ALL ON FUNCTION partner_link_resolve(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION partner_link_resolve(text) TO ${app_role};
REVOKE CREATE ON SCHEMA public FROM ${lookup_role};
