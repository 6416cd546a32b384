-- A new message's text enters the search index (031) once per group commit, not once per message.
-- FTS5 writes its pending terms to disk at every SAVEPOINT and RELEASE, and group commit wraps
-- each write in one: indexed by a row trigger, every message wrote its own small segment and fed
-- the index's merging (~40-55 µs of a ~150 µs insert). Indexed together just before the group's
-- COMMIT, outside any savepoint, the same messages cost a few µs each.
--
-- How a writer asks for that: the case repo's submit, inside its group's transaction, puts the
-- one row of `cases_fts_deferring`; while that row exists, a new case's rowid is queued in
-- `cases_fts_pending` instead of indexed, and the group's last step (a GroupCommit beforeCommit
-- hook, src/store/sqlite/case-text-queue.ts) indexes the queued rows with their text as it is
-- then, empties the queue and removes the row, all before COMMIT. So neither table ever holds a
-- row in a committed state: every other writer (another connection, a raw INSERT, the province
-- generator, a migration) sees no marker and indexes its case at once, as 031 did. A write undone
-- with its savepoint takes its queue entry (and a marker it put) with it.
CREATE TABLE cases_fts_deferring (
  one INTEGER PRIMARY KEY CHECK (one = 1)
);

CREATE TABLE cases_fts_pending (
  case_rowid INTEGER PRIMARY KEY
);

DROP TRIGGER cases_fts_insert;

CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases WHEN NOT EXISTS (SELECT 1 FROM cases_fts_deferring) BEGIN
  INSERT INTO cases_fts(rowid, text) VALUES (new.rowid, new.text);
END;

CREATE TRIGGER cases_fts_queued AFTER INSERT ON cases WHEN EXISTS (SELECT 1 FROM cases_fts_deferring) BEGIN
  INSERT INTO cases_fts_pending (case_rowid) VALUES (new.rowid);
END;

-- A row still queued is not in the index yet: an FTS5 'delete' of terms it never indexed would
-- corrupt an external-content index. Deleted while queued, it leaves the queue; its text changed
-- while queued (an erasure in the same group), nothing to do: the queue is indexed with the text
-- as it is at the end of the group.
DROP TRIGGER cases_fts_delete;

-- One trigger, its statements in this order: two triggers would each judge "queued" when fired,
-- and the one emptying the queue could fire first.
CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
  INSERT INTO cases_fts(cases_fts, rowid, text)
    SELECT 'delete', old.rowid, old.text WHERE NOT EXISTS (SELECT 1 FROM cases_fts_pending WHERE case_rowid = old.rowid);
  DELETE FROM cases_fts_pending WHERE case_rowid = old.rowid;
END;

DROP TRIGGER cases_fts_update;

CREATE TRIGGER cases_fts_update AFTER UPDATE OF text ON cases
WHEN old.text IS NOT new.text AND NOT EXISTS (SELECT 1 FROM cases_fts_pending WHERE case_rowid = old.rowid) BEGIN
  INSERT INTO cases_fts(cases_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
  INSERT INTO cases_fts(rowid, text) VALUES (new.rowid, new.text);
END;
