-- One-off steps done on this store, by name: a fix of what an older version wrote runs at the
-- start after an upgrade, records itself here, and later starts skip it without reading the
-- data again (the meetings' audiences read every meeting and the region list at every start).
CREATE TABLE app_markers (
  name TEXT PRIMARY KEY,
  done_at TEXT NOT NULL
) WITHOUT ROWID;
