import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import Database from 'better-sqlite3'
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

  it('migration 012 gives an existing case back its place\'s district and turns its ratings into history', async () => {
    // A database as it was before 012, with a case moved to another district's deputy,
    // reopened after a 2 and rated 4.
    const file = join(dir, 'before-012.db')
    const old = new Database(file)
    const migrations = join(import.meta.dirname, '../../src/store/sqlite/migrations')
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)')
    for (const f of readdirSync(migrations).filter((f) => /^\d{3}_/.test(f) && Number(f.slice(0, 3)) < 12).sort()) {
      old.exec(readFileSync(join(migrations, f), 'utf8'))
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(Number(f.slice(0, 3)), f, '2026-11-01T00:00:00Z')
    }
    old.exec(`INSERT INTO regions (id, name, kind, parent_id) VALUES ('d01', '湛河区', 'district', NULL), ('d02', '新华区', 'district', NULL),
      ('s0201', '新华街道', 'street', 'd02'), ('c020101', '新华社区', 'community', 's0201')`)
    const t = '2026-11-23T02:00:00.000Z'
    old.prepare(`INSERT INTO cases (id, ticket, resident_id, text, images, region_id, community_id, district_id, station_id, deputy_id, topic, status,
      anonymous, public_consent, routing_reasons, created_at, updated_at, ack_due_at, reply_due_at, rating, rated_at, reopen_count, version)
      VALUES ('cs-1', '20261123-0001', 'mu1', '公交站台太窄', '[]', 'c020101', 'c020101', 'd01', 'st001', 'dp0001', '交通出行', 'closed',
      0, 0, '[]', ?, ?, ?, ?, 4, ?, 1, 5)`).run(t, t, t, t, t)
    const event = old.prepare(`INSERT INTO case_events (id, case_id, seq, at, type, actor_role, actor_id, note, data) VALUES (?, 'cs-1', ?, ?, ?, 'resident', 'mu1', ?, ?)`)
    event.run('e1', 1, '2026-11-24T02:00:00.000Z', 'rated', '还是窄', '{"rating":2}')
    event.run('e2', 2, '2026-11-25T02:00:00.000Z', 'reopened', '没解决', '{"previousRating":2}')
    event.run('e3', 3, '2026-11-26T02:00:00.000Z', 'rated', null, '{"rating":4}')
    old.close()

    const store = createSqliteStore(file)
    const c = (await store.cases.get('cs-1'))!
    expect(c).to.deep.include({ districtId: 'd02', handlingDistrictId: 'd01', rating: 4 })
    expect(c.ratings).to.deep.equal([
      { rating: 2, comment: '还是窄', at: new Date('2026-11-24T02:00:00.000Z') },
      { rating: 4, comment: null, at: new Date('2026-11-26T02:00:00.000Z') },
    ])
    await store.close()
  })
})
