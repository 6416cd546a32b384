import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/** What one checkpoint did: SQLite's answer to `PRAGMA wal_checkpoint`. */
export interface CheckpointResult {
  busy: number
  /** Frames in the WAL when it ran. */
  log: number
  /** Frames copied into the database file so far (all of `log` when it caught up). */
  checkpointed: number
}

/** How often at most the WAL is copied into the database file while writes go on. */
const EVERY_MS = 250
/** A WAL this long (~16 MB) is caught up with while the grouped writes wait: below the app's own 10,000. */
const CATCH_UP_FRAMES = 4_000

// Plain CommonJS run by the worker thread (`eval`): no TypeScript loader is needed there.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path, { fileMustExist: true })
// Before copying, the checkpoint flushes the WAL; after, the database file: both on this thread.
db.pragma('synchronous = FULL')
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close()
    parentPort.close()
    return
  }
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)')
    parentPort.postMessage({ result })
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) })
  }
})
`

/** Holds the grouped writes (they queue; the event loop goes on) until `task` settles: GroupCommit.holdWhile. */
export type HoldWrites = <T>(task: () => Promise<T>) => Promise<T>

export interface WalCheckpointerOptions {
  /** Told once when the thread cannot run (the app's connection then checkpoints, as it always could). */
  onError?: (error: Error) => void
  /** Lets a pass catch up with a long WAL while the grouped writes wait (see the class). */
  holdWrites?: HoldWrites
  /** From how many frames in the WAL a pass that did not catch up is followed by one that holds the writes. */
  catchUpFrames?: number
}

/**
 * Copies the WAL into the database file on a worker thread, with its own connection, while the
 * event loop goes on serving requests.
 *
 * The app's connection checkpoints by itself once the WAL holds `wal_autocheckpoint` pages, inside
 * the COMMIT that crossed the line: it copies every page changed since the last checkpoint and
 * fsyncs the database file, on the event loop. Under a steady stream of messages that was a stall
 * of 40–85 ms every couple of seconds (each request in flight waited for it: the case POST's p99).
 * A PASSIVE checkpoint here takes no writer's lock and blocks no reader; it copies what is
 * committed and flushes the WAL first and the database file after (synchronous=FULL), as the app's
 * own checkpoint does.
 *
 * The WAL starts again from its beginning only when a write begins with every frame copied. While
 * writes go on without a pause, that is seldom so (frames arrive while a pass copies, and a pass
 * only says how many there were when it began), so the WAL would grow until the app's own
 * checkpoint came after all. So once a pass finds `catchUpFrames` or more, the next one runs with the grouped writes held: they queue for
 * the few milliseconds it takes to copy what the last pass left (the event loop goes on reading
 * requests), and the first group after it starts the WAL again. The app's `wal_autocheckpoint`
 * stays as the fallback: for writes outside the groups, or should the thread fail.
 *
 * The thread starts at the first write, so a store that never writes (or a test) starts none.
 */
export class WalCheckpointer {
  private worker: Worker | null = null
  /** The pass the thread is making: its answer goes here. */
  private answer: { resolve: (result: CheckpointResult) => void; reject: (error: Error) => void } | null = null
  /** Passes run one after another. */
  private chain: Promise<unknown> = Promise.resolve()
  private passing = false
  private wanted = false
  private last = 0
  private timer: NodeJS.Timeout | null = null
  private closed = false
  private failed = false
  private readonly catchUpFrames: number

  constructor(
    private readonly path: string,
    private readonly options: WalCheckpointerOptions = {},
  ) {
    this.catchUpFrames = options.catchUpFrames ?? CATCH_UP_FRAMES
  }

  /** Something was committed: copy it soon (at most every EVERY_MS, and once more after the last write). */
  nudge() {
    if (this.closed || this.failed) return
    this.wanted = true
    if (this.passing || this.timer) return
    this.timer = setTimeout(
      () => {
        this.timer = null
        void this.background()
      },
      Math.max(0, this.last + EVERY_MS - Date.now()),
    )
    this.timer.unref()
  }

  /** Checkpoints now (after a pass under way) and tells what it did: tests, and operators' tools. */
  checkpoint(): Promise<CheckpointResult> {
    return this.pass()
  }

  /** Stops the thread after the pass under way, if any (the store closes). */
  async close() {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const worker = this.worker
    this.worker = null
    if (!worker) return
    const exited = new Promise((resolve) => worker.once('exit', resolve))
    // Awaited, so it keeps the process alive until the thread has closed its connection (the app's
    // then closes last, folding the WAL into the file). Messages are taken in order: a pass under way answers first.
    worker.ref()
    worker.postMessage('close')
    await exited
  }

  private async background() {
    if (!this.wanted || this.passing || this.closed || this.failed) return
    this.wanted = false
    this.passing = true
    try {
      const result = await this.pass()
      if (this.options.holdWrites && result.log >= this.catchUpFrames) {
        await this.options.holdWrites(() => this.pass())
      }
    } catch {
      // A failed thread was said by fail(); a busy moment (another checkpoint under way) is tried at the next nudge.
    } finally {
      this.passing = false
      this.last = Date.now()
    }
    if (this.wanted) this.nudge()
  }

  private pass(): Promise<CheckpointResult> {
    const run = this.chain.then(() => this.post())
    this.chain = run.catch(() => {})
    return run
  }

  private post(): Promise<CheckpointResult> {
    if (this.closed || this.failed) return Promise.reject(new Error('the checkpointer is closed'))
    return new Promise((resolve, reject) => {
      this.answer = { resolve, reject }
      const worker = this.thread()
      // A pass under way keeps the process alive: grouped writes may be held until it answers.
      worker.ref()
      worker.postMessage('checkpoint')
    })
  }

  private thread(): Worker {
    if (this.worker) return this.worker
    const driver = createRequire(import.meta.url).resolve('better-sqlite3')
    const worker = new Worker(WORKER, { eval: true, workerData: { path: this.path, driver } })
    // Idle, never what keeps the process alive: the store's close ends it, and so does the process's end.
    worker.unref()
    worker.on('message', (message: { result?: CheckpointResult; error?: string }) => {
      // Idle again, unless the store is closing: then its close waits for the thread's end.
      if (!this.closed) worker.unref()
      const answer = this.answer
      this.answer = null
      if (message.result) answer?.resolve(message.result)
      else answer?.reject(new Error(message.error))
    })
    worker.on('error', (error) => this.fail(error))
    worker.on('exit', () => {
      if (!this.closed) this.fail(new Error('the checkpoint thread ended'))
    })
    this.worker = worker
    return worker
  }

  private fail(error: Error) {
    // An error ends the thread too: one failure, said once.
    if (this.failed) return
    this.failed = true
    this.worker = null
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.answer?.reject(error)
    this.answer = null
    this.options.onError?.(error)
  }
}
