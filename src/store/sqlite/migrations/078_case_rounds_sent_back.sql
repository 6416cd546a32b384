-- A message sent back for 重新办理 keeps its round's acknowledgement and answer where they happened (review 37 § 10).
-- A reopen clears acknowledged_at and replied_at for the new round and counts new deadlines, so the counts lost the
-- deputy's first acknowledgement and answer, made in time, while keeping the resident's score of that answer: a
-- deputy's record read "按时受理 0%, 按时答复 —, 平均满意度 2" for one who answered the same day. Each round is judged
-- by its own deadlines (src/domain/rounds-sent-back.ts): the rounds sent back are counted here, how many and how
-- many of them were acknowledged and answered in time, and 按时受理 and 按时答复 add them to the round in progress.
-- Messages reopened before this keep no such count: their earlier rounds stay uncounted, as before.
ALTER TABLE cases ADD COLUMN sent_back_rounds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN sent_back_ack_in_time INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN sent_back_reply_in_time INTEGER NOT NULL DEFAULT 0;

-- The parts one case adds to the kept counts (060's, the rounds sent back added to the acknowledgements and answers
-- due and in time): every change of a case goes through them (036's triggers).
DROP VIEW case_count_parts;

CREATE VIEW case_count_parts AS
  SELECT rid,
    coalesce(station_id, '') AS station_id,
    coalesce(district_id, '') AS district_id,
    coalesce(handling_district_id, '') AS handling_district_id,
    -- A merged message counts for no deputy: it is counted once, as the message it joined (CaseRecord.mergedInto).
    CASE WHEN merged_into IS NULL THEN deputy_id END AS deputy_id,
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
    (live AND acked IS NOT NULL) + CASE WHEN live THEN sent_back_rounds ELSE 0 END AS ack_done,
    coalesce(live AND acked <= ack_due_at, 0) + CASE WHEN live THEN sent_back_ack_in_time ELSE 0 END AS ack_in_time,
    (live AND replied_at IS NOT NULL) + CASE WHEN live THEN sent_back_rounds ELSE 0 END AS reply_done,
    coalesce(live AND replied_at <= reply_due_at, 0) + CASE WHEN live THEN sent_back_reply_in_time ELSE 0 END AS reply_in_time,
    (live AND has_rating) AS rated,
    -- A case rated before ratings were kept counts its current rating as first and latest.
    CASE WHEN live THEN coalesce(CASE WHEN ratings <> '[]' THEN json_extract(ratings, '$[0].rating') ELSE rating END, 0) ELSE 0 END AS first_rating_sum,
    CASE WHEN live THEN coalesce(CASE WHEN ratings <> '[]' THEN json_extract(ratings, '$[#-1].rating') ELSE rating END, 0) ELSE 0 END AS last_rating_sum,
    (live AND has_rating AND reopen_count > 0) AS reopened_rated,
    status IN ('submitted', 'assigned', 'acknowledged', 'forwarded', 'reopened', 'replied') AS open
  FROM case_count_facts;

-- A new message's counts, written straight from its row (070's, with the same additions: a case written with rounds
-- sent back, as a history import writes one, counts them as its changes do).
DROP TRIGGER case_counts_case_added;

