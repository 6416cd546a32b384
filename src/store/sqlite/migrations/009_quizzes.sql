-- Knowledge quizzes (知识竞赛): the quiz, its question pool, and attempts. An attempt
-- keeps its draw (seed, questions, option orders) and, once finished, its answers and score.
CREATE TABLE quizzes (
  id                 TEXT PRIMARY KEY,
  campaign_id        TEXT REFERENCES campaigns(id),
  title              TEXT NOT NULL,
  description        TEXT NOT NULL,
  draw_count         INTEGER NOT NULL,
  time_limit_seconds INTEGER NOT NULL,
  attempts_allowed   INTEGER NOT NULL,
  opens_at           TEXT NOT NULL,
  closes_at          TEXT NOT NULL,
  audience           TEXT NOT NULL, -- public | residents | deputies | staff
  scope_district_ids TEXT NOT NULL, -- JSON array; [] = the whole city
  created_by         TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX quizzes_created ON quizzes(created_at, id);
CREATE INDEX quizzes_window ON quizzes(closes_at, opens_at);
CREATE INDEX quizzes_campaign ON quizzes(campaign_id);

CREATE TABLE quiz_questions (
  id          TEXT PRIMARY KEY,
  quiz_id     TEXT NOT NULL REFERENCES quizzes(id),
  type        TEXT NOT NULL, -- single | multiple | true_false
  stem        TEXT NOT NULL,
  options     TEXT NOT NULL, -- JSON array of strings
  answer      TEXT NOT NULL, -- JSON array of option indexes
  explanation TEXT NOT NULL,
  points      INTEGER NOT NULL,
  tags        TEXT NOT NULL, -- JSON array
  position    INTEGER NOT NULL
);
CREATE INDEX quiz_questions_quiz ON quiz_questions(quiz_id, position);

CREATE TABLE quiz_attempts (
  id             TEXT PRIMARY KEY,
  quiz_id        TEXT NOT NULL REFERENCES quizzes(id),
  person_kind    TEXT NOT NULL,
  person_id      TEXT NOT NULL,
  station_id     TEXT,
  district_id    TEXT,
  number         INTEGER NOT NULL,
  seed           INTEGER NOT NULL,
  question_ids   TEXT NOT NULL, -- JSON array, in the order shown
  option_orders  TEXT NOT NULL, -- JSON array of arrays
  started_at     TEXT NOT NULL,
  deadline       TEXT NOT NULL,
  status         TEXT NOT NULL, -- open | submitted | expired
  finished_at    TEXT,
  answers        TEXT, -- JSON, null until finished
  score          INTEGER,
  max_score      INTEGER NOT NULL,
  UNIQUE (quiz_id, person_kind, person_id, number)
);
-- One open attempt per person and quiz, whoever starts them at the same moment.
CREATE UNIQUE INDEX quiz_attempts_one_open ON quiz_attempts(quiz_id, person_kind, person_id) WHERE status = 'open';
CREATE INDEX quiz_attempts_quiz ON quiz_attempts(quiz_id, started_at);
