import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DirectoryFile } from '../../src/domain/directory.js'
import { startApp, type TestApp } from './app.js'

/**
 * A SQLite file of its own for each test of the calling describe, so an app can be started on
 * it again (a restart) or twice at once (two instances). Every app started through `start` is
 * closed after the test and the file removed.
 */
export function storeFileForEachTest() {
  let dir = ''
  const started: TestApp[] = []
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-file-'))
  })
  afterEach(async () => {
    for (const app of started.splice(0)) await app.close().catch(() => {})
    rmSync(dir, { recursive: true, force: true })
  })
  return {
    /** This test's file (to open it as an older version left it). */
    path: () => join(dir, 'liaison.db'),
    /** The real app on this test's file, with the directory imported when given, and other settings when given. */
    async start(options: { directory?: DirectoryFile; overrides?: Record<string, unknown> } = {}) {
      const app = await startApp({ ...options, overrides: { ...options.overrides, store: { url: `sqlite:${join(dir, 'liaison.db')}` } } })
      started.push(app)
      return app
    },
  }
}
