-- Retrospectives after go-live, their items, participants and action items, and the proposals through which
-- they change the workspace's questionnaire and onboarding templates. Markdown notes are stored as typed and
-- rendered (escaped) on display.

-- A GIN index cannot lead with a uuid column without btree_gin (a trusted extension, so the database owner
-- may create it); every index on a tenant table leads with workspace_id.
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- ---- Retrospectives ---------------------------------------------------------------------------------------------
CREATE TABLE retrospective (
    workspace_id  uuid          NOT NULL,
    id            uuid          NOT NULL,
    project_id    uuid          NOT NULL,
    held_on       date,
    summary       text          NOT NULL DEFAULT '' CHECK (length(summary) <= 20000),
    created_by    varchar(200)  NOT NULL,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    version       bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, project_id) REFERENCES project (workspace_id, id) ON DELETE CASCADE,
    CHECK (held_on IS NULL OR held_on BETWEEN DATE '2000-01-01' AND DATE '2099-12-31')
);
CREATE UNIQUE INDEX retrospective_project_key ON retrospective (workspace_id, project_id);

CREATE TABLE retro_participant (
    workspace_id      uuid          NOT NULL,
    id                uuid          NOT NULL,
    retrospective_id  uuid          NOT NULL,
    name              varchar(120)  NOT NULL,
    role              varchar(120)  NOT NULL DEFAULT '',
    side              varchar(30)   NOT NULL CHECK (side IN ('VENDOR', 'HEALTH_SYSTEM', 'INTEGRATION_PLATFORM')),
    added_at          timestamptz   NOT NULL DEFAULT now(),
    version           bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, retrospective_id) REFERENCES retrospective (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX retro_participant_retro_idx ON retro_participant (workspace_id, retrospective_id, added_at);

-- Partner links gain a third purpose: contributing to a project's retrospective.
ALTER TABLE partner_link DROP CONSTRAINT partner_link_purpose_check;
ALTER TABLE partner_link ADD CONSTRAINT partner_link_purpose_check
    CHECK (purpose IN ('QUESTIONNAIRE', 'SIGN_OFF', 'RETROSPECTIVE'));

-- One thing the team learned, in a section. Linked (by name, so it survives catalog and template changes) to a
-- questionnaire question, a catalog event or field, or one of the project's scope requirements.
CREATE TABLE retro_item (
    workspace_id      uuid          NOT NULL,
    id                uuid          NOT NULL,
    retrospective_id  uuid          NOT NULL,
    section           varchar(30)   NOT NULL CHECK (section IN ('DESIGN_REVIEW', 'DECISION', 'WENT_WELL', 'TO_IMPROVE',
                                                                'NOT_REQUIRED', 'MISSING_DATA', 'FEATURE_NEEDED')),
    title             varchar(200)  NOT NULL,
    notes             text          NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
    tags              text[]        NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 10),
    link_kind         varchar(20)   CHECK (link_kind IN ('QUESTION', 'EVENT', 'FIELD', 'REQUIREMENT')),
    link_ref          varchar(400),
    link_label        varchar(400),
    author            varchar(200)  NOT NULL,
    partner_link_id   uuid,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    version           bigint        NOT NULL DEFAULT 0,
    search            tsvector      GENERATED ALWAYS AS (
                          setweight(to_tsvector('english'::regconfig, title), 'A')
                          || to_tsvector('english'::regconfig, notes)) STORED,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, retrospective_id) REFERENCES retrospective (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, partner_link_id) REFERENCES partner_link (workspace_id, id) ON DELETE SET NULL (partner_link_id),
    CHECK ((link_kind IS NULL) = (link_ref IS NULL) AND (link_kind IS NULL) = (link_label IS NULL))
);
CREATE INDEX retro_item_retro_idx ON retro_item (workspace_id, retrospective_id, created_at);
CREATE INDEX retro_item_link_idx ON retro_item (workspace_id, partner_link_id);
CREATE INDEX retro_item_search_idx ON retro_item USING gin (workspace_id, search);
CREATE INDEX retro_item_tags_idx ON retro_item USING gin (workspace_id, tags);

CREATE TABLE retro_action (
    workspace_id      uuid          NOT NULL,
    id                uuid          NOT NULL,
    retrospective_id  uuid          NOT NULL,
    item_id           uuid,
    title             varchar(300)  NOT NULL,
    owner             varchar(120)  NOT NULL,
    due_on            date          CHECK (due_on IS NULL OR due_on BETWEEN DATE '2000-01-01' AND DATE '2099-12-31'),
    status            varchar(10)   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE', 'DROPPED')),
    created_at        timestamptz   NOT NULL DEFAULT now(),
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    version           bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, retrospective_id) REFERENCES retrospective (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, item_id) REFERENCES retro_item (workspace_id, id) ON DELETE SET NULL (item_id)
);
CREATE INDEX retro_action_retro_idx ON retro_action (workspace_id, retrospective_id, created_at);
CREATE INDEX retro_action_item_idx ON retro_action (workspace_id, item_id);
CREATE INDEX retro_action_open_idx ON retro_action (workspace_id, due_on) WHERE status = 'OPEN';

