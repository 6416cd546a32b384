-- A consultation's 采纳情况, once the office has published it: a column of the survey, so whoever
-- reads the survey sees it. It was kept as a one-off step (app_markers, named
-- survey-outcome-published:<survey id>); those are carried over here and removed, so there is one
-- record of it. Written by the store alone (publishOutcome), never by a correction of the survey.
ALTER TABLE surveys ADD COLUMN outcome_published_at TEXT;
UPDATE surveys
   SET outcome_published_at = (SELECT m.done_at FROM app_markers m WHERE m.name = 'survey-outcome-published:' || surveys.id)
 WHERE kind = 'consultation'
   AND EXISTS (SELECT 1 FROM app_markers m WHERE m.name = 'survey-outcome-published:' || surveys.id);
DELETE FROM app_markers WHERE name LIKE 'survey-outcome-published:%';
-- The console's 逐条意见 reads a page at a time, oldest first, with or without a filter on the article.
CREATE INDEX survey_opinions_page ON survey_opinions(survey_id, created_at, id);
