-- A project's workflows have different names (compared like every other unique name: lower case; the application
-- stores names in Unicode NFC). Workflows that share a name from before get their id's first characters appended,
-- so the index can be built; nothing else changes.

-- The owner is held by forced RLS too: this change is for every workspace's rows.
ALTER TABLE workflow NO FORCE ROW LEVEL SECURITY;

UPDATE workflow w
SET name = left(w.name, 188) || ' (' || left(w.id::text, 8) || ')', version = w.version + 1
FROM (SELECT workspace_id, id,
             row_number() OVER (PARTITION BY workspace_id, project_id, lower(name) ORDER BY position, id) AS n
      FROM workflow) d
WHERE d.workspace_id = w.workspace_id AND d.id = w.id AND d.n > 1;

ALTER TABLE workflow FORCE ROW LEVEL SECURITY;

CREATE UNIQUE INDEX workflow_name_key ON workflow (workspace_id, project_id, lower(name));