-- ---- Onboarding templates get versions, like questionnaire templates --------------------------------------------
CREATE TABLE onboarding_template_version (
    workspace_id  uuid          NOT NULL,
    id            uuid          NOT NULL,
    template_id   uuid          NOT NULL,
    number        integer       NOT NULL CHECK (number > 0),
    scope         jsonb         NOT NULL,
    note          varchar(500)  NOT NULL DEFAULT '',
    published_at  timestamptz   NOT NULL DEFAULT now(),
    published_by  varchar(200)  NOT NULL,
    proposal_id   uuid,
    version       bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, template_id) REFERENCES onboarding_template (workspace_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX onboarding_template_version_number_key ON onboarding_template_version (workspace_id, template_id, number);
CREATE INDEX onboarding_template_version_proposal_idx ON onboarding_template_version (workspace_id, proposal_id);

ALTER TABLE questionnaire_template_version ADD COLUMN proposal_id uuid;
CREATE INDEX questionnaire_template_version_proposal_idx ON questionnaire_template_version (workspace_id, proposal_id);

-- ---- Proposals: a retrospective item asks to change a template; a manager accepts or rejects --------------------
CREATE TABLE template_proposal (
    workspace_id               uuid           NOT NULL,
    id                         uuid           NOT NULL,
    retrospective_id           uuid           NOT NULL,
    item_id                    uuid,
    change                     varchar(30)    NOT NULL CHECK (change IN ('ADD_QUESTION', 'REWORD_QUESTION',
                                                                 'REQUIRE_FIELD', 'DROP_FIELD', 'ADD_EVENT', 'DROP_EVENT')),
    questionnaire_template_id  uuid,
    onboarding_template_id     uuid,
    template_name              varchar(120)   NOT NULL,
    details                    jsonb          NOT NULL,
    summary                    varchar(1000)  NOT NULL,
    status                     varchar(10)    NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'ACCEPTED', 'REJECTED')),
    proposed_by                varchar(200)   NOT NULL,
    proposed_at                timestamptz    NOT NULL DEFAULT now(),
    decided_by                 varchar(200),
    decided_at                 timestamptz,
    decision_note              varchar(1000)  NOT NULL DEFAULT '',
    resulting_version          integer,
    version                    bigint         NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, retrospective_id) REFERENCES retrospective (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, item_id) REFERENCES retro_item (workspace_id, id) ON DELETE SET NULL (item_id),
    -- A deleted template leaves its proposals (a record of what the retrospective asked for) without the link.
    FOREIGN KEY (workspace_id, questionnaire_template_id) REFERENCES questionnaire_template (workspace_id, id)
        ON DELETE SET NULL (questionnaire_template_id),
    FOREIGN KEY (workspace_id, onboarding_template_id) REFERENCES onboarding_template (workspace_id, id)
        ON DELETE SET NULL (onboarding_template_id),
    CHECK (questionnaire_template_id IS NULL OR onboarding_template_id IS NULL),
    CHECK (questionnaire_template_id IS NULL OR change IN ('ADD_QUESTION', 'REWORD_QUESTION')),
    CHECK (onboarding_template_id IS NULL OR change NOT IN ('ADD_QUESTION', 'REWORD_QUESTION')),
    CHECK ((status = 'PROPOSED') = (decided_at IS NULL))
);
CREATE INDEX template_proposal_retro_idx ON template_proposal (workspace_id, retrospective_id, proposed_at);
CREATE INDEX template_proposal_item_idx ON template_proposal (workspace_id, item_id);
CREATE INDEX template_proposal_pending_idx ON template_proposal (workspace_id, proposed_at) WHERE status = 'PROPOSED';
CREATE INDEX template_proposal_questionnaire_idx ON template_proposal (workspace_id, questionnaire_template_id);
CREATE INDEX template_proposal_onboarding_idx ON template_proposal (workspace_id, onboarding_template_id);

ALTER TABLE questionnaire_template_version ADD FOREIGN KEY (workspace_id, proposal_id)
    REFERENCES template_proposal (workspace_id, id) ON DELETE SET NULL (proposal_id);
ALTER TABLE onboarding_template_version ADD FOREIGN KEY (workspace_id, proposal_id)
    REFERENCES template_proposal (workspace_id, id) ON DELETE SET NULL (proposal_id);

-- The home lists projects that went live a while ago without a retrospective.
CREATE INDEX test_phase_live_idx ON test_phase (workspace_id, actual_end) WHERE kind = 'GO_LIVE' AND status = 'PASSED';

DO $rls$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['retrospective', 'retro_participant', 'retro_item', 'retro_action',
                             'onboarding_template_version', 'template_proposal'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY workspace_isolation ON %I USING (workspace_id = app_current_workspace())'
                       ' WITH CHECK (workspace_id = app_current_workspace())', t);
    END LOOP;
END
$rls$;

-- Every existing onboarding template starts at version 1, as it is now (all workspaces: RLS is lifted for this).
ALTER TABLE onboarding_template_version NO FORCE ROW LEVEL SECURITY;
ALTER TABLE onboarding_template NO FORCE ROW LEVEL SECURITY;
INSERT INTO onboarding_template_version (workspace_id, id, template_id, number, scope, note, published_at, published_by)
SELECT workspace_id, gen_random_uuid(), id, 1, scope, 'As the template stood before versions.', created_at, 'SiteReady'
FROM onboarding_template;
ALTER TABLE onboarding_template FORCE ROW LEVEL SECURITY;
ALTER TABLE onboarding_template_version FORCE ROW LEVEL SECURITY;

-- V3's partner_link_lookup, kept by V5 for nodes of the version before it during a rolling deploy: nothing calls it
-- any more (nodes of V5's version use partner_link_resolve, which also resolves retrospective links).
DROP FUNCTION partner_link_lookup(text);
