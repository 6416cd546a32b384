-- Which cases changed, in order: hot issues keep a window's messages in memory between requests
-- and read again only the cases written since (src/store/sqlite/hot-issue-window.ts). Triggers see
-- every write to a case, whoever makes it (a service, an import, retention, a raw statement),
-- where an `updated_at` is set only by the code that remembers to, and a deleted row leaves none.
CREATE TABLE case_changes (
  seq     INTEGER PRIMARY KEY, -- the next after the largest; the largest is never pruned, so it only grows
  case_id TEXT NOT NULL
);

CREATE TRIGGER case_changes_added AFTER INSERT ON cases
BEGIN
  INSERT INTO case_changes (case_id) VALUES (NEW.id);
END;

CREATE TRIGGER case_changes_updated AFTER UPDATE ON cases
BEGIN
  INSERT INTO case_changes (case_id) VALUES (NEW.id);
END;

-- Ids are never changed, but a row that did take another id leaves its old one behind.
CREATE TRIGGER case_changes_renamed AFTER UPDATE OF id ON cases
WHEN OLD.id <> NEW.id
BEGIN
  INSERT INTO case_changes (case_id) VALUES (OLD.id);
END;

CREATE TRIGGER case_changes_removed AFTER DELETE ON cases
BEGIN
  INSERT INTO case_changes (case_id) VALUES (OLD.id);
END;

-- Bounded: every 10,000th change drops those more than 100,000 behind. A reader that far behind
-- sees the gap (its last seq below the smallest kept) and reads its window afresh.
CREATE TRIGGER case_changes_pruned AFTER INSERT ON case_changes
WHEN NEW.seq % 10000 = 0
BEGIN
  DELETE FROM case_changes WHERE seq <= NEW.seq - 100000;
END;
