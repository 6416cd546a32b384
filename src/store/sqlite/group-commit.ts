import type { Statement } from 'better-sqlite3'
import { ServiceUnavailableError } from '../../errors.js'
import type { Db } from './open.js'
import { WalFile, type WalSync } from './wal-sync.js'

interface Pending {
  run: () => unknown
  resolve: (value: unknown) => void
  reject: (err: unknown) => void
  /** Run without a savepoint of its own (runWhole). */
  whole: boolean
}

/**
 * What a write run by `runWhole` returns when it refuses, having left nothing behind: its caller is
 * rejected with `error`, and the group goes on.
 */
export class Refused {
  constructor(readonly error: unknown) {}
}

interface Gathered<T> {
  apply: (items: T[]) => void
  /** Items of the writes whose savepoints were released. */
  kept: T[]
  /** Items of the write running now. */
  inWrite: T[]
}

interface Committed {
  answer: () => void
  fail: (error: unknown) => void
}

export interface GroupCommitOptions {
  /**
   * Makes a committed group durable before its writers are answered. By default the fdatasync
   * of the WAL file off the event loop (WalFile) for a connection in WAL mode, none otherwise
   * (each COMMIT then flushes itself, synchronous=FULL); tests pass their own to hold or fail it.
   */
  sync?: WalSync | null
  /** Told once, with the cause, when a failed sync stops the grouped writes (the store logs it). */
  onStopped?: (error: Error) => void
  /** Told after each group's COMMIT (the store's WalCheckpointer copies the WAL soon after). */
  onCommitted?: () => void
}

/**
 * Group commit: every write that arrives in one turn of the event loop shares one
 * transaction, so one disk flush makes a whole group durable. Each write runs in its own
 * savepoint, so one that fails is undone alone; each caller is answered only after the
 * group's COMMIT is on disk.
 *
 * In WAL mode the flush is not made inside COMMIT (synchronous=FULL would block the event loop
 * for the whole fsync): the group commits with synchronous=NORMAL and the WAL is fdatasynced on
 * the thread pool; the group's writers are answered when that sync is done, and the next group
 * commits meanwhile (its answer waits for a later sync). So a 201 still means on disk:
 * - everything a COMMIT wrote is in the WAL file before the sync starts, and fdatasync makes
 *   the file's data (frames, header, size) durable, so the group's commit frame is on disk;
 * - with NORMAL, SQLite itself syncs the WAL before a checkpoint copies it into the database
 *   and the database after, and a WAL started afresh after a checkpoint gets new salts: frames
 *   not yet synced when the power goes fail their checksums and are dropped whole, with only
 *   groups nobody was answered for.
 * A connection not in WAL mode (":memory:", a filesystem without shared memory) has no WAL file
 * to flush: its groups COMMIT with the connection's own synchronous=FULL, as every other write.
 *
 * A failed sync stops the writes until the process is restarted: its groups, those committed
 * after and every later one are refused, the connection takes no other write either (query_only),
 * and the store's ping fails so /readyz takes the instance out. Why not carry on after a later sync succeeds: Linux reports a writeback error
 * once and may mark the failed pages clean, so a later fdatasync returns 0 without them reaching
 * the disk; and a WAL is read back as a chain (each frame's checksum covers those before it), so
 * every later frame, however well flushed, is dropped at recovery after the first frame lost. A
 * restart reopens the file: SQLite's recovery keeps the frames whose checksums hold and drops the
 * rest, and no one was answered for those.
 * Readers may see a group's rows a moment before its writers are answered.
 */
export class GroupCommit {
  private queue: Pending[] = []
  private readonly beforeCommitHooks: Array<() => void> = []
  private readonly gathered: Array<Gathered<unknown>> = []
  private scheduled = false
  /** Prepared once: `exec` compiles its SQL on every call, twice per write and twice per group. */
  private readonly begin: Statement
  private readonly commit: Statement
  private readonly savepoint: Statement
  private readonly release: Statement
  private readonly rollbackTo: Statement
  private readonly sync: WalSync | null
  private readonly wal: WalFile | null = null
  private readonly onStopped: (error: Error) => void
  private readonly onCommitted: () => void
  /**
   * The safety level around a group, and the connection's own for every other write. Run with
   * `exec`: a pragma's setting takes effect when compiled, and the store keeps prepared statements
   * by their text, so a prepared one would set it once and then do nothing.
   */
  private readonly relaxed: string | null = null
  private readonly strict: string | null = null
  private committed: Committed[] = []
  private syncing = false
  private closed = false
  private failure: Error | null = null
  private holds = 0

