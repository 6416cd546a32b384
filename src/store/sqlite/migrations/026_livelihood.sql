-- 民生实事项目: a yearly cycle per office, proposals, candidate projects, quarterly progress,
-- year-end ratings. Each record is kept whole as JSON (`doc`) beside the columns it is found by.
CREATE TABLE livelihood_cycles (
  id         TEXT PRIMARY KEY,
  office     TEXT NOT NULL,
  year       INTEGER NOT NULL,
  doc        TEXT NOT NULL
);
CREATE INDEX livelihood_cycles_office ON livelihood_cycles (office, year);

CREATE TABLE livelihood_proposals (
  id         TEXT PRIMARY KEY,
  cycle_id   TEXT NOT NULL,
  mp_user_id TEXT,
  deputy_id  TEXT,
  created_at TEXT NOT NULL,
  doc        TEXT NOT NULL
);
CREATE INDEX livelihood_proposals_cycle ON livelihood_proposals (cycle_id, created_at);
CREATE INDEX livelihood_proposals_user ON livelihood_proposals (mp_user_id, created_at);
CREATE INDEX livelihood_proposals_deputy ON livelihood_proposals (deputy_id, created_at);

CREATE TABLE livelihood_projects (
  id         TEXT PRIMARY KEY,
  cycle_id   TEXT NOT NULL,
  created_at TEXT NOT NULL,
  doc        TEXT NOT NULL
);
CREATE INDEX livelihood_projects_cycle ON livelihood_projects (cycle_id, created_at);

CREATE TABLE livelihood_progress (
  project_id TEXT NOT NULL,
  quarter    INTEGER NOT NULL,
  doc        TEXT NOT NULL,
  PRIMARY KEY (project_id, quarter)
);

CREATE TABLE livelihood_ratings (
  project_id TEXT NOT NULL,
  deputy_id  TEXT NOT NULL,
  cycle_id   TEXT NOT NULL,
  at         TEXT NOT NULL,
  doc        TEXT NOT NULL,
  PRIMARY KEY (project_id, deputy_id)
);
CREATE INDEX livelihood_ratings_cycle ON livelihood_ratings (cycle_id, at);
