import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Messages the bot took while the backend was unreachable. They are answered when it is
 * back; kept in a small file so that a bot restart during the outage loses none of them.
 */
export interface PendingStore<T> {
  load(): T[]
  save(items: T[]): void
}

export const memoryPending = <T>(): PendingStore<T> => ({ load: () => [], save: () => {} })

export function filePending<T>(path: string): PendingStore<T> {
  return {
    load() {
      try {
        const parsed = JSON.parse(readFileSync(path, 'utf8'))
        return Array.isArray(parsed) ? (parsed as T[]) : []
      } catch {
        return []
      }
    },
    save(items) {
      mkdirSync(dirname(path), { recursive: true })
      // Write then rename, so a crash mid-write never leaves half a file.
      writeFileSync(`${path}.tmp`, JSON.stringify(items))
      renameSync(`${path}.tmp`, path)
    },
  }
}
