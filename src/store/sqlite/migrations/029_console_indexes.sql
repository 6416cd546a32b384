-- Indexes for the console's lists at a province's scale (a million cases, half a million
-- messages): each filter of the inbox and the outbox finds its rows through an index that
-- also gives the list's order, so a page reads about a page of rows, never the table.
-- test/store/query-plans.test.ts checks every list shape against these with EXPLAIN QUERY PLAN.
CREATE INDEX cases_status_created ON cases(status, created_at, id);
CREATE INDEX cases_topic_created ON cases(topic, created_at, id);
CREATE INDEX cases_deputy_created ON cases(deputy_id, created_at, id);
CREATE INDEX cases_region_created ON cases(region_id, created_at, id);
CREATE INDEX cases_rating_created ON cases(rating, created_at, id);
CREATE INDEX cases_next_due ON cases(next_due_at);
-- The "due first" order sorts by this very expression (null deadlines last).
CREATE INDEX cases_due_order ON cases(coalesce(next_due_at, '9999'), id);
CREATE INDEX cases_station_due ON cases(station_id, coalesce(next_due_at, '9999'), id);
CREATE INDEX cases_district_due ON cases(district_id, coalesce(next_due_at, '9999'), id);
CREATE INDEX cases_handling_district_due ON cases(handling_district_id, coalesce(next_due_at, '9999'), id);

-- The outbox console lists by id within a status, channel or kind.
CREATE INDEX outbox_status_id ON outbox(status, id);
CREATE INDEX outbox_channel_id ON outbox(channel, id);
CREATE INDEX outbox_kind_id ON outbox(kind, id);
