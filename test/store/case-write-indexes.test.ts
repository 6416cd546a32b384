import { expect } from 'chai'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { caseRepo } from '../../src/store/sqlite/case-repos.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'
import { privacyRepo } from '../../src/store/sqlite/privacy-repo.js'
import { caseEvent, caseRecord } from './records.js'

/** Entries in each index of cases (leaf cells of its b-tree, from SQLite's dbstat table). */
function indexEntries(db: Db): Record<string, number> {
  const rows = db
    .prepare(
      `SELECT m.name, coalesce(sum(s.ncell), 0) AS n FROM sqlite_master m LEFT JOIN dbstat s ON s.name = m.name AND s.pagetype = 'leaf'
       WHERE m.type = 'index' AND m.tbl_name = 'cases' GROUP BY m.name`,
    )
    .all() as Array<{ name: string; n: number }>
  return Object.fromEntries(rows.map((r) => [r.name, r.n]))
}

/**
 * Each index entry a message writes is a page its group's COMMIT writes to the log (migration
 * 041): a new message goes only into indexes that some list, count or job reads.
 */
describe('what a new message writes into the indexes of cases (SQLite)', () => {
  let db: Db
  beforeEach(() => {
    db = openDatabase(':memory:')
  })
  afterEach(() => db.close())

  it('a message just submitted enters neither the retired indexes, nor the closed cases awaiting anonymisation, nor the rated ones', async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    const record = caseRecord({ status: 'assigned', stationId: 'st001', deputyId: 'dp0001', districtId: 'd01', handlingDistrictId: 'd01' })
    await cases.submit({ record, ticketDate: '2026-11-22', events: [caseEvent(record.id, 'submitted')], outbox: [] })

    const entries = indexEntries(db)
    for (const retired of ['cases_deputy', 'cases_status_due', 'cases_next_due', 'cases_resident']) expect(entries, retired).not.to.have.property(retired)
    // Not closed, not rated: nothing the retention job or the rating filter looks for.
    expect(entries.cases_closed_retention).to.equal(0)
    expect(entries.cases_rating_created).to.equal(0)
    // Its place, station, deputy, dates and deadlines are each in their index: 15 entries, 21 before 041, 16 before 070.
    const written = Object.entries(entries).filter(([name, n]) => n > 0 && !name.startsWith('sqlite_autoindex_'))
    expect(written.map(([name]) => name)).to.have.length(15)
  })

  it('a closed message is still found for anonymisation once its retention has passed, through its index', async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    const closedAt = new Date('2026-11-23T02:00:00Z')
    const open = caseRecord({ status: 'assigned' })
    const closed = caseRecord({ status: 'closed', closedAt })
    for (const record of [open, closed]) await cases.submit({ record, ticketDate: '2026-11-22', events: [], outbox: [] })

    const privacy = privacyRepo(db, new GroupCommit(db))
    const statements: string[] = []
    const prepare = db.prepare
    db.prepare = ((sql: string) => (statements.push(sql), prepare.call(db, sql))) as Db['prepare']
    const due = await privacy.casesToAnonymise(new Date('2027-11-23T02:00:00Z'), 10).finally(() => (db.prepare = prepare))
    expect(due.map((c) => c.id)).to.deep.equal([closed.id])
    expect(indexEntries(db).cases_closed_retention).to.equal(1)
    // In closing order through that index: never every closed case of the years, sorted.
    const [sql] = statements
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(Array((sql.match(/\?/g) ?? []).length).fill(null) as unknown[])) as Array<{ detail: string }>
    expect(plan.map((p) => p.detail).join(' | ')).to.match(/^SEARCH cases USING INDEX cases_closed_retention \(closed_at<\?\)/)
  })

  it('on a database written before it, the migration keeps the closed and rated cases findable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-041-'))
    try {
      const file = join(dir, 'liaison.db')
      const first = openDatabase(file)
      const cases = caseRepo(first, new GroupCommit(first))
      const open = caseRecord({ status: 'assigned' })
      const closed = caseRecord({ status: 'closed', closedAt: new Date('2026-11-23T02:00:00Z'), rating: 2 })
      for (const record of [open, closed]) await cases.submit({ record, ticketDate: '2026-11-22', events: [], outbox: [] })
      first.close()
      // The indexes as they were before migration 041.
      const bare = new Database(file)
      bare.exec(`CREATE INDEX cases_deputy ON cases(deputy_id, status); CREATE INDEX cases_status_due ON cases(status, next_due_at);
        CREATE INDEX cases_next_due ON cases(next_due_at); DROP INDEX cases_closed_retention; DROP INDEX cases_rating_created;
        CREATE INDEX cases_closed_retention ON cases(closed_at) WHERE anonymised_at IS NULL; CREATE INDEX cases_rating_created ON cases(rating, created_at, id);
        DELETE FROM schema_migrations WHERE version = 41;`)
      bare.close()

      const db = openDatabase(file)
      try {
        expect(indexEntries(db)).to.include({ cases_closed_retention: 1, cases_rating_created: 1 }).and.not.to.have.property('cases_next_due')
        const due = await privacyRepo(db, new GroupCommit(db)).casesToAnonymise(new Date('2027-11-23T02:00:00Z'), 10)
        expect(due.map((c) => c.id)).to.deep.equal([closed.id])
        const rated = await caseRepo(db, new GroupCommit(db)).search({ limit: 20, rating: 2 })
        expect(rated.items.map((c) => c.id)).to.deep.equal([closed.id])
      } finally {
        db.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
