-- 分析研判: hot-issue alerts sent (each issue once), weekly reports as made, and answered
-- cases published to the public with the masked texts staff checked.
CREATE TABLE hot_issue_alerts (
  key TEXT PRIMARY KEY,
  case_ids TEXT NOT NULL,
  district_id TEXT,
  station_id TEXT,
  at TEXT NOT NULL
);
CREATE INDEX hot_issue_alerts_at ON hot_issue_alerts (at);

CREATE TABLE weekly_reports (
  scope TEXT NOT NULL,
  week TEXT NOT NULL,
  generated_at TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (scope, week)
);

CREATE TABLE case_publications (
  case_id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL,
  ticket TEXT NOT NULL,
  topic TEXT NOT NULL,
  district_id TEXT,
  station_id TEXT,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  asked_at TEXT NOT NULL,
  answered_at TEXT NOT NULL,
  published_by TEXT NOT NULL,
  published_at TEXT NOT NULL
);
CREATE INDEX case_publications_list ON case_publications (published_at DESC, case_id DESC);
CREATE INDEX case_publications_resident ON case_publications (resident_id);
