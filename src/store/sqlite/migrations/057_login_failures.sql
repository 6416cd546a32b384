-- Failed console logins, counted within a window (LoginThrottle): kept here rather than in the
-- process's memory, so that a restart or a deploy does not give a guesser a fresh set of tries, and
-- every process on this file counts together. One row per count: a user name at one address, one
-- address ('' for the name), or a user name from everywhere ('' for the address). A row whose window
-- has ended counts as nothing; such rows are pruned as new failures are counted (by resets_at).
CREATE TABLE login_failures (
  kind TEXT NOT NULL,
  username TEXT NOT NULL,
  client TEXT NOT NULL,
  failures INTEGER NOT NULL,
  resets_at TEXT NOT NULL,
  PRIMARY KEY (kind, username, client)
) WITHOUT ROWID;

CREATE INDEX login_failures_resets ON login_failures(resets_at);
