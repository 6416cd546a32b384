-- Whose kept counts a case's change may have moved: the case change log (040) names the case, and
-- the case row its deputy now; this names the deputy it had when a change took it away (handed to
-- another deputy, or deleted), which nothing else remembers. The statistics by deputy keep every
-- deputy's counts in memory between looks and read again only the deputies named since
-- (src/store/sqlite/case-deputy-ranking.ts). A new message writes nothing here.
CREATE TABLE case_deputy_changes (
  seq       INTEGER PRIMARY KEY, -- the next after the largest; the largest is never pruned, so it only grows
  deputy_id TEXT NOT NULL
);

CREATE TRIGGER case_deputy_changes_moved AFTER UPDATE OF deputy_id ON cases
WHEN OLD.deputy_id IS NOT NULL AND OLD.deputy_id IS NOT NEW.deputy_id
BEGIN
  INSERT INTO case_deputy_changes (deputy_id) VALUES (OLD.deputy_id);
END;

CREATE TRIGGER case_deputy_changes_removed AFTER DELETE ON cases
WHEN OLD.deputy_id IS NOT NULL
BEGIN
  INSERT INTO case_deputy_changes (deputy_id) VALUES (OLD.deputy_id);
END;

-- Bounded as the case change log is (043): a reader further behind sees the gap and reads all again.
CREATE TRIGGER case_deputy_changes_pruned AFTER INSERT ON case_deputy_changes
WHEN NEW.seq % 100 = 0
BEGIN
  DELETE FROM case_deputy_changes WHERE seq <= NEW.seq - 100000;
END;
