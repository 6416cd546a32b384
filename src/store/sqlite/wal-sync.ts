import { close, fdatasync, openSync } from 'node:fs'
import type { Db } from './open.js'

/** Makes everything written to the WAL so far durable; resolves once it is on disk. */
export type WalSync = () => Promise<void>

/**
 * fdatasync of the database's `-wal` file on libuv's thread pool, so the event loop goes on
 * serving requests while the disk flushes. None for a database in memory (nothing to make durable).
 * The file is opened once: SQLite removes it only when the last connection closes, and ours is open
 * while groups commit (fsync acts on the file, whichever descriptor asks).
 */
export function walSyncFor(db: Db): { sync: WalSync; close: () => void } | null {
  if (db.memory) return null
  let fd: number | null = null
  return {
    sync: () =>
      new Promise<void>((resolve, reject) => {
        try {
          fd ??= openSync(`${db.name}-wal`, 'r+')
        } catch (err) {
          reject(err)
          return
        }
        fdatasync(fd, (err) => (err ? reject(err) : resolve()))
      }),
    close: () => {
      if (fd !== null) close(fd, () => {})
      fd = null
    },
  }
}
