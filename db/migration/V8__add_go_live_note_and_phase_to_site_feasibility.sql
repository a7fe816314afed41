-- One go-live definition and one current-phase definition (testing/GoLive, testing/CurrentPhase), computed with the rest
-- of a site's feasibility rollup instead of by SQL of the portfolio's own:
--   go_live       the earliest of the site's projects' go-live dates: the test plan's, else the questionnaire's answer
--   go_live_note  where a project's plan and answer disagree, what each says ('' when they agree)
--   phase         the least advanced project's current phase, 'KIND:STATUS', 'LIVE' once every phase is done, NULL
--                 for a site without projects
ALTER TABLE site_feasibility ADD COLUMN go_live_note varchar(2000) NOT NULL DEFAULT '';
ALTER TABLE site_feasibility ADD COLUMN phase varchar(40);

-- Test phases now feed the rollup too: a change of status or of the dates go-live is read from marks the site stale.
-- (Phases are inserted and deleted with their project, whose own trigger marks the site.)
CREATE OR REPLACE FUNCTION site_feasibility_inputs_changed() RETURNS trigger
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
        WHEN 'scope_row', 'scope_requirement', 'questionnaire', 'test_phase' THEN
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

CREATE TRIGGER site_feasibility_inputs_changed AFTER UPDATE OF status, planned_start, actual_end ON test_phase
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.planned_start IS DISTINCT FROM NEW.planned_start
                       OR OLD.actual_end IS DISTINCT FROM NEW.actual_end)
    EXECUTE FUNCTION site_feasibility_inputs_changed();

-- Every rollup is recomputed once under the new definitions. The owner is held by forced RLS too: lifted for this one
-- statement.
ALTER TABLE site_feasibility NO FORCE ROW LEVEL SECURITY;
UPDATE site_feasibility SET inputs_version = inputs_version + 1;
ALTER TABLE site_feasibility FORCE ROW LEVEL SECURITY;
