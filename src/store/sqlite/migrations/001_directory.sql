-- The deputy directory, console sessions, the audit log and job leases.
CREATE TABLE regions (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  kind      TEXT NOT NULL,
  parent_id TEXT
);
CREATE INDEX regions_parent ON regions(parent_id);

CREATE TABLE stations (
  id             TEXT PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  kind           TEXT NOT NULL,
  address        TEXT NOT NULL,
  region_ids     TEXT NOT NULL, -- JSON array
  reception_days TEXT NOT NULL  -- JSON array
);

CREATE TABLE deputies (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  level       TEXT NOT NULL,
  topics      TEXT NOT NULL, -- JSON array
  phone_enc   TEXT,
  phone_index TEXT,
  duty_dates  TEXT NOT NULL  -- JSON array
);
CREATE INDEX deputies_phone_index ON deputies(phone_index);
CREATE INDEX deputies_level ON deputies(level);

-- A deputy's stations, in the order given (the first is their home station).
CREATE TABLE deputy_stations (
  deputy_id  TEXT NOT NULL REFERENCES deputies(id) ON DELETE CASCADE,
  station_id TEXT NOT NULL,
  position   INTEGER NOT NULL,
  PRIMARY KEY (deputy_id, station_id)
);
CREATE INDEX deputy_stations_station ON deputy_stations(station_id);

CREATE TABLE staff (
  id            TEXT PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL,
  station_ids   TEXT NOT NULL, -- JSON array
  region_ids    TEXT NOT NULL, -- JSON array
  password_hash TEXT,
  active        INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE sessions (
  id           TEXT PRIMARY KEY,
  token_hash   TEXT NOT NULL UNIQUE,
  subject_kind TEXT NOT NULL,
  subject_id   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL
);
CREATE INDEX sessions_subject ON sessions(subject_kind, subject_id);
CREATE INDEX sessions_expires ON sessions(expires_at);

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  actor_kind  TEXT NOT NULL,
  actor_id    TEXT,
  action      TEXT NOT NULL,
  target_kind TEXT,
  target_id   TEXT,
  details     TEXT NOT NULL -- JSON object
);
CREATE INDEX audit_action ON audit_log(action, id);
CREATE INDEX audit_target ON audit_log(target_id, id);
CREATE INDEX audit_actor ON audit_log(actor_id, id);

CREATE TABLE job_locks (
  name       TEXT PRIMARY KEY,
  holder     TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
