-- Feasibility: published snapshots of a site's summary, and a per-site rollup (verdict, completion, ...) that
-- the portfolio filters and sorts on. Same isolation rules as V1-V3.

-- ---- Snapshots ----------------------------------------------------------------------------------------------
-- A dated, never-changing copy of the summary (the report as JSON) to share with stakeholders.
CREATE TABLE feasibility_snapshot (
    workspace_id  uuid          NOT NULL,
    id            uuid          NOT NULL,
    site_id       uuid          NOT NULL,
    number        integer       NOT NULL CHECK (number > 0),
    verdict       varchar(30)   NOT NULL,
    report        jsonb         NOT NULL,
    note          varchar(500)  NOT NULL DEFAULT '',
    published_at  timestamptz   NOT NULL DEFAULT now(),
    published_by  varchar(200)  NOT NULL,
    version       bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, site_id) REFERENCES site (workspace_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX feasibility_snapshot_number_key ON feasibility_snapshot (workspace_id, site_id, number);

CREATE FUNCTION feasibility_snapshot_immutable() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    RAISE EXCEPTION 'published feasibility snapshots cannot change' USING ERRCODE = 'check_violation';
END
$$;
CREATE TRIGGER feasibility_snapshot_immutable BEFORE UPDATE ON feasibility_snapshot
    FOR EACH ROW EXECUTE FUNCTION feasibility_snapshot_immutable();

-- ---- Rollup per site ------------------------------------------------------------------------------------------
-- What the portfolio lists, filters and sorts on. The summary page always computes from the answers; this copy
-- is refreshed when read, for sites whose inputs changed since it was computed: every change to a site's
-- projects, scope rows, requirements, questionnaire or answers bumps inputs_version (triggers below; event
-- types are not read by any rule), and a reader stores its
-- result only if inputs_version is still the one it read first. Several app nodes can read and refresh at once.
CREATE TABLE site_feasibility (
    workspace_id      uuid         NOT NULL,
    site_id           uuid         NOT NULL,
    inputs_version    bigint       NOT NULL DEFAULT 1,
    computed_version  bigint       NOT NULL DEFAULT 0,
    verdict           varchar(30),
    answered          integer      NOT NULL DEFAULT 0,
    questions         integer      NOT NULL DEFAULT 0,
    open_questions    integer      NOT NULL DEFAULT 0,
    work_items        integer      NOT NULL DEFAULT 0,
    effort_s          integer      NOT NULL DEFAULT 0,
    effort_m          integer      NOT NULL DEFAULT 0,
    effort_l          integer      NOT NULL DEFAULT 0,
    go_live           date,
    messages_per_day  bigint       NOT NULL DEFAULT 0,
    computed_at       timestamptz,
    PRIMARY KEY (workspace_id, site_id),
    FOREIGN KEY (workspace_id, site_id) REFERENCES site (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX site_feasibility_verdict_idx ON site_feasibility (workspace_id, verdict);
CREATE INDEX site_feasibility_stale_idx ON site_feasibility (workspace_id) WHERE computed_version < inputs_version;

CREATE FUNCTION site_feasibility_created() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    INSERT INTO public.site_feasibility (workspace_id, site_id) VALUES (NEW.workspace_id, NEW.id)
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER site_feasibility_created AFTER INSERT ON site
    FOR EACH ROW EXECUTE FUNCTION site_feasibility_created();

-- Marks the site a changed row belongs to. PL/pgSQL compiles a trigger function once per table, so each
-- branch only ever sees the columns of its own table.
CREATE FUNCTION site_feasibility_inputs_changed() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    r        record;
    v_site   uuid;
BEGIN
    IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
    CASE TG_TABLE_NAME
        WHEN 'project' THEN
            v_site := r.site_id;
        WHEN 'scope_row', 'scope_requirement', 'questionnaire' THEN
            SELECT p.site_id INTO v_site FROM public.project p WHERE p.workspace_id = r.workspace_id AND p.id = r.project_id;
        WHEN 'answer' THEN
            SELECT p.site_id INTO v_site FROM public.questionnaire q
                JOIN public.project p ON p.workspace_id = q.workspace_id AND p.id = q.project_id
                WHERE q.workspace_id = r.workspace_id AND q.id = r.questionnaire_id;
    END CASE;
    IF v_site IS NOT NULL THEN
        UPDATE public.site_feasibility SET inputs_version = inputs_version + 1
            WHERE workspace_id = r.workspace_id AND site_id = v_site;
    END IF;
    RETURN NULL;
END
$$;

DO $triggers$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['project', 'scope_row', 'scope_requirement', 'questionnaire', 'answer'] LOOP
        EXECUTE format('CREATE TRIGGER site_feasibility_inputs_changed AFTER INSERT OR UPDATE OR DELETE ON %I'
                       ' FOR EACH ROW EXECUTE FUNCTION site_feasibility_inputs_changed()', t);
    END LOOP;
END
$triggers$;

-- Every site has its row from the start (sites created later get theirs from the trigger above), so a change
-- always has a row to mark and readers only ever update. site and site_feasibility are forced under RLS
-- below / since V2; this runs as the owner before site_feasibility gets its policy, with site's lifted
-- for the one statement.
ALTER TABLE site NO FORCE ROW LEVEL SECURITY;
INSERT INTO site_feasibility (workspace_id, site_id) SELECT workspace_id, id FROM site;
ALTER TABLE site FORCE ROW LEVEL SECURITY;

DO $rls$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['feasibility_snapshot', 'site_feasibility'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY workspace_isolation ON %I USING (workspace_id = app_current_workspace())'
                       ' WITH CHECK (workspace_id = app_current_workspace())', t);
    END LOOP;
END
$rls$;
