-- Uploaded files (residents' photos, units' photos, meeting papers) and what became of them: a
-- row when the file is stored, attached_at when a message, meeting or report first keeps it. The
-- unattached-uploads job deletes files nothing kept within the grace period, found through the
-- partial indexes below (only rows still unattached are in them), never by reading the cases.
-- deleting_at: a deletion has taken the row, and attaching it is refused from then on.
CREATE TABLE uploads (
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  attached_at TEXT,
  deleting_at TEXT,
  PRIMARY KEY (kind, name)
) WITHOUT ROWID;

CREATE INDEX uploads_unattached ON uploads(kind, uploaded_at) WHERE attached_at IS NULL;
CREATE INDEX uploads_unattached_owner ON uploads(owner_id, kind, uploaded_at) WHERE attached_at IS NULL;
