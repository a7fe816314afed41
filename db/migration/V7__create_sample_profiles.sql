-- Profiles of sample messages (HL7 v2, Redox-style or FHIR JSON) and what managers decided about the answers they
-- suggest. Only aggregates are stored: message types, names of identifier types, assigning authorities and code
-- systems, counts and value shapes (A999999). Message text is read in memory and never stored.
CREATE TABLE sample_profile (
    workspace_id   uuid          NOT NULL,
    id             uuid          NOT NULL,
    project_id     uuid          NOT NULL,
    format         varchar(20)   NOT NULL,
    source         varchar(10)   NOT NULL CHECK (source IN ('PAGE', 'API')),
    message_count  integer       NOT NULL CHECK (message_count >= 0),
    failed_count   integer       NOT NULL CHECK (failed_count >= 0),
    input_bytes    integer       NOT NULL CHECK (input_bytes >= 0),
    data           jsonb         NOT NULL,
    created_by     varchar(200)  NOT NULL,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    version        bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, project_id) REFERENCES project (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX sample_profile_project_idx ON sample_profile (workspace_id, project_id, created_at DESC);

-- A suggestion accepted (its answer saved through the questionnaire, with history) or ignored, per question and
-- subject of one profile.
CREATE TABLE sample_suggestion_decision (
    workspace_id   uuid          NOT NULL,
    id             uuid          NOT NULL,
    profile_id     uuid          NOT NULL,
    question_key   varchar(80)   NOT NULL,
    subject        varchar(400)  NOT NULL DEFAULT '',
    decision       varchar(10)   NOT NULL CHECK (decision IN ('ACCEPTED', 'IGNORED')),
    decided_by     varchar(200)  NOT NULL,
    decided_at     timestamptz   NOT NULL DEFAULT now(),
    version        bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, profile_id) REFERENCES sample_profile (workspace_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX sample_suggestion_decision_key ON sample_suggestion_decision (workspace_id, profile_id, question_key, subject);

DO $rls$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['sample_profile', 'sample_suggestion_decision'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY workspace_isolation ON %I USING (workspace_id = app_current_workspace())'
                       ' WITH CHECK (workspace_id = app_current_workspace())', t);
    END LOOP;
END
$rls$;
