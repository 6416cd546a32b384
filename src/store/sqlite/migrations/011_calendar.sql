-- The business calendar: the State Council's holiday schedule, one row per year, imported
-- from the holiday-cn format; and, on each case, whether its deadlines were counted over a
-- year not yet imported (provisional).
CREATE TABLE calendar_years (
  year         INTEGER PRIMARY KEY,
  days         TEXT NOT NULL, -- JSON array of {date, name, isOffDay}, in date order
  imported_at  TEXT NOT NULL,
  imported_by  TEXT NOT NULL
);

ALTER TABLE cases ADD COLUMN deadlines_provisional INTEGER NOT NULL DEFAULT 0;
