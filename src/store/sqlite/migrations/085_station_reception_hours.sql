-- A station's reception hours (接待时间): one range for each of its reception days, "H:MM" 24-hour, both or neither.
-- Stations kept before say nothing of hours, as before (NULL).
ALTER TABLE stations ADD COLUMN reception_from TEXT;
ALTER TABLE stations ADD COLUMN reception_to TEXT;
