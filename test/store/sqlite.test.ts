import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'chai'
import { createSqliteStore } from '../../src/store/sqlite/index.js'
import { openDatabase } from '../../src/store/sqlite/open.js'
import { sampleDirectory, storeContract } from './contract.js'

describe('store contract: sqlite (in memory)', () => {
  storeContract(async () => createSqliteStore(':memory:'))
})

describe('sqlite store on disk', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-store-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('makes every commit durable: WAL with synchronous=FULL', () => {
    const db = openDatabase(join(dir, 'durable.db'))
    expect(db.pragma('journal_mode', { simple: true })).to.equal('wal')
    expect(db.pragma('synchronous', { simple: true }), 'FULL').to.equal(2)
    db.close()
  })

  it('keeps what was written across a reopen and does not re-run migrations', async () => {
    const file = join(dir, 'nested', 'liaison.db')
    const first = createSqliteStore(file)
    await first.directory.upsertAll(sampleDirectory())
    await first.close()
    const second = createSqliteStore(file)
    expect(await second.directory.counts()).to.deep.equal({ regions: 4, stations: 2, deputies: 3, staff: 2 })
    await second.close()
  })
})
