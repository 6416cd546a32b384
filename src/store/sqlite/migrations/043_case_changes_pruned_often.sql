-- 040 pruned the change log 10,000 rows at once, inside whichever case write reached every
-- 10,000th change: that one write (and its whole group) paid for all of them, a blip in the p99.
-- Now every 100th change drops the few more than 100,000 behind: the same bound, the same work
-- per change, spread evenly (at most ~100 rows in any one write once the log is full).
DROP TRIGGER case_changes_pruned;

CREATE TRIGGER case_changes_pruned AFTER INSERT ON case_changes
WHEN NEW.seq % 100 = 0
BEGIN
  DELETE FROM case_changes WHERE seq <= NEW.seq - 100000;
END;
