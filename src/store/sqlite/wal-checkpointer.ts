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
 * own checkpoint does. The app's `wal_autocheckpoint` stays as it is: while writes go on without a
 * pause the WAL can only start again from its beginning after a checkpoint that caught up with
 * every frame, which the app's own does (it is the only writer while it runs); it then finds
 * little left to copy. Should the worker fail, the app's connection checkpoints as before.
 *
 * The thread starts at the first write, so a store that never writes (or a test) starts none.
 */
export class WalCheckpointer {
  private worker: Worker | null = null
  private running = false
  private wanted = false
  private last = 0
  private timer: NodeJS.Timeout | null = null
  private closed = false
  private failed = false
  private waiting: Array<{ resolve: (result: CheckpointResult) => void; reject: (error: Error) => void }> = []

  constructor(
    private readonly path: string,
    private readonly onError: (error: Error) => void = () => {},
  ) {}

  /** Something was committed: copy it soon (at most every EVERY_MS, and once more after the last write). */
  nudge() {
    if (this.closed || this.failed) return
    this.wanted = true
    if (this.running || this.timer) return
    const wait = this.last + EVERY_MS - Date.now()
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null
        this.start()
      }, wait)
      this.timer.unref()
    } else this.start()
  }

  /** Checkpoints now and tells what it did (tests and operators' tools). */
  checkpoint(): Promise<CheckpointResult> {
    return new Promise((resolve, reject) => {
      if (this.closed || this.failed) return reject(new Error('the checkpointer is closed'))
      this.waiting.push({ resolve, reject })
      this.wanted = true
      if (!this.running) this.start()
    })
  }

  /** Stops the thread after the checkpoint under way, if any (the store closes). */
  async close() {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const worker = this.worker
    this.worker = null
    if (!worker) return
    const exited = new Promise((resolve) => worker.once('exit', resolve))
    worker.postMessage('close')
    await exited
  }

  private start() {
    if (this.closed || this.failed || !this.wanted) return
    this.wanted = false
    this.running = true
    this.thread().postMessage('checkpoint')
  }

  private thread(): Worker {
    if (this.worker) return this.worker
    const driver = createRequire(import.meta.url).resolve('better-sqlite3')
    const worker = new Worker(WORKER, { eval: true, workerData: { path: this.path, driver } })
    // Never what keeps the process alive: the store's close ends it, and so does the process's end.
    worker.unref()
    worker.on('message', (message: { result?: CheckpointResult; error?: string }) => {
      this.running = false
      this.last = Date.now()
      for (const { resolve, reject } of this.waiting.splice(0)) {
        if (message.result) resolve(message.result)
        else reject(new Error(message.error))
      }
      // A busy moment (another checkpoint under way, say the app's own) is tried again at the next nudge.
      if (this.wanted) this.nudge()
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
    this.running = false
    this.worker = null
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    for (const { reject } of this.waiting.splice(0)) reject(error)
    this.onError(error)
  }
}
