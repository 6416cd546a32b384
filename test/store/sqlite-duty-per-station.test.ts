import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'chai'
import { createSqliteStore } from '../../src/store/sqlite/index.js'

describe('migration 056: duty days per station', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-store-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it("gives each of a deputy's stations the days the deputy had, so no roster loses a day at the upgrade", async () => {
    const file = join(dir, 'before-056.db')
    const old = new Database(file)
    const migrations = join(import.meta.dirname, '../../src/store/sqlite/migrations')
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)')
    for (const f of readdirSync(migrations)
      .filter((f) => /^\d{3}_/.test(f) && Number(f.slice(0, 3)) < 56)
      .sort()) {
      old.exec(readFileSync(join(migrations, f), 'utf8'))
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(Number(f.slice(0, 3)), f, '2026-11-01T00:00:00Z')
    }
    const deputy = old.prepare(`INSERT INTO deputies (id, code, name, level, topics, duty_dates) VALUES (?, ?, ?, 'city', '[]', ?)`)
    const station = old.prepare('INSERT INTO deputy_stations (deputy_id, station_id, position) VALUES (?, ?, ?)')
    deputy.run('dp1', 'DP1', '张伟', JSON.stringify(['2026-11-25']))
    station.run('dp1', 'st001', 0)
    deputy.run('dp3', 'DP3', '李强', JSON.stringify(['2026-12-01', '2026-12-02']))
    station.run('dp3', 'st002', 0)
    station.run('dp3', 'st001', 1)
    deputy.run('dp4', 'DP4', '赵敏', '[]')
    station.run('dp4', 'st002', 0)
    old.close()

    const store = createSqliteStore(file)
    const duty = async (id: string) => (await store.deputies.get(id))!.dutyByStation
    expect(await duty('dp1')).to.deep.equal({ st001: ['2026-11-25'] })
    expect(await duty('dp3')).to.deep.equal({ st002: ['2026-12-01', '2026-12-02'], st001: ['2026-12-01', '2026-12-02'] })
    expect(await duty('dp4')).to.deep.equal({})
    // From now on each station's days are its own.
    await store.deputies.update('dp3', { dutyByStation: { st002: ['2026-12-01'], st001: ['2026-12-02'] } })
    expect(await duty('dp3')).to.deep.equal({ st002: ['2026-12-01'], st001: ['2026-12-02'] })
    await store.close()
  })
})
