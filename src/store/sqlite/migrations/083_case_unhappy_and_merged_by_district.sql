-- 工作概览's 群众不满意 and 合并办理 figures for a district office (countUpTo through each scope column: the place's
-- district and the handling one) read every case of the district through its due index (cases_district_due, 029) to
-- find the few unhappy or merged ones: two scans of ~50,000 rows each, ~300 ms of CPU at every first look after a
-- change at a province. Their own partial indexes (059, 012) are not keyed by district, so SQLite rightly preferred the
-- district's. These are both: the few unhappy (or merged) cases of one district, newest first, with the id the count
-- and the union of the two columns read from the index alone. The conditions are filterClauses's word for word (2 is
-- UNHAPPY_AT_MOST) so that SQLite sees the query's terms imply them. A new message is neither: it writes no entry.
CREATE INDEX cases_unhappy_district ON cases(district_id, created_at, id) WHERE rating <= 2 OR (rating IS NULL AND reopen_count > 0);
CREATE INDEX cases_unhappy_handling_district ON cases(handling_district_id, created_at, id) WHERE rating <= 2 OR (rating IS NULL AND reopen_count > 0);
CREATE INDEX cases_merged_district ON cases(district_id, created_at, id) WHERE merged_into IS NOT NULL;
CREATE INDEX cases_merged_handling_district ON cases(handling_district_id, created_at, id) WHERE merged_into IS NOT NULL;
