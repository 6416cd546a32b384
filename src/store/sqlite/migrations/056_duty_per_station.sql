-- Reception duty days belong to a deputy at one station, not to the deputy: each station's staff
-- keep their own roster, and routing counts a deputy on duty only where they sit that day.
-- The days move onto the deputy's station rows. Which station a day was entered for was never
-- recorded, so every station of the deputy keeps them: each station's roster and routing show
-- what they showed before, nothing disappears, and each station's staff remove the days that are
-- not theirs. A deputy of one station (nearly all) is exactly as before.
ALTER TABLE deputy_stations ADD COLUMN duty_dates TEXT NOT NULL DEFAULT '[]'; -- JSON array, sorted

UPDATE deputy_stations SET duty_dates = (SELECT d.duty_dates FROM deputies d WHERE d.id = deputy_stations.deputy_id)
  WHERE EXISTS (SELECT 1 FROM deputies d WHERE d.id = deputy_stations.deputy_id AND d.duty_dates NOT IN ('', '[]'));

ALTER TABLE deputies DROP COLUMN duty_dates;
