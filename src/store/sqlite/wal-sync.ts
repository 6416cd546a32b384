import { close, fdatasync, fstat, fsync, open, statSync } from 'node:fs'
import { promisify } from 'node:util'
import type { Db } from './open.js'

/** Makes everything written to the WAL so far durable; resolves once it is on disk. */
export type WalSync = () => Promise<void>

/** Which file a descriptor or a path is: the same dev and ino are the same file. */
export interface FileIdentity {
  dev: number
  ino: number
}

/**
 * The database's `-wal` file, fdatasynced on libuv's thread pool so the event loop goes on
 * serving requests while the disk flushes. For a connection in WAL mode only (GroupCommit checks).
 *
 * The descriptor is kept open between syncs, but a descriptor names an inode, not a path: when the
 * WAL is removed and made again (journal_mode DELETE then WAL, here or in another process), a sync
 * of the old descriptor would flush a deleted file while the new one, holding the frames, is never
 * flushed. So before each sync the path is stat'ed and compared with the descriptor's file (its
 * dev+ino, taken by fstat when opened: an open descriptor's inode never changes); when they differ
 * the path is opened again.
 */
// Raw descriptors, not FileHandles: a GroupCommit a test never closes must not close one on
// garbage collection (deprecated, and a warning each time).
const openFile = promisify(open)
const closeFile = promisify(close)
const statFile = promisify(fstat)
const dataSync = promisify(fdatasync)
const fullSync = promisify(fsync)

export class WalFile {
  private fd: number | null = null
  private opened: FileIdentity | null = null
  private readonly walPath: string
  private readonly dbPath: string

  constructor(db: Db) {
    this.dbPath = db.name
    this.walPath = `${db.name}-wal`
  }

  /** The file the last sync flushed (tests compare it with the path's). */
  get synced(): FileIdentity | null {
    return this.opened
  }

  readonly sync: WalSync = async () => {
    // Synchronous: a path lookup, no disk I/O, cheaper than a trip to the thread pool.
    const now = statSync(this.walPath, { throwIfNoEntry: false })
    if (!now) {
      // No WAL file: SQLite removes it only after checkpointing all of it into the database
      // file (journal_mode changed, or the last connection closed), so that file holds the frames.
      await this.closeDescriptor()
      await syncFile(this.dbPath)
      return
    }
    if (this.fd === null || !sameFile(this.opened!, now)) {
      const replaced = this.fd !== null
      await this.closeDescriptor()
      const fd = await openFile(this.walPath, 'r+')
      this.fd = fd
      const { dev, ino } = await statFile(fd)
      this.opened = { dev, ino }
      // The file we flushed before is gone: what was committed since may have been checkpointed
      // out of it into the database file before it went, by a connection that did not flush.
      if (replaced) await syncFile(this.dbPath)
    }
    await dataSync(this.fd!)
  }

  /** Lets go of the WAL file (the store closes). */
  async close() {
    await this.closeDescriptor()
  }

  private async closeDescriptor() {
    const fd = this.fd
    this.fd = null
    this.opened = null
    if (fd !== null) await closeFile(fd).catch(() => {})
  }
}

function sameFile(a: FileIdentity, b: FileIdentity) {
  return a.dev === b.dev && a.ino === b.ino
}

async function syncFile(path: string) {
  const fd = await openFile(path, 'r+')
  try {
    await fullSync(fd)
  } finally {
    await closeFile(fd)
  }
}
