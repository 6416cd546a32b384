import { expect } from 'chai'
import Database from 'better-sqlite3'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CASE_STATUSES, OPEN_STATUSES, WAITING_STATUSES } from '../../src/domain/case.js'
import type { CaseTallyKey, Store } from '../../src/store/ports.js'
import { caseRepo } from '../../src/store/sqlite/case-repos.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'
import { NOW, SCOPES, inScope, liveCaseLives, talliesOf } from './case-life.js'

const MIGRATION = join(import.meta.dirname, '../../src/store/sqlite/migrations/036_case_counts.sql')
const KEPT: Array<CaseTallyKey | undefined> = [undefined, 'station', 'district', 'handlingDistrict']

/** The cases repository alone on a database, as the store builds it. */
const storeOn = (db: Db) => ({ cases: caseRepo(db, new GroupCommit(db)) }) as unknown as Store

/** The counts kept by the triggers of migration 036, read by the SQLite adapter for a scope's tallies. */
describe('case counts kept in the SQLite store', () => {
  it('spell out exactly the statuses the domain calls open and waiting, and every status once', () => {
    const sql = readFileSync(MIGRATION, 'utf8')
    const lists = [...sql.matchAll(/status (NOT )?IN \(([^)]*)\)/g)].map((m) => ({
      not: !!m[1],
      statuses: m[2].split(',').map((s) => s.trim().replaceAll("'", '')),
    }))
    // Live: neither withdrawn nor rejected (caseStats); open, counted; waiting and open, in the index of unfinished cases.
    expect(lists.filter((l) => l.not)).to.not.be.empty
    for (const list of lists.filter((l) => l.not)) expect(list.statuses).to.deep.equal(['withdrawn', 'rejected'])
    const named = lists.filter((l) => !l.not).map((l) => l.statuses)
    expect(named).to.deep.equal([[...OPEN_STATUSES], [...WAITING_STATUSES], [...OPEN_STATUSES], [...WAITING_STATUSES]])
    // One count per status, each named once.
    expect([...sql.matchAll(/status = '(\w+)' AS n_(\w+)/g)].map((m) => [m[1], m[2]])).to.deep.equal(CASE_STATUSES.map((s) => [s, s]))
  })

  it('give the figures the live SQL counts from the cases, after a life of changes and a case deleted', async () => {
    const db = openDatabase(':memory:')
    try {
      const store = storeOn(db)
      const cases = await liveCaseLives(store)
      // The repository never deletes a case; the counts follow a deletion all the same.
      db.prepare('DELETE FROM case_events WHERE case_id = ?').run(cases[4].id)
      db.prepare('DELETE FROM cases WHERE id = ?').run(cases[4].id)
      for (const [name, scope] of Object.entries(SCOPES))
        for (const groupBy of KEPT) {
          // From the first instant: the same cases, a filter the kept counts do not serve, so counted live.
          const live = await store.cases.tally({ ...scope, createdFrom: new Date(0) }, { now: NOW, groupBy, topics: true })
          const kept = await store.cases.tally(scope, { now: NOW, groupBy, topics: true })
          expect(kept, `${name} by ${groupBy ?? 'nothing'}`).to.deep.equal(live)
          expect(kept).to.deep.equal(talliesOf(inScope(cases.slice(0, 4).concat(cases.slice(5)), scope), NOW, groupBy, true))
        }
    } finally {
      db.close()
    }
  })

  it('count the cases written before the migration, when it runs on an existing database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-counts-'))
    try {
      const file = join(dir, 'liaison.db')
      const first = openDatabase(file)
      const cases = await liveCaseLives(storeOn(first))
      first.close()
      // The database as it was before migration 036: none of its tables, views, triggers or index.
      const bare = new Database(file)
      const objects = bare
        .prepare("SELECT type, name FROM sqlite_schema WHERE (name LIKE 'case%count%' AND name NOT LIKE 'case_time_counts%') OR name = 'cases_unfinished'")
        .all() as Array<{
        type: string
        name: string
      }>
      expect(objects.length).to.equal(12)
      for (const { type, name } of objects.filter((o) => o.type === 'trigger')) bare.exec(`DROP ${type} IF EXISTS ${name}`)
      for (const { type, name } of objects.filter((o) => o.type !== 'trigger')) bare.exec(`DROP ${type} IF EXISTS ${name}`)
      bare.prepare('DELETE FROM schema_migrations WHERE version = 36').run()
      bare.close()

      const db = openDatabase(file)
      try {
        const store = storeOn(db)
        for (const [name, scope] of Object.entries(SCOPES))
          for (const groupBy of KEPT)
            expect(await store.cases.tally(scope, { now: NOW, groupBy, topics: true }), `${name} by ${groupBy ?? 'nothing'}`).to.deep.equal(
              talliesOf(inScope(cases, scope), NOW, groupBy, true),
            )
        expect(await store.cases.deputyBars({}, NOW)).to.have.length(4)
      } finally {
        db.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
