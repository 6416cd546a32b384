import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'chai'
import { createSqliteStore } from '../../src/store/sqlite/index.js'

describe('migration 022: the topic list grew', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-store-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('has deputies who followed 社会保障 or 社区治理 follow 劳动就业 or 物业管理 too, and leaves the others as they were', async () => {
    const file = join(dir, 'before-022.db')
    const old = new Database(file)
    const migrations = join(import.meta.dirname, '../../src/store/sqlite/migrations')
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)')
    for (const f of readdirSync(migrations)
      .filter((f) => /^\d{3}_/.test(f) && Number(f.slice(0, 3)) < 22)
      .sort()) {
      old.exec(readFileSync(join(migrations, f), 'utf8'))
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(Number(f.slice(0, 3)), f, '2026-11-01T00:00:00Z')
    }
    const deputy = old.prepare(`INSERT INTO deputies (id, code, name, level, topics, duty_dates) VALUES (?, ?, ?, 'city', ?, '[]')`)
    deputy.run('dp1', 'DP1', '张伟', JSON.stringify(['社会保障', '教育']))
    deputy.run('dp2', 'DP2', '王芳', JSON.stringify(['社区治理']))
    deputy.run('dp3', 'DP3', '李强', JSON.stringify(['环境保护']))
    deputy.run('dp4', 'DP4', '赵敏', JSON.stringify(['社会保障', '劳动就业', '社区治理']))
    old.close()

    const store = createSqliteStore(file)
    const topics = async (id: string) => (await store.deputies.get(id))!.topics
    expect(await topics('dp1')).to.deep.equal(['社会保障', '教育', '劳动就业'])
    expect(await topics('dp2')).to.deep.equal(['社区治理', '物业管理'])
    expect(await topics('dp3')).to.deep.equal(['环境保护'])
    expect(await topics('dp4'), 'never twice').to.deep.equal(['社会保障', '劳动就业', '社区治理', '物业管理'])
    await store.close()
  })
})
