-- The data-model catalog, sites, projects with their scope, and onboarding templates.
-- Every table follows V1's isolation rules: workspace_id NOT NULL, primary key (workspace_id, id),
-- references that include workspace_id, indexes led by workspace_id, RLS enabled and forced.

-- ---- Catalog: data models, their events and fields (each workspace has its own, seeded at creation) --
CREATE TABLE data_model (
    workspace_id  uuid          NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id            uuid          NOT NULL,
    name          varchar(80)   NOT NULL,
    description   varchar(2000) NOT NULL DEFAULT '',
    built_in      boolean       NOT NULL DEFAULT false,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    version       bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX data_model_name_key ON data_model (workspace_id, lower(name));

CREATE TABLE data_model_event (
    workspace_id   uuid          NOT NULL,
    id             uuid          NOT NULL,
    data_model_id  uuid          NOT NULL,
    name           varchar(80)   NOT NULL,
    description    varchar(2000) NOT NULL DEFAULT '',
    built_in       boolean       NOT NULL DEFAULT false,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    version        bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, data_model_id) REFERENCES data_model (workspace_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX data_model_event_name_key ON data_model_event (workspace_id, data_model_id, lower(name));
-- Lets references say "this event of that model" (see scope_row_event's trigger).
ALTER TABLE data_model_event ADD CONSTRAINT data_model_event_model_key UNIQUE (workspace_id, data_model_id, id);

CREATE TABLE data_model_field (
    workspace_id   uuid          NOT NULL,
    id             uuid          NOT NULL,
    data_model_id  uuid          NOT NULL,
    path           varchar(300)  NOT NULL,
    type           varchar(40)   NOT NULL,
    description    varchar(2000) NOT NULL DEFAULT '',
    built_in       boolean       NOT NULL DEFAULT false,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    version        bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, data_model_id) REFERENCES data_model (workspace_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX data_model_field_path_key ON data_model_field (workspace_id, data_model_id, lower(path));
-- Lets a requirement reference "this field of that model".
ALTER TABLE data_model_field ADD CONSTRAINT data_model_field_model_key UNIQUE (workspace_id, data_model_id, id);

-- What was added to (or taken out of) the catalog, when and by whom: the catalog's change log.
CREATE TABLE catalog_change (
    workspace_id  uuid          NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id            uuid          NOT NULL,
    changed_at    timestamptz   NOT NULL DEFAULT now(),
    changed_by    varchar(120)  NOT NULL,
    kind          varchar(30)   NOT NULL,
    summary       varchar(2000) NOT NULL,
    version       bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX catalog_change_recent_idx ON catalog_change (workspace_id, changed_at DESC);

-- ---- Sites and their contacts ------------------------------------------------------------------------
CREATE TABLE site (
    workspace_id       uuid          NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id                 uuid          NOT NULL,
    name               varchar(160)  NOT NULL,
    ehr_vendor         varchar(80)   NOT NULL DEFAULT '',
    time_zone          varchar(64)   NOT NULL,
    status             varchar(20)   NOT NULL CHECK (status IN ('PLANNED', 'SCOPING', 'IMPLEMENTING', 'LIVE', 'ON_HOLD')),
    environment_notes  varchar(4000) NOT NULL DEFAULT '',
    created_at         timestamptz   NOT NULL DEFAULT now(),
    version            bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX site_name_key ON site (workspace_id, lower(name));
CREATE INDEX site_status_name_idx ON site (workspace_id, status, lower(name));
CREATE INDEX site_vendor_idx ON site (workspace_id, lower(ehr_vendor));
CREATE INDEX site_created_idx ON site (workspace_id, created_at DESC);

CREATE TABLE site_contact (
    workspace_id  uuid          NOT NULL,
    id            uuid          NOT NULL,
    site_id       uuid          NOT NULL,
    name          varchar(120)  NOT NULL,
    role          varchar(120)  NOT NULL DEFAULT '',
    email         varchar(254)  NOT NULL DEFAULT '',
    position      integer       NOT NULL DEFAULT 0,
    version       bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, site_id) REFERENCES site (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX site_contact_site_idx ON site_contact (workspace_id, site_id, position);

-- ---- Projects and their scope -----------------------------------------------------------------------
CREATE TABLE project (
    workspace_id  uuid          NOT NULL,
    id            uuid          NOT NULL,
    site_id       uuid          NOT NULL,
    name          varchar(160)  NOT NULL,
    description   varchar(4000) NOT NULL DEFAULT '',
    created_at    timestamptz   NOT NULL DEFAULT now(),
    version       bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, site_id) REFERENCES site (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX project_site_idx ON project (workspace_id, site_id, created_at);

-- One data model exchanged in one direction, over one connection method, with its expected volume.
CREATE TABLE scope_row (
    workspace_id       uuid         NOT NULL,
    id                 uuid         NOT NULL,
    project_id         uuid         NOT NULL,
    data_model_id      uuid         NOT NULL,
    direction          varchar(10)  NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    connection_method  varchar(20)  NOT NULL CHECK (connection_method IN ('REDOX_API', 'HL7V2_MLLP', 'FHIR', 'FLAT_FILE', 'OTHER')),
    messages_per_day   integer      CHECK (messages_per_day >= 0),
    peak_per_hour      integer      CHECK (peak_per_hour >= 0),
    position           integer      NOT NULL DEFAULT 0,
    version            bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, project_id) REFERENCES project (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, data_model_id) REFERENCES data_model (workspace_id, id)
);
CREATE INDEX scope_row_project_idx ON scope_row (workspace_id, project_id, position);
CREATE INDEX scope_row_model_idx ON scope_row (workspace_id, data_model_id);

-- The event types of a scope row. Referencing the event keeps a used event from being removed.
-- A plain join table (Hibernate writes only its two ids), so the workspace comes from the transaction.
CREATE TABLE scope_row_event (
    workspace_id  uuid  NOT NULL DEFAULT app_current_workspace(),
    scope_row_id  uuid  NOT NULL,
    event_id      uuid  NOT NULL,
    PRIMARY KEY (workspace_id, scope_row_id, event_id),
    FOREIGN KEY (workspace_id, scope_row_id) REFERENCES scope_row (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, event_id) REFERENCES data_model_event (workspace_id, id)
);
CREATE INDEX scope_row_event_event_idx ON scope_row_event (workspace_id, event_id);

-- A row's events must be events of the row's data model.
CREATE FUNCTION scope_row_event_same_model() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM public.scope_row r JOIN public.data_model_event e
                   ON e.workspace_id = r.workspace_id AND e.data_model_id = r.data_model_id
                   WHERE r.workspace_id = NEW.workspace_id AND r.id = NEW.scope_row_id AND e.id = NEW.event_id) THEN
        RAISE EXCEPTION 'event % is not an event of the data model of scope row %', NEW.event_id, NEW.scope_row_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER scope_row_event_same_model BEFORE INSERT OR UPDATE ON scope_row_event
    FOR EACH ROW EXECUTE FUNCTION scope_row_event_same_model();

-- What the product needs from the site: required fields, patient and provider identifier types
-- (HL7 table 0203 codes) and code systems per data model (HL7 table 0396 codes).
CREATE TABLE scope_requirement (
    workspace_id   uuid         NOT NULL,
    id             uuid         NOT NULL,
    project_id     uuid         NOT NULL,
    kind           varchar(20)  NOT NULL CHECK (kind IN ('FIELD', 'PATIENT_ID', 'PROVIDER_ID', 'CODE_SYSTEM')),
    data_model_id  uuid,
    field_id       uuid,
    code           varchar(20),
    version        bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, project_id) REFERENCES project (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, data_model_id) REFERENCES data_model (workspace_id, id),
    FOREIGN KEY (workspace_id, data_model_id, field_id) REFERENCES data_model_field (workspace_id, data_model_id, id),
    CHECK ((kind = 'FIELD') = (field_id IS NOT NULL)),
    CHECK ((kind = 'FIELD') OR code IS NOT NULL),
    CHECK ((kind = 'CODE_SYSTEM') <= (data_model_id IS NOT NULL))
);
CREATE INDEX scope_requirement_project_idx ON scope_requirement (workspace_id, project_id, kind);
CREATE INDEX scope_requirement_field_idx ON scope_requirement (workspace_id, field_id);

-- The catalog only grows: a field that a project requires keeps its type (the application checks first;
-- this holds even for a requirement saved at the same moment, which the application locks against).
CREATE FUNCTION data_model_field_keep_used_type() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NEW.type IS DISTINCT FROM OLD.type AND EXISTS (
            SELECT 1 FROM public.scope_requirement q WHERE q.workspace_id = OLD.workspace_id AND q.field_id = OLD.id) THEN
        RAISE EXCEPTION 'field % is required by a project; its type cannot change', OLD.path USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER data_model_field_keep_used_type BEFORE UPDATE OF type ON data_model_field
    FOR EACH ROW EXECUTE FUNCTION data_model_field_keep_used_type();

-- End-to-end workflows the integration must support; test scripts attach to them later.
CREATE TABLE workflow (
    workspace_id  uuid          NOT NULL,
    id            uuid          NOT NULL,
    project_id    uuid          NOT NULL,
    name          varchar(200)  NOT NULL,
    description   varchar(4000) NOT NULL DEFAULT '',
    position      integer       NOT NULL DEFAULT 0,
    version       bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, project_id) REFERENCES project (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX workflow_project_idx ON workflow (workspace_id, project_id, position);

-- ---- Onboarding templates: a default scope (as the same JSON the scope API speaks) -------------------
CREATE TABLE onboarding_template (
    workspace_id  uuid          NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id            uuid          NOT NULL,
    name          varchar(120)  NOT NULL,
    description   varchar(2000) NOT NULL DEFAULT '',
    scope         jsonb         NOT NULL,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    version       bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX onboarding_template_name_key ON onboarding_template (workspace_id, lower(name));

DO $rls$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['data_model', 'data_model_event', 'data_model_field', 'catalog_change', 'site',
                             'site_contact', 'project', 'scope_row', 'scope_row_event', 'scope_requirement',
                             'workflow', 'onboarding_template'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY workspace_isolation ON %I USING (workspace_id = app_current_workspace())'
                       ' WITH CHECK (workspace_id = app_current_workspace())', t);
    END LOOP;
END
$rls$;
