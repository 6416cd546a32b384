-- A 述职评议 that closed with fewer raters than its ratings need to be shown (APPRAISAL_MIN_SHOWN) may be reopened once
-- by the office (src/services/records/appraisals.ts extend): when and by whom, so that a second reopening is refused
-- (the office may not keep a deputy's appraisal open until the ratings suit it). Null: never reopened.
ALTER TABLE record_appraisals ADD COLUMN reopened_at TEXT;
ALTER TABLE record_appraisals ADD COLUMN reopened_by TEXT;
