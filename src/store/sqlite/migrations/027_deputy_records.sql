-- 履职档案: activities deputies report (reviewed by their station's staff), each office's
-- point rules, and which questionnaire is a deputy's 述职评议 of a year.
CREATE TABLE record_activities (
  id           TEXT PRIMARY KEY,
  deputy_id    TEXT NOT NULL,
  station_id   TEXT NOT NULL,
  kind         TEXT NOT NULL,  -- research | inspection | reception | other
  date         TEXT NOT NULL,  -- local date YYYY-MM-DD
  place        TEXT NOT NULL,
  text         TEXT NOT NULL,
  photos       TEXT NOT NULL,  -- JSON array of upload URLs
  status       TEXT NOT NULL,  -- pending | approved | returned
  review_note  TEXT,
  reviewed_by  TEXT,
  reviewed_at  TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX record_activities_deputy ON record_activities (deputy_id, date);
CREATE INDEX record_activities_list ON record_activities (created_at DESC, id DESC);
CREATE INDEX record_activities_station ON record_activities (station_id, status, created_at DESC);

CREATE TABLE point_rules (
  office      TEXT PRIMARY KEY, -- a district id, or "city"
  rules       TEXT NOT NULL,    -- JSON array of { item, points, cap }
  updated_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE record_appraisals (
  survey_id    TEXT PRIMARY KEY,
  deputy_id    TEXT NOT NULL,
  year         INTEGER NOT NULL,
  region_ids   TEXT NOT NULL,  -- JSON array: the places whose residents may answer
  district_id  TEXT,
  opened_by    TEXT NOT NULL,
  opened_at    TEXT NOT NULL,
  UNIQUE (deputy_id, year)
);
