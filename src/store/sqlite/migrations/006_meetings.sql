-- Meetings with their invitees (answers and check-ins) and places for public attendance.
CREATE TABLE meetings (
  id              TEXT PRIMARY KEY,
  short_code      TEXT NOT NULL UNIQUE, -- in the check-in QR code: scene m=<code>
  title           TEXT NOT NULL,
  kind            TEXT NOT NULL,
  status          TEXT NOT NULL,
  start_at        TEXT NOT NULL,
  end_at          TEXT NOT NULL,
  place           TEXT NOT NULL,
  agenda          TEXT NOT NULL,
  attachments     TEXT NOT NULL, -- JSON array of { name, url }
  selector        TEXT NOT NULL, -- JSON object: the invitee selector
  public_seats    INTEGER NOT NULL DEFAULT 0,
  rsvp_deadline   TEXT,
  district_ids    TEXT NOT NULL, -- JSON array; empty for a city-level meeting
  created_by      TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  published_at    TEXT,
  cancelled_at    TEXT,
  cancel_reason   TEXT,
  change_seq      INTEGER NOT NULL DEFAULT 0,
  reminders_sent  TEXT NOT NULL, -- JSON array of lead hours sent for the current start
  nudge_rounds    INTEGER NOT NULL DEFAULT 0,
  version         INTEGER NOT NULL
);
CREATE INDEX meetings_status_start ON meetings(status, start_at);
CREATE INDEX meetings_start ON meetings(start_at, id);
CREATE INDEX meetings_created_by ON meetings(created_by);

CREATE TABLE meeting_invitees (
  meeting_id     TEXT NOT NULL REFERENCES meetings(id),
  person_kind    TEXT NOT NULL, -- deputy | staff
  person_id      TEXT NOT NULL,
  seq            INTEGER NOT NULL, -- order of invitation
  name           TEXT NOT NULL,
  rsvp           TEXT NOT NULL DEFAULT 'pending', -- pending | attend | leave
  reason         TEXT,
  rsvp_at        TEXT,
  checked_in_at  TEXT,
  PRIMARY KEY (meeting_id, person_kind, person_id)
);
CREATE INDEX meeting_invitees_person ON meeting_invitees(person_kind, person_id);

CREATE TABLE meeting_public_registrations (
  meeting_id  TEXT NOT NULL REFERENCES meetings(id),
  mp_user_id  TEXT NOT NULL,
  name        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (meeting_id, mp_user_id)
);
