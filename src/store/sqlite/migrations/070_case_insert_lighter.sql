-- Lighter for every new message, which each of these costs on every submission (measured on the store alone:
-- a case, its two events and its message, in groups of 50, about 110 µs of CPU a message before):

-- 1. A new message's counts written straight from its row (~5 µs). The trigger of migration 036 read the case
-- back through the views case_count_parts and case_count_facts and handed the row to the INSTEAD OF trigger of
-- case_count_changes, a trigger inside a trigger. The figures here are the views' own, each expression copied
-- with NEW. before every column (live: neither withdrawn, rejected nor merged; a merged case counted for no
-- deputy, migration 060); a case's changes and its deletion still go through the views (036), which also
-- recount the tables from the cases. test/store/case-counts-inserted.test.ts checks these rows against the
-- views' counts for cases of every kind.
DROP TRIGGER case_counts_case_added;


CREATE TRIGGER case_counts_case_added AFTER INSERT ON cases
BEGIN
  INSERT INTO case_counts VALUES (
    coalesce(NEW.station_id, ''), coalesce(NEW.district_id, ''), coalesce(NEW.handling_district_id, ''), 1,
    NEW.status = 'submitted', NEW.status = 'assigned', NEW.status = 'acknowledged', NEW.status = 'forwarded', NEW.status = 'replied',
    NEW.status = 'closed', NEW.status = 'reopened', NEW.status = 'withdrawn', NEW.status = 'rejected',
    NEW.rating IS 1, NEW.rating IS 2, NEW.rating IS 3, NEW.rating IS 4, NEW.rating IS 5,
    NEW.forwarded_to IS NOT NULL,
    ((NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL) AND coalesce(NEW.acknowledged_at, NEW.replied_at) IS NOT NULL),
    coalesce((NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL) AND coalesce(NEW.acknowledged_at, NEW.replied_at) <= NEW.ack_due_at, 0),
    ((NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL) AND NEW.replied_at IS NOT NULL),
    coalesce((NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL) AND NEW.replied_at <= NEW.reply_due_at, 0),
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
      ((NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL) AND NEW.replied_at IS NOT NULL),
      coalesce((NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL) AND NEW.replied_at <= NEW.reply_due_at, 0)
    WHERE NEW.deputy_id IS NOT NULL AND NEW.merged_into IS NULL
    ON CONFLICT (deputy_id, station_id, district_id, handling_district_id) DO UPDATE SET
      total = total + excluded.total,
      open = open + excluded.open,
      reply_done = reply_done + excluded.reply_done,
      reply_in_time = reply_in_time + excluded.reply_in_time;
END;

-- 2. cases_resident (resident_id, created_at) dropped (~6 µs and one page of the log a message: each person's
-- cases sit apart in it, so every new message dirtied a page of its own there). A person's own cases are few
-- (tens; hundreds for a busy block's spokeswoman) and the unique index of (resident_id, idempotency_key), which
-- every message writes anyway, finds them all: her list, the number she types, her answers waiting for a score
-- read them through it and sort them (test/store/query-plans.test.ts).
DROP INDEX IF EXISTS cases_resident;
