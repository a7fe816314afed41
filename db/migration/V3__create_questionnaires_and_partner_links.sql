-- Scoping questionnaires (templates with immutable published versions, one questionnaire per project,
-- answers with their history and comments) and the partner links through which a health system answers.
-- Same isolation rules as V1 and V2: workspace_id NOT NULL, primary key (workspace_id, id), references that
-- include workspace_id, indexes led by workspace_id, row level security enabled and forced.

-- ---- Templates --------------------------------------------------------------------------------------
-- The draft is what managers edit; publishing copies it into a new, never-changing version.
CREATE TABLE questionnaire_template (
    workspace_id   uuid          NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id             uuid          NOT NULL,
    name           varchar(120)  NOT NULL,
    description    varchar(2000) NOT NULL DEFAULT '',
    draft          jsonb         NOT NULL,
    draft_changed  boolean       NOT NULL DEFAULT false,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    version        bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX questionnaire_template_name_key ON questionnaire_template (workspace_id, lower(name));

CREATE TABLE questionnaire_template_version (
    workspace_id  uuid          NOT NULL,
    id            uuid          NOT NULL,
    template_id   uuid          NOT NULL,
    number        integer       NOT NULL CHECK (number > 0),
    definition    jsonb         NOT NULL,
    note          varchar(500)  NOT NULL DEFAULT '',
    published_at  timestamptz   NOT NULL DEFAULT now(),
    published_by  varchar(200)  NOT NULL,
    version       bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, template_id) REFERENCES questionnaire_template (workspace_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX questionnaire_template_version_number_key
    ON questionnaire_template_version (workspace_id, template_id, number);

-- A published version never changes: questionnaires in flight keep the questions they were created with.
CREATE FUNCTION questionnaire_template_version_immutable() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NEW.definition IS DISTINCT FROM OLD.definition OR NEW.number IS DISTINCT FROM OLD.number
            OR NEW.template_id IS DISTINCT FROM OLD.template_id THEN
        RAISE EXCEPTION 'published questionnaire template versions cannot change' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER questionnaire_template_version_immutable BEFORE UPDATE ON questionnaire_template_version
    FOR EACH ROW EXECUTE FUNCTION questionnaire_template_version_immutable();

-- ---- Questionnaires and answers ------------------------------------------------------------------------
CREATE TABLE questionnaire (
    workspace_id         uuid         NOT NULL,
    id                   uuid         NOT NULL,
    project_id           uuid         NOT NULL,
    template_version_id  uuid         NOT NULL,
    status               varchar(20)  NOT NULL CHECK (status IN ('DRAFT', 'SENT', 'IN_PROGRESS', 'SUBMITTED', 'LOCKED')),
    created_at           timestamptz  NOT NULL DEFAULT now(),
    submitted_at         timestamptz,
    locked_at            timestamptz,
    version              bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, project_id) REFERENCES project (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, template_version_id) REFERENCES questionnaire_template_version (workspace_id, id)
);
CREATE UNIQUE INDEX questionnaire_project_key ON questionnaire (workspace_id, project_id);
CREATE INDEX questionnaire_template_version_idx ON questionnaire (workspace_id, template_version_id);

-- One answer per question and subject (the subject names the scope row, data model or field a repeating
-- question is asked for; '' for questions asked once). The value is JSON: a string, a list of strings
-- (multiple choice) or a list of objects (a table); null while unanswered.
CREATE TABLE answer (
    workspace_id      uuid          NOT NULL,
    id                uuid          NOT NULL,
    questionnaire_id  uuid          NOT NULL,
    question_key      varchar(80)   NOT NULL,
    subject           varchar(400)  NOT NULL DEFAULT '',
    value             jsonb,
    needs_follow_up   boolean       NOT NULL DEFAULT false,
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    updated_by        varchar(200)  NOT NULL,
    version           bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, questionnaire_id) REFERENCES questionnaire (workspace_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX answer_question_key ON answer (workspace_id, questionnaire_id, question_key, subject);

-- Every change to an answer or its follow-up flag: who (a member, or a partner link's label), when, old -> new.
CREATE TABLE answer_change (
    workspace_id      uuid          NOT NULL,
    id                uuid          NOT NULL,
    questionnaire_id  uuid          NOT NULL,
    question_key      varchar(80)   NOT NULL,
    subject           varchar(400)  NOT NULL DEFAULT '',
    changed_at        timestamptz   NOT NULL DEFAULT now(),
    changed_by        varchar(200)  NOT NULL,
    kind              varchar(20)   NOT NULL CHECK (kind IN ('ANSWER', 'FOLLOW_UP')),
    old_value         jsonb,
    new_value         jsonb,
    version           bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, questionnaire_id) REFERENCES questionnaire (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX answer_change_question_idx ON answer_change (workspace_id, questionnaire_id, question_key, subject, changed_at);

CREATE TABLE answer_comment (
    workspace_id      uuid          NOT NULL,
    id                uuid          NOT NULL,
    questionnaire_id  uuid          NOT NULL,
    question_key      varchar(80)   NOT NULL,
    subject           varchar(400)  NOT NULL DEFAULT '',
    author            varchar(200)  NOT NULL,
    from_partner      boolean       NOT NULL DEFAULT false,
    body              varchar(4000) NOT NULL,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    version           bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, questionnaire_id) REFERENCES questionnaire (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX answer_comment_questionnaire_idx ON answer_comment (workspace_id, questionnaire_id, created_at);

-- ---- Partner links ---------------------------------------------------------------------------------------
-- Only a SHA-256 of the link's secret is kept. sections: the section keys the link may see ([] = all).
CREATE TABLE partner_link (
    workspace_id      uuid          NOT NULL,
    id                uuid          NOT NULL,
    questionnaire_id  uuid          NOT NULL,
    label             varchar(120)  NOT NULL,
    token_hash        varchar(64)   NOT NULL,
    sections          jsonb         NOT NULL DEFAULT '[]',
    created_by        varchar(200)  NOT NULL,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    expires_at        timestamptz   NOT NULL,
    revoked_at        timestamptz,
    last_used_at      timestamptz,
    version           bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, questionnaire_id) REFERENCES questionnaire (workspace_id, id) ON DELETE CASCADE
);
-- Looked up by hash before the workspace is known (see partner_link_lookup): unique across workspaces.
CREATE UNIQUE INDEX partner_link_token_hash_key ON partner_link (token_hash);
CREATE INDEX partner_link_questionnaire_idx ON partner_link (workspace_id, questionnaire_id, created_at);

-- What happened through a link: when, from where (the client address truncated to its network) and what.
CREATE TABLE partner_link_access (
    workspace_id  uuid          NOT NULL,
    id            uuid          NOT NULL,
    link_id       uuid          NOT NULL,
    at            timestamptz   NOT NULL DEFAULT now(),
    client        varchar(64)   NOT NULL,
    action        varchar(300)  NOT NULL,
    version       bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, link_id) REFERENCES partner_link (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX partner_link_access_link_idx ON partner_link_access (workspace_id, link_id, at DESC);

DO $rls$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['questionnaire_template', 'questionnaire_template_version', 'questionnaire', 'answer',
                             'answer_change', 'answer_comment', 'partner_link', 'partner_link_access'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY workspace_isolation ON %I USING (workspace_id = app_current_workspace())'
                       ' WITH CHECK (workspace_id = app_current_workspace())', t);
    END LOOP;
END
$rls$;

-- Link lookups per client network, shared by every app node (rate limiting). Global and free of tenant
-- data: the key is a SHA-256 of the truncated client address.
CREATE TABLE link_throttle (
    key_hash           varchar(64) PRIMARY KEY,
    window_started_at  timestamptz NOT NULL,
    hits               integer     NOT NULL
);

-- ---- Looking a partner link up by its hash, before the workspace is known -------------------------------
GRANT SELECT (workspace_id, id, questionnaire_id, token_hash, expires_at, revoked_at) ON partner_link TO ${lookup_role};
CREATE POLICY lookup_read ON partner_link FOR SELECT USING (current_user = '${lookup_role}');

CREATE FUNCTION partner_link_lookup(p_token_hash text)
    RETURNS TABLE (workspace_id uuid, link_id uuid, questionnaire_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT l.workspace_id, l.id, l.questionnaire_id FROM public.partner_link l
          WHERE l.token_hash = p_token_hash AND l.revoked_at IS NULL AND l.expires_at > now() $$;

GRANT CREATE ON SCHEMA public TO ${lookup_role};
ALTER FUNCTION partner_link_lookup(text) OWNER TO ${lookup_role};
REVOKE ALL ON FUNCTION partner_link_lookup(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION partner_link_lookup(text) TO ${app_role};
REVOKE CREATE ON SCHEMA public FROM ${lookup_role};
