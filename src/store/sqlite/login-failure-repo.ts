import type { LoginFailureRepo, UserLoginCounts } from '../ports.js'
import type { GroupCommit } from './group-commit.js'
import type { Db } from './open.js'

/**
 * Ended counts removed with each count written, at most this many: each call adds at most three
 * rows, so they never pile up, and the first try after a burst of guesses has expired does not
 * pay for deleting the whole burst at once.
 */
const PRUNED_PER_WRITE = 100

/** login_failures (migration 057): failed console logins and binding-code tries, each count one row, written through group commit. */
export function loginFailureRepo(db: Db, group: GroupCommit): LoginFailureRepo {
  // One statement per count: SQLite runs it alone, so tries at once (here or in another process
  // on the file) each add their one. The old values on the right of SET: a row whose window ended
  // starts again at 1 with a new window.
  const count = db.prepare(`INSERT INTO login_failures (kind, username, client, failures, resets_at) VALUES (@kind, @username, @client, 1, @resetsAt)
    ON CONFLICT (kind, username, client) DO UPDATE SET
      failures = CASE WHEN resets_at > @now THEN failures + 1 ELSE 1 END,
      resets_at = CASE WHEN resets_at > @now THEN resets_at ELSE excluded.resets_at END
    RETURNING failures, resets_at`)
  const prune = db.prepare(`DELETE FROM login_failures WHERE (kind, username, client) IN
    (SELECT kind, username, client FROM login_failures WHERE resets_at <= ? LIMIT ${PRUNED_PER_WRITE})`)
  const clear = db.prepare('DELETE FROM login_failures WHERE kind = @kind AND username = @username AND client = @client')
  // By the primary key's first two columns, as clearUser: a page of accounts reads only its own rows.
  const userCounts = db.prepare(`SELECT kind, username, MAX(failures) AS failures FROM login_failures
    WHERE kind IN ('user', 'user_at_client') AND username IN (SELECT value FROM json_each(?)) AND resets_at > ?
    GROUP BY kind, username`)
  return {
    async add(keys, windowMs, now) {
      const at = now.toISOString()
      const resetsAt = new Date(now.getTime() + windowMs).toISOString()
      return group.run(() => {
        prune.run(at)
        return keys.map((key) => {
          const row = count.get({ ...key, now: at, resetsAt }) as { failures: number; resets_at: string }
          return { failures: row.failures, resetsInMs: Math.max(Date.parse(row.resets_at) - now.getTime(), 0) }
        })
      })
    },
    async clear(keys) {
      await group.run(() => keys.forEach((key) => clear.run(key)))
    },
    async takeBack(key, now) {
      await group.run(() =>
        db
          .prepare(
            `UPDATE login_failures SET failures = failures - 1
              WHERE kind = @kind AND username = @username AND client = @client AND resets_at > @now AND failures > 0`,
          )
          .run({ ...key, now: now.toISOString() }),
      )
    },
    async userCounts(usernames, now) {
      const out = new Map<string, UserLoginCounts>()
      if (!usernames.length) return out
      const rows = userCounts.all(JSON.stringify(usernames), now.toISOString()) as Array<{ kind: string; username: string; failures: number }>
      for (const r of rows) {
        const counts = out.get(r.username) ?? { atOneAddress: 0, everywhere: 0 }
        if (r.kind === 'user') counts.everywhere = r.failures
        else counts.atOneAddress = r.failures
        out.set(r.username, counts)
      }
      return out
    },
    async clearUser(username) {
      // Both kinds by the primary key's first two columns: no scan of the other addresses' rows.
      await group.run(() => db.prepare("DELETE FROM login_failures WHERE kind IN ('user', 'user_at_client') AND username = ?").run(username))
    },
  }
}
