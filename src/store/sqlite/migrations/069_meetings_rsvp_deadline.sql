-- The daily digest asks for answers due within the week, for meetings further off: found by their
-- deadline, not by reading every published meeting of the calendar ahead.
CREATE INDEX meetings_status_rsvp_deadline ON meetings(status, rsvp_deadline);
