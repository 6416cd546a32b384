-- 每月一次、上下同题: a campaign may repeat monthly (a series), each month's issue links to
-- its series; a district's or street's campaign may be adopted from a city-level one.
ALTER TABLE campaigns ADD COLUMN repeat TEXT; -- 'monthly' for a series
ALTER TABLE campaigns ADD COLUMN series_id TEXT;
ALTER TABLE campaigns ADD COLUMN period TEXT; -- YYYY-MM of an issue
ALTER TABLE campaigns ADD COLUMN adopted_from TEXT;
ALTER TABLE campaigns ADD COLUMN area_id TEXT;
ALTER TABLE campaigns ADD COLUMN level TEXT NOT NULL DEFAULT 'city';
-- Campaigns before this migration: a district organizer's are district level.
UPDATE campaigns SET level = 'district' WHERE scope_district_ids <> '[]';

-- One issue per series and month: the job run twice opens one.
CREATE UNIQUE INDEX campaigns_series_period ON campaigns(series_id, period) WHERE series_id IS NOT NULL;
CREATE INDEX campaigns_period ON campaigns(period) WHERE period IS NOT NULL;
CREATE INDEX campaigns_repeating ON campaigns(repeat, ends_at) WHERE repeat IS NOT NULL;
-- One adoption per city campaign and area: adopting twice is a conflict.
CREATE UNIQUE INDEX campaigns_adoption ON campaigns(adopted_from, area_id) WHERE adopted_from IS NOT NULL;
