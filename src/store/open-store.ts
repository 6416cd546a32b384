import type { Store } from './ports.js'
import { createSqliteStore } from './sqlite/index.js'

export interface OpenStoreOptions {
  /** Told once when the store stops taking writes for good (a failed flush to disk): the app logs it. */
  onWritesStopped?: (error: Error) => void
  /** Told once when the WAL can no longer be copied off the event loop (the app's connection does it then). */
  onCheckpointerFailed?: (error: Error) => void
}

/**
 * Chooses the adapter from the store URL (LIAISON_DB): sqlite:<path>, sqlite::memory:,
 * or mongodb://…. The mongo adapter is loaded only when asked for.
 */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (url.startsWith('sqlite:'))
    return createSqliteStore(url.slice('sqlite:'.length), {
      groupCommit: { onStopped: options.onWritesStopped },
      onCheckpointerFailed: options.onCheckpointerFailed,
    })
  if (/^mongodb(\+srv)?:\/\//.test(url)) {
    const { createMongoStore } = await import('./mongo/index.js')
    return createMongoStore(url)
  }
  throw new Error(`unsupported store URL: ${url}`)
}
