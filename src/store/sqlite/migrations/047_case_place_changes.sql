-- Whose kept counts by place a case's change may have moved: the case change log (040) names the case, and the
-- case row its station, district and handling district now; this names the place it had when a change took it
-- away (handed to another station or district, or deleted), which nothing else remembers. The statistics by
-- place keep a scope's counts in memory between looks and read again only the places named since
-- (src/store/sqlite/case-place-counts-kept.ts). A new message writes nothing here. Places as the kept counts
-- hold them (036's case_count_parts): '' for none.
CREATE TABLE case_place_changes (
  seq                  INTEGER PRIMARY KEY, -- the next after the largest; the largest is never pruned, so it only grows
  station_id           TEXT NOT NULL,
  district_id          TEXT NOT NULL,
  handling_district_id TEXT NOT NULL
);

CREATE TRIGGER case_place_changes_moved AFTER UPDATE OF station_id, district_id, handling_district_id ON cases
WHEN OLD.station_id IS NOT NEW.station_id OR OLD.district_id IS NOT NEW.district_id OR OLD.handling_district_id IS NOT NEW.handling_district_id
BEGIN
  INSERT INTO case_place_changes (station_id, district_id, handling_district_id)
    VALUES (coalesce(OLD.station_id, ''), coalesce(OLD.district_id, ''), coalesce(OLD.handling_district_id, ''));
END;

CREATE TRIGGER case_place_changes_removed AFTER DELETE ON cases
BEGIN
  INSERT INTO case_place_changes (station_id, district_id, handling_district_id)
    VALUES (coalesce(OLD.station_id, ''), coalesce(OLD.district_id, ''), coalesce(OLD.handling_district_id, ''));
END;

-- Bounded as the other change logs are (043, 046): a reader further behind sees the gap and reads all again.
CREATE TRIGGER case_place_changes_pruned AFTER INSERT ON case_place_changes
WHEN NEW.seq % 100 = 0
BEGIN
  DELETE FROM case_place_changes WHERE seq <= NEW.seq - 100000;
END;
