-- Study campaigns (学习宣传): reading items, whom each reached, read receipts, the
-- residents who follow a campaign, and study check-ins (学习打卡).
CREATE TABLE campaigns (
  id                 TEXT PRIMARY KEY,
  title              TEXT NOT NULL,
  description        TEXT NOT NULL,
  starts_at          TEXT NOT NULL,
  ends_at            TEXT NOT NULL,
  audience           TEXT NOT NULL, -- JSON selector
  followers_open     INTEGER NOT NULL, -- audience.followers, for the list residents may follow
  scope_district_ids TEXT NOT NULL, -- JSON array; [] = the whole city
  created_by         TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX campaigns_created ON campaigns(created_at, id);
CREATE INDEX campaigns_followable ON campaigns(followers_open, ends_at);

CREATE TABLE reading_items (
  id           TEXT PRIMARY KEY,
  campaign_id  TEXT NOT NULL REFERENCES campaigns(id),
  title        TEXT NOT NULL,
  summary      TEXT NOT NULL,
  body         TEXT, -- sanitised HTML, or null for a link
  link         TEXT,
  source       TEXT NOT NULL,
  required     INTEGER NOT NULL,
  publish_at   TEXT NOT NULL,
  published_at TEXT,
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL
);
CREATE INDEX reading_items_campaign ON reading_items(campaign_id, publish_at);
CREATE INDEX reading_items_due ON reading_items(publish_at) WHERE published_at IS NULL;

-- One row per item and person it reached, with the place it reached them at.
CREATE TABLE reading_reach (
  item_id     TEXT NOT NULL,
  campaign_id TEXT NOT NULL,
  person_kind TEXT NOT NULL,
  person_id   TEXT NOT NULL,
  station_id  TEXT,
  district_id TEXT,
  reached_at  TEXT NOT NULL,
  PRIMARY KEY (item_id, person_kind, person_id)
) WITHOUT ROWID;
CREATE INDEX reading_reach_person ON reading_reach(person_kind, person_id, reached_at);
CREATE INDEX reading_reach_campaign ON reading_reach(campaign_id);

CREATE TABLE reading_reads (
  item_id     TEXT NOT NULL,
  campaign_id TEXT NOT NULL,
  person_kind TEXT NOT NULL,
  person_id   TEXT NOT NULL,
  read_at     TEXT NOT NULL,
  PRIMARY KEY (item_id, person_kind, person_id)
) WITHOUT ROWID;
CREATE INDEX reading_reads_person ON reading_reads(person_kind, person_id);
CREATE INDEX reading_reads_campaign ON reading_reads(campaign_id);

CREATE TABLE campaign_followers (
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  person_kind TEXT NOT NULL,
  person_id   TEXT NOT NULL,
  station_id  TEXT,
  district_id TEXT,
  followed_at TEXT NOT NULL,
  PRIMARY KEY (campaign_id, person_kind, person_id)
) WITHOUT ROWID;
CREATE INDEX campaign_followers_person ON campaign_followers(person_kind, person_id);

CREATE TABLE campaign_check_ins (
  id          TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  item_id     TEXT,
  person_kind TEXT NOT NULL,
  person_id   TEXT NOT NULL,
  slot        TEXT NOT NULL, -- the item, or "day:YYYY-MM-DD": one check-in each
  reflection  TEXT,
  at          TEXT NOT NULL,
  UNIQUE (campaign_id, person_kind, person_id, slot)
);
CREATE INDEX campaign_check_ins_person ON campaign_check_ins(person_kind, person_id, campaign_id);
