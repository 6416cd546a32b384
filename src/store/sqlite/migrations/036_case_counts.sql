-- The reports' counts of a scope (statistics, the dashboard), kept by triggers in the same
-- transaction as each case, as deputy_loads is (migration 035): an admin's figures counted a
-- million cases at every request. Kept here is only what does not depend on the time of asking;
-- what does (deadlines passed "now") is counted per request over the unfinished cases alone,
-- through the partial index at the end. src/store/sqlite/case-counts-kept.ts reads them.
-- Keys are kept as '' where the case has none (NULLs in a primary key would never conflict).

-- What one case adds to the counts, by the definitions of caseStats (domain/case-stats.ts) and of
-- the live SQL in case-tally.ts: a "live" case is neither withdrawn, rejected nor merged.
CREATE VIEW case_count_facts AS
  SELECT rowid AS rid, *,
    (status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL) AS live,
    coalesce(acknowledged_at, replied_at) AS acked,
    (ratings <> '[]' OR rating IS NOT NULL) AS has_rating
  FROM cases;

CREATE VIEW case_count_parts AS
  SELECT rid,
    coalesce(station_id, '') AS station_id,
    coalesce(district_id, '') AS district_id,
    coalesce(handling_district_id, '') AS handling_district_id,
    deputy_id,
    topic,
    status = 'submitted' AS n_submitted,
    status = 'assigned' AS n_assigned,
    status = 'acknowledged' AS n_acknowledged,
    status = 'forwarded' AS n_forwarded,
    status = 'replied' AS n_replied,
    status = 'closed' AS n_closed,
    status = 'reopened' AS n_reopened,
    status = 'withdrawn' AS n_withdrawn,
    status = 'rejected' AS n_rejected,
    rating IS 1 AS rated_1,
    rating IS 2 AS rated_2,
    rating IS 3 AS rated_3,
    rating IS 4 AS rated_4,
    rating IS 5 AS rated_5,
    forwarded_to IS NOT NULL AS forwarded,
    (live AND acked IS NOT NULL) AS ack_done,
    coalesce(live AND acked <= ack_due_at, 0) AS ack_in_time,
    (live AND replied_at IS NOT NULL) AS reply_done,
    coalesce(live AND replied_at <= reply_due_at, 0) AS reply_in_time,
    (live AND has_rating) AS rated,
    -- A case rated before ratings were kept counts its current rating as first and latest.
    CASE WHEN live THEN coalesce(CASE WHEN ratings <> '[]' THEN json_extract(ratings, '$[0].rating') ELSE rating END, 0) ELSE 0 END AS first_rating_sum,
    CASE WHEN live THEN coalesce(CASE WHEN ratings <> '[]' THEN json_extract(ratings, '$[#-1].rating') ELSE rating END, 0) ELSE 0 END AS last_rating_sum,
    (live AND has_rating AND reopen_count > 0) AS reopened_rated,
    status IN ('submitted', 'assigned', 'acknowledged', 'forwarded', 'reopened', 'replied') AS open
  FROM case_count_facts;

-- Per station, place's district and handling district: a few thousand rows for a province.
CREATE TABLE case_counts (
  station_id TEXT NOT NULL,
  district_id TEXT NOT NULL,
  handling_district_id TEXT NOT NULL,
  total INTEGER NOT NULL,
  n_submitted INTEGER NOT NULL,
  n_assigned INTEGER NOT NULL,
  n_acknowledged INTEGER NOT NULL,
  n_forwarded INTEGER NOT NULL,
  n_replied INTEGER NOT NULL,
  n_closed INTEGER NOT NULL,
  n_reopened INTEGER NOT NULL,
  n_withdrawn INTEGER NOT NULL,
  n_rejected INTEGER NOT NULL,
  rated_1 INTEGER NOT NULL,
  rated_2 INTEGER NOT NULL,
  rated_3 INTEGER NOT NULL,
  rated_4 INTEGER NOT NULL,
  rated_5 INTEGER NOT NULL,
  forwarded INTEGER NOT NULL,
  ack_done INTEGER NOT NULL,
  ack_in_time INTEGER NOT NULL,
  reply_done INTEGER NOT NULL,
  reply_in_time INTEGER NOT NULL,
  rated INTEGER NOT NULL,
  first_rating_sum INTEGER NOT NULL,
  last_rating_sum INTEGER NOT NULL,
  reopened_rated INTEGER NOT NULL,
  PRIMARY KEY (station_id, district_id, handling_district_id)
) WITHOUT ROWID;

-- The same groups by topic: the statistics' cases per topic. Topic first, then station: counting
-- per topic, or per topic and station, reads the rows in their stored order (no sorting).
CREATE TABLE case_topic_counts (
  topic TEXT NOT NULL,
  station_id TEXT NOT NULL,
  district_id TEXT NOT NULL,
  handling_district_id TEXT NOT NULL,
  total INTEGER NOT NULL,
  PRIMARY KEY (topic, station_id, district_id, handling_district_id)
) WITHOUT ROWID;

