import { expect } from 'chai'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DirectoryCache } from '../../src/services/directory/directory-cache.js'
import type { Store } from '../../src/store/ports.js'
import { createSqliteStore } from '../../src/store/sqlite/index.js'
import { sampleDirectory } from './sample-directory.js'

/**
 * The shared directory on a province is seconds of reading and indexing: once its lifetime is
 * over it is read again only when another process may have written the store (a CLI import).
 */
describe('the directory cache on a SQLite file', () => {
  let dir: string
  let store: Store
  let reads: number
  let cache: DirectoryCache

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-dircache-'))
    store = createSqliteStore(join(dir, 'liaison.db'))
    await store.directory.upsertAll(sampleDirectory())
    reads = 0
    const counted = { ...store, directory: { ...store.directory, snapshot: () => (reads++, store.directory.snapshot()) } } as Store
    cache = new DirectoryCache(counted, 0) // stale at once: only the store's mark keeps it
  })
  afterEach(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps the prepared directory while nothing was written from elsewhere', async () => {
    for (let i = 0; i < 5; i++) expect((await cache.prepared()).stations.get('st001')?.name).to.equal('轻工街道代表联络站')
    expect(reads).to.equal(1)
  })

  it('reads again after another process renamed a station, and shows the new name', async () => {
    await cache.prepared()
    const other = new Database(join(dir, 'liaison.db'))
    other.prepare("UPDATE stations SET name = '轻工街道人大代表联络站' WHERE id = 'st001'").run()
    other.close()
    expect((await cache.prepared()).stations.get('st001')?.name).to.equal('轻工街道人大代表联络站')
    expect(reads).to.equal(2)
  })

  it('reads again after an import made through this process (it invalidates)', async () => {
    await cache.prepared()
    cache.invalidate()
    await cache.prepared()
    expect(reads).to.equal(2)
  })
})
