-- Reception duty a deputy sat at a station he no longer belongs to (moved to another station by an
-- import or an edit). Days before the move stay that station's roster history and count in his
-- 履职档案; his days there after the move are dropped with the move, as before. Moving back to the
-- station puts them back on his station row.
CREATE TABLE deputy_former_duty (
  deputy_id  TEXT NOT NULL REFERENCES deputies(id) ON DELETE CASCADE,
  station_id TEXT NOT NULL,
  duty_dates TEXT NOT NULL, -- JSON array, sorted, never empty
  PRIMARY KEY (deputy_id, station_id)
);
CREATE INDEX deputy_former_duty_station ON deputy_former_duty(station_id);

-- An invitee no longer expected at a meeting ahead: a deputy who left office, or moved away from the
-- stations (or districts) it is for, before it began. JSON {"reason","at","to"}; NULL while invited.
-- He stays on the list, marked 已离任 / 已调到…, counted, reminded and asked for nothing.
ALTER TABLE meeting_invitees ADD COLUMN withdrawn TEXT;
