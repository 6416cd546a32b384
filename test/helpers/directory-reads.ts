import type { TestApp } from './app.js'

/** How many times the whole directory is read from the store while `story` runs (the shared cache's reads included). */
export async function wholeDirectoryReads(app: TestApp, story: () => Promise<void>): Promise<number> {
  const directory = app.liaison.store.directory
  const snapshot = directory.snapshot
  let reads = 0
  directory.snapshot = () => (reads++, snapshot.call(directory))
  try {
    await story()
  } finally {
    directory.snapshot = snapshot
  }
  return reads
}
