import type { Statement } from 'better-sqlite3'
import type { Db } from './open.js'

interface Pending {
  run: () => unknown
  resolve: (value: unknown) => void
  reject: (err: unknown) => void
}

/**
 * Group commit: every write that arrives in one turn of the event loop shares one
 * transaction, so one fsync makes a whole group durable (synchronous=FULL costs a disk
 * flush per commit). Each write runs in its own savepoint, so one that fails is undone
 * alone; each caller is answered only after the group's COMMIT is on disk.
 */
export class GroupCommit {
  private queue: Pending[] = []
  private readonly beforeCommitHooks: Array<() => void> = []
  private scheduled = false
  /** Prepared once: `exec` compiles its SQL on every call, twice per write and twice per group. */
  private readonly begin: Statement
  private readonly commit: Statement
  private readonly savepoint: Statement
  private readonly release: Statement
  private readonly rollbackTo: Statement

  constructor(private readonly db: Db) {
    this.begin = db.prepare('BEGIN IMMEDIATE')
    this.commit = db.prepare('COMMIT')
    this.savepoint = db.prepare('SAVEPOINT grouped_write')
    this.release = db.prepare('RELEASE grouped_write')
    this.rollbackTo = db.prepare('ROLLBACK TO grouped_write')
  }

  /**
   * Work done once per group, inside its transaction, after every write's savepoint is released
   * and before COMMIT (work that costs more per savepoint than per group, such as the text index).
   * A hook that throws fails the whole group, as a failed COMMIT does: every caller is rejected.
   */
  beforeCommit(hook: () => void) {
    this.beforeCommitHooks.push(hook)
  }

  run<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run: write, resolve: resolve as (v: unknown) => void, reject })
      if (!this.scheduled) {
        this.scheduled = true
        setImmediate(() => this.flush())
      }
    })
  }

  private flush() {
    this.scheduled = false
    const group = this.queue
    this.queue = []
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = []
    try {
      this.begin.run()
      for (const write of group) {
        this.savepoint.run()
        try {
          outcomes.push({ ok: true, value: write.run() })
          this.release.run()
        } catch (error) {
          this.rollbackTo.run()
          this.release.run()
          outcomes.push({ ok: false, error })
        }
      }
      for (const hook of this.beforeCommitHooks) hook()
      this.commit.run()
    } catch (error) {
      // The group as a whole failed (disk full, store closed, a hook): nobody was written.
      try {
        if (this.db.open && this.db.inTransaction) this.db.exec('ROLLBACK')
      } catch {
        // nothing more to undo
      }
      for (const write of group) write.reject(error)
      return
    }
    group.forEach((write, i) => {
      const outcome = outcomes[i]
      if (outcome.ok) write.resolve(outcome.value)
      else write.reject(outcome.error)
    })
  }
}
