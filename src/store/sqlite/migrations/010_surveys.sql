-- Surveys, consultations and ballots: definitions, responses, running tallies, text answers, opinions.
CREATE TABLE surveys (
  id              TEXT PRIMARY KEY,
  short_code      TEXT NOT NULL UNIQUE, -- in the poster's QR code: scene v=<code>
  kind            TEXT NOT NULL,        -- survey | consultation | ballot
  title           TEXT NOT NULL,
  description     TEXT NOT NULL,
  questions       TEXT NOT NULL,        -- JSON array of questions
  articles        TEXT NOT NULL,        -- JSON array of the draft's articles
  ballot          TEXT,                 -- JSON: pass rule, roll, max chosen
  anonymous       INTEGER NOT NULL,
  opens_at        TEXT NOT NULL,
  closes_at       TEXT NOT NULL,
  response_cap    INTEGER,
  response_count  INTEGER NOT NULL DEFAULT 0, -- bumped with each response; the cap is checked on it
  district_ids    TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX surveys_created ON surveys(created_at, id);

CREATE TABLE survey_responses (
  id              TEXT PRIMARY KEY,
  survey_id       TEXT NOT NULL REFERENCES surveys(id),
  respondent_key  TEXT NOT NULL, -- the person, a keyed hash of them (anonymous), or the deputy (ballot)
  mp_user_id      TEXT,          -- null on anonymous surveys
  deputy_id       TEXT,
  station_id      TEXT,
  district_id     TEXT,
  via             TEXT,
  answers         TEXT NOT NULL, -- JSON object: question id → answer
  comments        TEXT NOT NULL, -- JSON array of { articleId, text }
  created_at      TEXT NOT NULL,
  UNIQUE (survey_id, respondent_key)
);
CREATE INDEX survey_responses_survey ON survey_responses(survey_id, created_at, id);

-- Counters kept with each response: results never scan responses.
CREATE TABLE survey_tallies (
  survey_id    TEXT NOT NULL,
  scope        TEXT NOT NULL, -- '' everyone, d:<district>, s:<station>
  question_id  TEXT NOT NULL,
  bucket       TEXT NOT NULL,
  count        INTEGER NOT NULL,
  sum          REAL NOT NULL,
  PRIMARY KEY (survey_id, scope, question_id, bucket)
) WITHOUT ROWID;

CREATE TABLE survey_text_answers (
  survey_id    TEXT NOT NULL,
  question_id  TEXT NOT NULL,
  response_id  TEXT NOT NULL REFERENCES survey_responses(id),
  text         TEXT NOT NULL,
  station_id   TEXT,
  district_id  TEXT,
  created_at   TEXT NOT NULL,
  PRIMARY KEY (survey_id, question_id, response_id)
);
CREATE INDEX survey_text_answers_page ON survey_text_answers(survey_id, question_id, created_at, response_id);

CREATE TABLE survey_opinions (
  id           TEXT PRIMARY KEY,
  survey_id    TEXT NOT NULL REFERENCES surveys(id),
  response_id  TEXT NOT NULL REFERENCES survey_responses(id),
  article_id   TEXT NOT NULL,
  text         TEXT NOT NULL,
  mp_user_id   TEXT,
  via          TEXT,
  station_id   TEXT,
  outcome      TEXT NOT NULL DEFAULT 'pending',
  reason       TEXT,
  decided_by   TEXT,
  decided_at   TEXT,
  created_at   TEXT NOT NULL
);
CREATE INDEX survey_opinions_survey ON survey_opinions(survey_id, article_id, created_at);
