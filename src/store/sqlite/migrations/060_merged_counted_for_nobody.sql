-- A merged message (合并办理) is handled with the one it joined, by that one's deputy (CaseRecord.mergedInto):
-- the per-deputy counts (工作概览's 各位代表的办理情况, 统计分析 按代表) count it for nobody, once as the
-- message it joined, no longer also for the deputy it was first given to. The parts' deputy becomes null for a
-- merged case (the triggers of 036 read the view, so a merge now takes the case off its deputy's counts), and
-- the kept per-deputy counts are counted again from the cases.
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

DELETE FROM case_deputy_counts;
INSERT INTO case_deputy_counts
  SELECT deputy_id, station_id, district_id, handling_district_id, count(*), sum(open), sum(reply_done), sum(reply_in_time)
  FROM case_count_parts WHERE deputy_id IS NOT NULL GROUP BY deputy_id, station_id, district_id, handling_district_id;
