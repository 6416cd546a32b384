-- Staff corrections of a case's topic teach the office's model (one per case, the latest
-- stands); the text stays on the case. Each retraining records up to when it learned.
CREATE TABLE topic_corrections (
  case_id      TEXT PRIMARY KEY,
  office       TEXT NOT NULL,
  from_topic   TEXT NOT NULL,
  to_topic     TEXT NOT NULL,
  corrected_by TEXT NOT NULL,
  at           TEXT NOT NULL
);
CREATE INDEX topic_corrections_office ON topic_corrections (office, at);

CREATE TABLE topic_trainings (
  office      TEXT NOT NULL,
  trained_at  TEXT NOT NULL,
  up_to       TEXT NOT NULL,
  corrections INTEGER NOT NULL,
  trained_by  TEXT
);
CREATE INDEX topic_trainings_office ON topic_trainings (office, trained_at);

-- The topic list grew: labour and wages (劳动就业) was part of 社会保障, property
-- management (物业管理) part of 社区治理. A deputy who followed the old topic follows
-- the new one too, so their messages still reach them.
UPDATE deputies SET topics = json_insert(topics, '$[#]', '劳动就业')
 WHERE EXISTS (SELECT 1 FROM json_each(deputies.topics) WHERE value = '社会保障')
   AND NOT EXISTS (SELECT 1 FROM json_each(deputies.topics) WHERE value = '劳动就业');
UPDATE deputies SET topics = json_insert(topics, '$[#]', '物业管理')
 WHERE EXISTS (SELECT 1 FROM json_each(deputies.topics) WHERE value = '社区治理')
   AND NOT EXISTS (SELECT 1 FROM json_each(deputies.topics) WHERE value = '物业管理');
