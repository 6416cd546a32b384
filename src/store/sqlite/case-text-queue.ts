import type { Db } from './open.js'
import type { GroupCommit } from './group-commit.js'

/**
 * A new case's text indexed once per group commit instead of once per case (migration 044: why,
 * and how the triggers queue a case while the marker row exists). Returns `defer`, for each
 * grouped write that inserts cases to call before its INSERT: it puts the marker, inside the
 * write's savepoint, so a write undone takes it back. The group's last step indexes what was
 * queued, with its text as it then is, and leaves both tables empty before COMMIT.
 */
export function caseTextQueue(db: Db, group: GroupCommit): { defer: () => void } {
  const mark = db.prepare('INSERT OR IGNORE INTO cases_fts_deferring (one) VALUES (1)')
  const unmark = db.prepare('DELETE FROM cases_fts_deferring')
  // Outside any savepoint, so FTS5 writes one segment for the whole group.
  const index = db.prepare(
    'INSERT INTO cases_fts (rowid, text) SELECT cases.rowid, cases.text FROM cases_fts_pending JOIN cases ON cases.rowid = cases_fts_pending.case_rowid',
  )
  const empty = db.prepare('DELETE FROM cases_fts_pending')
  let deferred = false
  group.beforeCommit(() => {
    // Also after a group whose every write was undone: then the marker is gone with them and
    // nothing is queued, and these are a few cheap statements.
    if (!deferred) return
    deferred = false
    index.run()
    empty.run()
    unmark.run()
  })
  return {
    defer() {
      deferred = true
      mark.run()
    },
  }
}