CREATE TRIGGER case_counts_case_added AFTER INSERT ON cases
BEGIN
  INSERT INTO case_counts VALUES (
    coalesce(NEW.station_id, ''), coalesce(NEW.district_id, ''), coalesce(NEW.handling_district_id, ''), 1,
    NEW.status = 'submitted', NEW.status = 'assigned', NEW.status = 'acknowledged', NEW.status = 'forwarded', NEW.status = 'replied',
    NEW.status = 'closed', NEW.status = 'reopened', NEW.status = 'withdrawn', NEW.status = 'rejected',
    NEW.rating IS 1, NEW.rating IS 2, NEW.rating IS 3, NEW.rating IS 4, NEW.rating IS 5,
    NEW.forwarded_to IS NOT NULL,
    ((NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL) AND coalesce(NEW.acknowledged_at, NEW.replied_at) IS NOT NULL)
      + CASE WHEN (NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL) THEN NEW.sent_back_rounds ELSE 0 END,
    coalesce((NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL) AND coalesce(NEW.acknowledged_at, NEW.replied_at) <= NEW.ack_due_at, 0)
      + CASE WHEN (NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL) THEN NEW.sent_back_ack_in_time ELSE 0 END,
    ((NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL) AND NEW.replied_at IS NOT NULL)
      + CASE WHEN (NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL) THEN NEW.sent_back_rounds ELSE 0 END,
    coalesce((NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL) AND NEW.replied_at <= NEW.reply_due_at, 0)
      + CASE WHEN (NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL) THEN NEW.sent_back_reply_in_time ELSE 0 END,
    ((NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL) AND (NEW.ratings <> '[]' OR NEW.rating IS NOT NULL)),
    CASE WHEN (NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL)
      THEN coalesce(CASE WHEN NEW.ratings <> '[]' THEN json_extract(NEW.ratings, '$[0].rating') ELSE NEW.rating END, 0) ELSE 0 END,
    CASE WHEN (NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL)
      THEN coalesce(CASE WHEN NEW.ratings <> '[]' THEN json_extract(NEW.ratings, '$[#-1].rating') ELSE NEW.rating END, 0) ELSE 0 END,
    ((NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL) AND (NEW.ratings <> '[]' OR NEW.rating IS NOT NULL) AND NEW.reopen_count > 0)
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
  INSERT INTO case_topic_counts VALUES (NEW.topic, coalesce(NEW.station_id, ''), coalesce(NEW.district_id, ''), coalesce(NEW.handling_district_id, ''), 1)
    ON CONFLICT (topic, station_id, district_id, handling_district_id) DO UPDATE SET total = total + excluded.total;
  INSERT INTO case_deputy_counts
    SELECT NEW.deputy_id, coalesce(NEW.station_id, ''), coalesce(NEW.district_id, ''), coalesce(NEW.handling_district_id, ''), 1,
      NEW.status IN ('submitted', 'assigned', 'acknowledged', 'forwarded', 'reopened', 'replied'),
      ((NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL) AND NEW.replied_at IS NOT NULL)
        + CASE WHEN (NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL) THEN NEW.sent_back_rounds ELSE 0 END,
      coalesce((NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL) AND NEW.replied_at <= NEW.reply_due_at, 0)
        + CASE WHEN (NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL) THEN NEW.sent_back_reply_in_time ELSE 0 END
    WHERE NEW.deputy_id IS NOT NULL AND NEW.merged_into IS NULL
    ON CONFLICT (deputy_id, station_id, district_id, handling_district_id) DO UPDATE SET
      total = total + excluded.total,
      open = open + excluded.open,
      reply_done = reply_done + excluded.reply_done,
      reply_in_time = reply_in_time + excluded.reply_in_time;
END;

-- A change of the rounds sent back alone changes the counts too (036's triggers, the new columns added to when they fire).
DROP TRIGGER case_counts_case_leaving;
DROP TRIGGER case_counts_case_changed;

CREATE TRIGGER case_counts_case_leaving BEFORE UPDATE ON cases
WHEN OLD.station_id IS NOT NEW.station_id OR OLD.district_id IS NOT NEW.district_id OR OLD.handling_district_id IS NOT NEW.handling_district_id
  OR OLD.deputy_id IS NOT NEW.deputy_id OR OLD.topic IS NOT NEW.topic OR OLD.status IS NOT NEW.status OR OLD.merged_into IS NOT NEW.merged_into
  OR OLD.forwarded_to IS NOT NEW.forwarded_to OR OLD.acknowledged_at IS NOT NEW.acknowledged_at OR OLD.replied_at IS NOT NEW.replied_at
  OR OLD.ack_due_at IS NOT NEW.ack_due_at OR OLD.reply_due_at IS NOT NEW.reply_due_at OR OLD.rating IS NOT NEW.rating
  OR OLD.ratings IS NOT NEW.ratings OR OLD.reopen_count IS NOT NEW.reopen_count
  OR OLD.sent_back_rounds IS NOT NEW.sent_back_rounds OR OLD.sent_back_ack_in_time IS NOT NEW.sent_back_ack_in_time
  OR OLD.sent_back_reply_in_time IS NOT NEW.sent_back_reply_in_time
BEGIN
  INSERT INTO case_count_changes SELECT -1, * FROM case_count_parts WHERE rid = OLD.rowid;
END;

CREATE TRIGGER case_counts_case_changed AFTER UPDATE ON cases
WHEN OLD.station_id IS NOT NEW.station_id OR OLD.district_id IS NOT NEW.district_id OR OLD.handling_district_id IS NOT NEW.handling_district_id
  OR OLD.deputy_id IS NOT NEW.deputy_id OR OLD.topic IS NOT NEW.topic OR OLD.status IS NOT NEW.status OR OLD.merged_into IS NOT NEW.merged_into
  OR OLD.forwarded_to IS NOT NEW.forwarded_to OR OLD.acknowledged_at IS NOT NEW.acknowledged_at OR OLD.replied_at IS NOT NEW.replied_at
  OR OLD.ack_due_at IS NOT NEW.ack_due_at OR OLD.reply_due_at IS NOT NEW.reply_due_at OR OLD.rating IS NOT NEW.rating
  OR OLD.ratings IS NOT NEW.ratings OR OLD.reopen_count IS NOT NEW.reopen_count
  OR OLD.sent_back_rounds IS NOT NEW.sent_back_rounds OR OLD.sent_back_ack_in_time IS NOT NEW.sent_back_ack_in_time
  OR OLD.sent_back_reply_in_time IS NOT NEW.sent_back_reply_in_time
BEGIN
  INSERT INTO case_count_changes SELECT 1, * FROM case_count_parts WHERE rid = NEW.rowid;
END;