-- Per deputy (and the scope's columns): only what the dashboard's deputy bars read.
CREATE TABLE case_deputy_counts (
  deputy_id TEXT NOT NULL,
  station_id TEXT NOT NULL,
  district_id TEXT NOT NULL,
  handling_district_id TEXT NOT NULL,
  total INTEGER NOT NULL,
  open INTEGER NOT NULL,
  reply_done INTEGER NOT NULL,
  reply_in_time INTEGER NOT NULL,
  PRIMARY KEY (deputy_id, station_id, district_id, handling_district_id)
) WITHOUT ROWID;

-- The cases written before this migration: one pass over them per table.
INSERT INTO case_counts
  SELECT station_id, district_id, handling_district_id, count(*), sum(n_submitted), sum(n_assigned), sum(n_acknowledged), sum(n_forwarded),
    sum(n_replied), sum(n_closed), sum(n_reopened), sum(n_withdrawn), sum(n_rejected), sum(rated_1), sum(rated_2), sum(rated_3), sum(rated_4),
    sum(rated_5), sum(forwarded), sum(ack_done), sum(ack_in_time), sum(reply_done), sum(reply_in_time), sum(rated), sum(first_rating_sum),
    sum(last_rating_sum), sum(reopened_rated)
  FROM case_count_parts GROUP BY station_id, district_id, handling_district_id;
INSERT INTO case_topic_counts
  SELECT topic, station_id, district_id, handling_district_id, count(*) FROM case_count_parts GROUP BY topic, station_id, district_id, handling_district_id;
INSERT INTO case_deputy_counts
  SELECT deputy_id, station_id, district_id, handling_district_id, count(*), sum(open), sum(reply_done), sum(reply_in_time)
  FROM case_count_parts WHERE deputy_id IS NOT NULL GROUP BY deputy_id, station_id, district_id, handling_district_id;

-- One case's parts added (sign 1) or taken away (sign -1): the one place the tables are written.
CREATE VIEW case_count_changes AS SELECT 0 AS sign, * FROM case_count_parts WHERE 0;

CREATE TRIGGER case_count_change INSTEAD OF INSERT ON case_count_changes
BEGIN
  INSERT INTO case_counts VALUES (
    NEW.station_id, NEW.district_id, NEW.handling_district_id, NEW.sign,
    NEW.sign * NEW.n_submitted, NEW.sign * NEW.n_assigned, NEW.sign * NEW.n_acknowledged, NEW.sign * NEW.n_forwarded, NEW.sign * NEW.n_replied,
    NEW.sign * NEW.n_closed, NEW.sign * NEW.n_reopened, NEW.sign * NEW.n_withdrawn, NEW.sign * NEW.n_rejected,
    NEW.sign * NEW.rated_1, NEW.sign * NEW.rated_2, NEW.sign * NEW.rated_3, NEW.sign * NEW.rated_4, NEW.sign * NEW.rated_5,
    NEW.sign * NEW.forwarded, NEW.sign * NEW.ack_done, NEW.sign * NEW.ack_in_time, NEW.sign * NEW.reply_done, NEW.sign * NEW.reply_in_time,
    NEW.sign * NEW.rated, NEW.sign * NEW.first_rating_sum, NEW.sign * NEW.last_rating_sum, NEW.sign * NEW.reopened_rated
  ) ON CONFLICT (station_id, district_id, handling_district_id) DO UPDATE SET
    total = total + excluded.total,
    n_submitted = n_submitted + excluded.n_submitted,
    n_assigned = n_assigned + excluded.n_assigned,
    n_acknowledged = n_acknowledged + excluded.n_acknowledged,
    n_forwarded = n_forwarded + excluded.n_forwarded,
    n_replied = n_replied + excluded.n_replied,
    n_closed = n_closed + excluded.n_closed,
    n_reopened = n_reopened + excluded.n_reopened,
    n_withdrawn = n_withdrawn + excluded.n_withdrawn,
    n_rejected = n_rejected + excluded.n_rejected,
    rated_1 = rated_1 + excluded.rated_1,
    rated_2 = rated_2 + excluded.rated_2,
    rated_3 = rated_3 + excluded.rated_3,
    rated_4 = rated_4 + excluded.rated_4,
    rated_5 = rated_5 + excluded.rated_5,
    forwarded = forwarded + excluded.forwarded,
    ack_done = ack_done + excluded.ack_done,
    ack_in_time = ack_in_time + excluded.ack_in_time,
    reply_done = reply_done + excluded.reply_done,
    reply_in_time = reply_in_time + excluded.reply_in_time,
    rated = rated + excluded.rated,
    first_rating_sum = first_rating_sum + excluded.first_rating_sum,
    last_rating_sum = last_rating_sum + excluded.last_rating_sum,
    reopened_rated = reopened_rated + excluded.reopened_rated;
  INSERT INTO case_topic_counts VALUES (NEW.topic, NEW.station_id, NEW.district_id, NEW.handling_district_id, NEW.sign)
    ON CONFLICT (topic, station_id, district_id, handling_district_id) DO UPDATE SET total = total + excluded.total;
  INSERT INTO case_deputy_counts
    SELECT NEW.deputy_id, NEW.station_id, NEW.district_id, NEW.handling_district_id, NEW.sign, NEW.sign * NEW.open, NEW.sign * NEW.reply_done,
      NEW.sign * NEW.reply_in_time
    WHERE NEW.deputy_id IS NOT NULL
    ON CONFLICT (deputy_id, station_id, district_id, handling_district_id) DO UPDATE SET
      total = total + excluded.total,
      open = open + excluded.open,
      reply_done = reply_done + excluded.reply_done,
      reply_in_time = reply_in_time + excluded.reply_in_time;
END;

CREATE TRIGGER case_counts_case_added AFTER INSERT ON cases
BEGIN
  INSERT INTO case_count_changes SELECT 1, * FROM case_count_parts WHERE rid = NEW.rowid;
END;

CREATE TRIGGER case_counts_case_removed BEFORE DELETE ON cases
BEGIN
  INSERT INTO case_count_changes SELECT -1, * FROM case_count_parts WHERE rid = OLD.rowid;
END;

-- An update takes the case's old parts away (read before the row changes) and adds its new ones;
-- one that changes nothing counted (a reminder's escalation level, the text) does neither.
CREATE TRIGGER case_counts_case_leaving BEFORE UPDATE ON cases
WHEN OLD.station_id IS NOT NEW.station_id OR OLD.district_id IS NOT NEW.district_id OR OLD.handling_district_id IS NOT NEW.handling_district_id
  OR OLD.deputy_id IS NOT NEW.deputy_id OR OLD.topic IS NOT NEW.topic OR OLD.status IS NOT NEW.status OR OLD.merged_into IS NOT NEW.merged_into
  OR OLD.forwarded_to IS NOT NEW.forwarded_to OR OLD.acknowledged_at IS NOT NEW.acknowledged_at OR OLD.replied_at IS NOT NEW.replied_at
  OR OLD.ack_due_at IS NOT NEW.ack_due_at OR OLD.reply_due_at IS NOT NEW.reply_due_at OR OLD.rating IS NOT NEW.rating
  OR OLD.ratings IS NOT NEW.ratings OR OLD.reopen_count IS NOT NEW.reopen_count
BEGIN
  INSERT INTO case_count_changes SELECT -1, * FROM case_count_parts WHERE rid = OLD.rowid;
END;

CREATE TRIGGER case_counts_case_changed AFTER UPDATE ON cases
WHEN OLD.station_id IS NOT NEW.station_id OR OLD.district_id IS NOT NEW.district_id OR OLD.handling_district_id IS NOT NEW.handling_district_id
  OR OLD.deputy_id IS NOT NEW.deputy_id OR OLD.topic IS NOT NEW.topic OR OLD.status IS NOT NEW.status OR OLD.merged_into IS NOT NEW.merged_into
  OR OLD.forwarded_to IS NOT NEW.forwarded_to OR OLD.acknowledged_at IS NOT NEW.acknowledged_at OR OLD.replied_at IS NOT NEW.replied_at
  OR OLD.ack_due_at IS NOT NEW.ack_due_at OR OLD.reply_due_at IS NOT NEW.reply_due_at OR OLD.rating IS NOT NEW.rating
  OR OLD.ratings IS NOT NEW.ratings OR OLD.reopen_count IS NOT NEW.reopen_count
BEGIN
  INSERT INTO case_count_changes SELECT 1, * FROM case_count_parts WHERE rid = NEW.rowid;
END;

-- The unfinished cases (~4% of a province's): all that the figures of "now" can count. A live case
-- not yet replied (acknowledgement and reply due), a waiting one (late now), an open one with a
-- deadline (the inbox's overdue). Covering, and each figure's deadline stored as an expression
-- (null when the case does not count): a count compares four values a row and never reads the table.
CREATE INDEX cases_unfinished ON cases(
  station_id, district_id, handling_district_id, deputy_id,
  (CASE WHEN status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL AND coalesce(acknowledged_at, replied_at) IS NULL THEN ack_due_at END),
  (CASE WHEN status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL AND replied_at IS NULL THEN reply_due_at END),
  (CASE WHEN status IN ('submitted', 'assigned', 'acknowledged', 'forwarded', 'reopened') AND merged_into IS NULL
    THEN CASE WHEN coalesce(acknowledged_at, replied_at) IS NOT NULL THEN reply_due_at ELSE ack_due_at END END),
  (CASE WHEN status IN ('submitted', 'assigned', 'acknowledged', 'forwarded', 'reopened', 'replied') THEN next_due_at END),
  status, merged_into, replied_at, next_due_at
)
WHERE next_due_at IS NOT NULL OR status IN ('submitted', 'assigned', 'acknowledged', 'forwarded', 'reopened')
  OR (replied_at IS NULL AND status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL);
