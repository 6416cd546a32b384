import type { Statement } from 'better-sqlite3'
import type { Db } from './open.js'
import { walSyncFor, type WalSync } from './wal-sync.js'

interface Pending {
  run: () => unknown
  resolve: (value: unknown) => void
  reject: (err: unknown) => void
}

interface Committed {
  answer: () => void
  fail: (error: unknown) => void
}

export interface GroupCommitOptions {
  /**
   * Makes a committed group durable before its writers are answered. By default the fdatasync
   * of the WAL file off the event loop (walSyncFor), none for a database in memory; tests pass
   * their own to hold or fail it.
   */
  sync?: WalSync | null
}

/**
 * Group commit: every write that arrives in one turn of the event loop shares one
 * transaction, so one disk flush makes a whole group durable. Each write runs in its own
 * savepoint, so one that fails is undone alone; each caller is answered only after the
 * group's COMMIT is on disk.
 *
 * The flush is not made inside COMMIT (synchronous=FULL would block the event loop for the
 * whole fsync): the group commits with synchronous=NORMAL and the WAL is fdatasynced on the
 * thread pool; the group's writers are answered when that sync is done, and the next group
 * commits meanwhile (its answer waits for a later sync). So a 201 still means on disk:
 * - everything a COMMIT wrote is in the WAL file before the sync starts, and fdatasync makes
 *   the file's data (frames, header, size) durable, so the group's commit frame is on disk;
 * - with NORMAL, SQLite itself syncs the WAL before a checkpoint copies it into the database
 *   and the database after, and a WAL started afresh after a checkpoint gets new salts: frames
 *   not yet synced when the power goes fail their checksums and are dropped whole, with only
 *   groups nobody was answered for;
 * - a failed sync leaves unknown what reached the disk (Linux may mark the pages clean), so
 *   its groups and those committed after are refused, and so is every later group: the store
 *   takes no more grouped writes until restarted.
 * Readers may see a group's rows a moment before its writers are answered.
 */
export class GroupCommit {
  private queue: Pending[] = []
  private scheduled = false
  /** Prepared once: `exec` compiles its SQL on every call, twice per write and twice per group. */
  private readonly begin: Statement
  private readonly commit: Statement
  private readonly savepoint: Statement
  private readonly release: Statement
  private readonly rollbackTo: Statement
  private readonly sync: WalSync | null
  private readonly closeWal: () => void
  /**
   * The safety level around a group, and the connection's own for every other write. Run with
   * `exec`: a pragma takes effect when compiled, so a prepared one set it once, at prepare time.
   */
  private readonly relaxed: string | null = null
  private readonly strict: string | null = null
  private committed: Committed[] = []
  private syncing = false
  private broken: Error | null = null

  constructor(
    private readonly db: Db,
    options: GroupCommitOptions = {},
  ) {
    this.begin = db.prepare('BEGIN IMMEDIATE')
    this.commit = db.prepare('COMMIT')
    this.savepoint = db.prepare('SAVEPOINT grouped_write')
    this.release = db.prepare('RELEASE grouped_write')
    this.rollbackTo = db.prepare('ROLLBACK TO grouped_write')
    const wal = 'sync' in options ? null : walSyncFor(db)
    this.sync = 'sync' in options ? (options.sync ?? null) : (wal?.sync ?? null)
    this.closeWal = wal?.close ?? (() => {})
    if (this.sync) {
      const own = Number(db.pragma('synchronous', { simple: true }))
      this.relaxed = 'PRAGMA synchronous = NORMAL'
      this.strict = `PRAGMA synchronous = ${own}`
    }
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

  /** Lets go of the WAL file (the store closes); a sync under way finishes first. */
  close() {
    if (!this.syncing) this.closeWal()
    this.broken ??= new Error('the store is closed')
  }

  private flush() {
    this.scheduled = false
    const group = this.queue
    this.queue = []
    if (this.broken) {
      for (const write of group) write.reject(this.broken)
      return
    }
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = []
    try {
      // Outside the transaction: SQLite refuses to change the safety level inside one.
      if (this.relaxed) this.db.exec(this.relaxed)
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
      this.commit.run()
    } catch (error) {
      // The group as a whole failed (disk full, store closed): nobody was written.
      try {
        if (this.db.open && this.db.inTransaction) this.db.exec('ROLLBACK')
      } catch {
        // nothing more to undo
      }
      for (const write of group) write.reject(error)
      return
    } finally {
      if (this.strict && this.db.open && !this.db.inTransaction) this.db.exec(this.strict)
    }
    const answer = () =>
      group.forEach((write, i) => {
        const outcome = outcomes[i]
        if (outcome.ok) write.resolve(outcome.value)
        else write.reject(outcome.error)
      })
    if (!this.sync) return answer()
    this.committed.push({ answer, fail: (error) => group.forEach((write) => write.reject(error)) })
    if (!this.syncing) this.syncCommitted()
  }

  /** One sync at a time; it covers every group committed before it started. */
  private syncCommitted() {
    const covered = this.committed
    this.committed = []
    this.syncing = true
    this.sync!().then(
      () => {
        this.syncing = false
        for (const group of covered) group.answer()
        if (this.committed.length) this.syncCommitted()
        else if (this.broken) this.closeWal()
      },
      (cause: unknown) => {
        this.syncing = false
        this.broken = new Error('the database file could not be flushed to disk: writes refused until restart', { cause })
        for (const group of [...covered, ...this.committed]) group.fail(this.broken)
        this.committed = []
        this.closeWal()
      },
    )
  }
}
