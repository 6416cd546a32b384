-- The statistics' medians (hours to acknowledge, days to reply) without sorting every case in scope.
-- Each live case's two times, in milliseconds exactly as msBetween (case-middle-times.ts) gives them,
-- are kept in order per station, per district and overall by partial indexes on the expressions;
-- the counts per station and district are kept by triggers. A group's middle is then a count and an
-- index seek (ORDER BY … LIMIT 2 OFFSET ⌊(n−1)/2⌋) over about half its entries, never the table.
-- A new case has neither time yet, so a case's submission writes none of this (only updates do).
-- The expressions and conditions must stay character for character those of case-middle-times.ts:
-- SQLite uses an index on an expression only for the very same expression.

CREATE INDEX cases_ack_ms ON cases(CAST(round((unixepoch(coalesce(acknowledged_at, replied_at), 'subsec') - unixepoch(created_at, 'subsec')) * 1000) AS INTEGER))
  WHERE status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL AND coalesce(acknowledged_at, replied_at) IS NOT NULL;
CREATE INDEX cases_reply_ms ON cases(CAST(round((unixepoch(replied_at, 'subsec') - unixepoch(created_at, 'subsec')) * 1000) AS INTEGER))
  WHERE status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL AND replied_at IS NOT NULL;
CREATE INDEX cases_station_ack_ms ON cases(station_id, CAST(round((unixepoch(coalesce(acknowledged_at, replied_at), 'subsec') - unixepoch(created_at, 'subsec')) * 1000) AS INTEGER))
  WHERE status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL AND coalesce(acknowledged_at, replied_at) IS NOT NULL;
CREATE INDEX cases_station_reply_ms ON cases(station_id, CAST(round((unixepoch(replied_at, 'subsec') - unixepoch(created_at, 'subsec')) * 1000) AS INTEGER))
  WHERE status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL AND replied_at IS NOT NULL;
CREATE INDEX cases_district_ack_ms ON cases(district_id, CAST(round((unixepoch(coalesce(acknowledged_at, replied_at), 'subsec') - unixepoch(created_at, 'subsec')) * 1000) AS INTEGER))
  WHERE status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL AND coalesce(acknowledged_at, replied_at) IS NOT NULL;
CREATE INDEX cases_district_reply_ms ON cases(district_id, CAST(round((unixepoch(replied_at, 'subsec') - unixepoch(created_at, 'subsec')) * 1000) AS INTEGER))
  WHERE status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL AND replied_at IS NOT NULL;

-- The few cases handed over to another district for handling: with its own district's index, an
-- organizer's middle times (their district's cases and those handed to it) without reading either out.
CREATE INDEX cases_handed_in ON cases(handling_district_id) WHERE handling_district_id IS NOT NULL AND handling_district_id IS NOT district_id;

-- How many entries each index holds per place: kind 'ack' or 'reply'; '' where the case has no
-- station or district. Counting them from the indexes read every entry (a province's 900k).
CREATE TABLE case_time_counts (
  kind TEXT NOT NULL,
  station_id TEXT NOT NULL,
  district_id TEXT NOT NULL,
  handling_district_id TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (kind, station_id, district_id, handling_district_id)
) WITHOUT ROWID;

INSERT INTO case_time_counts (kind, station_id, district_id, handling_district_id, n)
  SELECT 'ack', coalesce(station_id, ''), coalesce(district_id, ''), coalesce(handling_district_id, ''), count(*) FROM cases
  WHERE status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL AND coalesce(acknowledged_at, replied_at) IS NOT NULL
  GROUP BY 2, 3, 4;
INSERT INTO case_time_counts (kind, station_id, district_id, handling_district_id, n)
  SELECT 'reply', coalesce(station_id, ''), coalesce(district_id, ''), coalesce(handling_district_id, ''), count(*) FROM cases
  WHERE status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL AND replied_at IS NOT NULL
  GROUP BY 2, 3, 4;

-- A case counts in 'ack' while live and acknowledged (or replied), in 'reply' while live and replied.
-- Each trigger takes a case out of its old place's count and puts it in its new one, when either changed.
CREATE TRIGGER case_time_counts_added AFTER INSERT ON cases
WHEN NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL AND coalesce(NEW.acknowledged_at, NEW.replied_at) IS NOT NULL
BEGIN
  INSERT INTO case_time_counts (kind, station_id, district_id, handling_district_id, n)
    SELECT 'ack', coalesce(NEW.station_id, ''), coalesce(NEW.district_id, ''), coalesce(NEW.handling_district_id, ''), 1 WHERE true
    UNION ALL
    SELECT 'reply', coalesce(NEW.station_id, ''), coalesce(NEW.district_id, ''), coalesce(NEW.handling_district_id, ''), 1 WHERE NEW.replied_at IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER case_time_counts_removed AFTER DELETE ON cases
WHEN OLD.status NOT IN ('withdrawn', 'rejected') AND OLD.merged_into IS NULL AND coalesce(OLD.acknowledged_at, OLD.replied_at) IS NOT NULL
BEGIN
  UPDATE case_time_counts SET n = n - 1
  WHERE station_id = coalesce(OLD.station_id, '') AND district_id = coalesce(OLD.district_id, '') AND handling_district_id = coalesce(OLD.handling_district_id, '')
    AND (kind = 'ack' OR (kind = 'reply' AND OLD.replied_at IS NOT NULL));
END;

CREATE TRIGGER case_time_counts_changed AFTER UPDATE OF status, merged_into, acknowledged_at, replied_at, station_id, district_id, handling_district_id ON cases
WHEN (
    OLD.status NOT IN ('withdrawn', 'rejected') AND OLD.merged_into IS NULL AND coalesce(OLD.acknowledged_at, OLD.replied_at) IS NOT NULL,
    OLD.status NOT IN ('withdrawn', 'rejected') AND OLD.merged_into IS NULL AND OLD.replied_at IS NOT NULL,
    OLD.station_id, OLD.district_id, OLD.handling_district_id
  ) IS NOT (
    NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL AND coalesce(NEW.acknowledged_at, NEW.replied_at) IS NOT NULL,
    NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL AND NEW.replied_at IS NOT NULL,
    NEW.station_id, NEW.district_id, NEW.handling_district_id
  )
BEGIN
  UPDATE case_time_counts SET n = n - 1
  WHERE station_id = coalesce(OLD.station_id, '') AND district_id = coalesce(OLD.district_id, '') AND handling_district_id = coalesce(OLD.handling_district_id, '')
    AND OLD.status NOT IN ('withdrawn', 'rejected') AND OLD.merged_into IS NULL
    AND ((kind = 'ack' AND coalesce(OLD.acknowledged_at, OLD.replied_at) IS NOT NULL) OR (kind = 'reply' AND OLD.replied_at IS NOT NULL));
  INSERT INTO case_time_counts (kind, station_id, district_id, handling_district_id, n)
    SELECT 'ack', coalesce(NEW.station_id, ''), coalesce(NEW.district_id, ''), coalesce(NEW.handling_district_id, ''), 1
    WHERE NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL AND coalesce(NEW.acknowledged_at, NEW.replied_at) IS NOT NULL
    UNION ALL
    SELECT 'reply', coalesce(NEW.station_id, ''), coalesce(NEW.district_id, ''), coalesce(NEW.handling_district_id, ''), 1
    WHERE NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL AND NEW.replied_at IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
