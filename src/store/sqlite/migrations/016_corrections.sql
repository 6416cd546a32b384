-- A published reading item can be withdrawn (unpublished) by its organizer: it leaves
-- every reader's list, the digest and progress, and a scheduled one is never published.
ALTER TABLE reading_items ADD COLUMN withdrawn_at TEXT;

-- A survey, consultation or ballot can be kept as a draft (草稿) until it is published:
-- respondents do not find it, and everything in it can still change.
ALTER TABLE surveys ADD COLUMN draft INTEGER NOT NULL DEFAULT 0;

-- A reading item can be kept as a draft until the organizer publishes it: never due, never published by the job.
ALTER TABLE reading_items ADD COLUMN draft INTEGER NOT NULL DEFAULT 0;

-- A quiz can be kept as a draft while its pool is prepared: participants do not find it until it is published.
ALTER TABLE quizzes ADD COLUMN draft INTEGER NOT NULL DEFAULT 0;