  constructor(
    private readonly db: Db,
    options: GroupCommitOptions = {},
  ) {
    this.begin = db.prepare('BEGIN IMMEDIATE')
    this.commit = db.prepare('COMMIT')
    this.savepoint = db.prepare('SAVEPOINT grouped_write')
    this.release = db.prepare('RELEASE grouped_write')
    this.rollbackTo = db.prepare('ROLLBACK TO grouped_write')
    this.onStopped = options.onStopped ?? (() => {})
    this.onCommitted = options.onCommitted ?? (() => {})
    if ('sync' in options) this.sync = options.sync ?? null
    else {
      // "memory" for ":memory:"; "delete" where WAL could not be set up: no `-wal` file to flush.
      const inWal = !db.memory && String(db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal'
      this.wal = inWal ? new WalFile(db) : null
      this.sync = this.wal?.sync ?? null
    }
    if (this.sync) {
      const own = Number(db.pragma('synchronous', { simple: true }))
      this.relaxed = 'PRAGMA synchronous = NORMAL'
      this.strict = `PRAGMA synchronous = ${own}`
    }
  }

  /** Why grouped writes are refused (a failed sync), or null while they are taken. */
  get stopped(): Error | null {
    return this.failure
  }

  /** Which WAL file the last sync flushed, by dev+ino (null when not syncing a WAL file). */
  get walSynced() {
    return this.wal?.synced ?? null
  }

  /**
   * Work done once per group, inside its transaction, after every write's savepoint is released
   * and before COMMIT (work that costs more per savepoint than per group, such as the text index).
   * A hook that throws fails the whole group, as a failed COMMIT does: every caller is rejected.
   */
  beforeCommit(hook: () => void) {
    this.beforeCommitHooks.push(hook)
  }

  /**
   * Items a group's writes add up, written once for the whole group: each write hands its items to
   * the function returned; the items of a write that is undone go with it; the kept ones are given
   * to `apply` once, inside the transaction, after the last write and before the beforeCommit hooks
   * (survey tallies: a counter bumped by fifty answers is one upsert, not fifty). Nothing is
   * carried over to the next group, whatever became of this one. Readers in the same group's later
   * writes do not see the items yet: only for what no grouped write reads.
   */
  gather<T>(apply: (items: T[]) => void): (item: T) => void {
    const gathered: Gathered<T> = { apply, kept: [], inWrite: [] }
    this.gathered.push(gathered as Gathered<unknown>)
    return (item) => void gathered.inWrite.push(item)
  }

  run<T>(write: () => T): Promise<T> {
    return this.enqueue(write, false)
  }

  /**
   * As `run`, for a write that keeps itself whole: it returns its value, or `new Refused(error)` once it has
   * left nothing behind (each of its statements is undone by SQLite when it fails, and it reverses any that
   * succeeded before it refuses). It runs without a savepoint of its own: opening one makes SQLite copy every
   * page the write then changes (for a survey answer, its response's five B-trees and its survey's row: about
   * a fifth of its store write). What it throws instead it may have left half done, so it fails the whole
   * group, as a failed COMMIT does: no writer of the group is written.
   */
  runWhole<T>(write: () => T | Refused): Promise<T> {
    return this.enqueue(write, true) as Promise<T>
  }

  private enqueue<T>(write: () => T, whole: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run: write, resolve: resolve as (v: unknown) => void, reject, whole })
      if (!this.scheduled) {
        this.scheduled = true
        setImmediate(() => this.flush())
      }
    })
  }

  /**
   * Holds the grouped writes until `task` settles: they queue, and the event loop goes on serving
   * requests (the WAL checkpointer catching up with a long WAL while no group commits).
   */
  async holdWhile<T>(task: () => Promise<T>): Promise<T> {
    this.holds++
    try {
      return await task()
    } finally {
      this.holds--
      if (!this.holds && this.queue.length && !this.scheduled) {
        this.scheduled = true
        setImmediate(() => this.flush())
      }
    }
  }

  /** Lets go of the WAL file (the store closes); a sync under way finishes first. */
  close() {
    this.closed = true
    if (!this.syncing) void this.wal?.close()
  }

  private flush() {
    this.scheduled = false
    // Held: the writes wait in the queue; holdWhile flushes them when it lets go.
    if (this.holds) return
    const group = this.queue
    this.queue = []
    if (this.failure) {
      for (const write of group) write.reject(refused())
      return
    }
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = []
    try {
      // Outside the transaction: SQLite refuses to change the safety level inside one.
      if (this.relaxed) this.db.exec(this.relaxed)
      this.begin.run()
      for (const write of group) {
        if (write.whole) {
          // No savepoint: what it throws fails the group (the catch below).
          const value = write.run()
          if (value instanceof Refused) {
            for (const g of this.gathered) g.inWrite.length = 0
            outcomes.push({ ok: false, error: value.error })
          } else {
            for (const g of this.gathered) g.kept.push(...g.inWrite.splice(0))
            outcomes.push({ ok: true, value })
          }
          continue
        }
        this.savepoint.run()
        try {
          const value = write.run()
          this.release.run()
          for (const g of this.gathered) g.kept.push(...g.inWrite.splice(0))
          outcomes.push({ ok: true, value })
        } catch (error) {
          for (const g of this.gathered) g.inWrite.length = 0
          this.rollbackTo.run()
          this.release.run()
          outcomes.push({ ok: false, error })
        }
      }
      for (const g of this.gathered) if (g.kept.length) g.apply(g.kept)
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
    } finally {
      for (const g of this.gathered) {
        g.kept = []
        g.inWrite = []
      }
      if (this.strict && this.db.open && !this.db.inTransaction) this.db.exec(this.strict)
    }
    this.onCommitted()
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
        else if (this.closed) void this.wal?.close()
      },
      (cause: unknown) => {
        this.syncing = false
        this.failure = new Error('the database file could not be flushed to disk: grouped writes refused until the service is restarted', { cause })
        for (const group of [...covered, ...this.committed]) group.fail(refused())
        this.committed = []
        void this.wal?.close()
        // Every later write's frames hang on the lost ones too (the chain above), grouped or not:
        // none may be answered as saved. It also keeps the outbox from claiming messages it could
        // not then mark sent, which would go out again each time their lease ran out.
        if (this.db.open) this.db.exec('PRAGMA query_only = 1')
        this.onStopped(this.failure)
      },
    )
  }
}

/** What a writer is told once the grouped writes stopped: not saved, say so plainly. */
function refused() {
  return new ServiceUnavailableError('暂时无法保存，请稍后再试', 'store_unavailable')
}
