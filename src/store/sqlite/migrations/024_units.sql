-- Handling units (承办单位) answer deputies' suggestions and run livelihood projects;
-- their staff log in with role unit_staff and see only what their unit is given.
CREATE TABLE units (
  id        TEXT PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE,
  name      TEXT NOT NULL,
  kind      TEXT NOT NULL,
  region_id TEXT,
  contact   TEXT NOT NULL DEFAULT '',
  active    INTEGER NOT NULL DEFAULT 1
);

ALTER TABLE staff ADD COLUMN unit_ids TEXT NOT NULL DEFAULT '[]'; -- JSON array
