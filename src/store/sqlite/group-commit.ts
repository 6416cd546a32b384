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
  private scheduled = false

  constructor(private readonly db: Db) {}

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
      this.db.exec('BEGIN IMMEDIATE')
      for (const write of group) {
        this.db.exec('SAVEPOINT grouped_write')
        try {
          outcomes.push({ ok: true, value: write.run() })
          this.db.exec('RELEASE grouped_write')
        } catch (error) {
          this.db.exec('ROLLBACK TO grouped_write')
          this.db.exec('RELEASE grouped_write')
          outcomes.push({ ok: false, error })
        }
      }
      this.db.exec('COMMIT')
    } catch (error) {
      // The group as a whole failed (disk full, store closed): nobody was written.
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
