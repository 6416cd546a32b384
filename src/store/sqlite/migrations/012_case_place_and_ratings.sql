-- A case keeps the resident's place: district_id is the district of the place and never
-- follows a transfer; handling_district_id is where it is being handled (the district of
-- its station or office). Ratings become history: every rating, oldest first, as JSON.
ALTER TABLE cases ADD COLUMN handling_district_id TEXT;
ALTER TABLE cases ADD COLUMN ratings TEXT NOT NULL DEFAULT '[]';

-- Until now district_id followed the handling station: that is the handling district.
UPDATE cases SET handling_district_id = district_id;

-- The place's district again, from the place the resident gave, where it is known.
UPDATE cases SET district_id = (
  WITH RECURSIVE up(id, parent_id, kind) AS (
    SELECT id, parent_id, kind FROM regions WHERE id = coalesce(cases.region_id, cases.community_id)
    UNION ALL
    SELECT r.id, r.parent_id, r.kind FROM regions r JOIN up ON r.id = up.parent_id
  )
  SELECT id FROM up WHERE kind = 'district' LIMIT 1
)
WHERE coalesce(region_id, community_id) IS NOT NULL AND EXISTS (
  WITH RECURSIVE up(id, parent_id, kind) AS (
    SELECT id, parent_id, kind FROM regions WHERE id = coalesce(cases.region_id, cases.community_id)
    UNION ALL
    SELECT r.id, r.parent_id, r.kind FROM regions r JOIN up ON r.id = up.parent_id
  )
  SELECT 1 FROM up WHERE kind = 'district'
);

-- Ratings given so far, from the timeline's rating events.
UPDATE cases SET ratings = coalesce((
  SELECT json_group_array(json_object('rating', json_extract(e.data, '$.rating'), 'comment', e.note, 'at', e.at))
  FROM (SELECT data, note, at FROM case_events WHERE case_id = cases.id AND type = 'rated' ORDER BY seq) e
), '[]');

CREATE INDEX cases_handling_district ON cases(handling_district_id, created_at);
CREATE INDEX cases_merged_into ON cases(merged_into) WHERE merged_into IS NOT NULL;
