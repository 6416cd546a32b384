import { expect } from 'chai'
import Database from 'better-sqlite3'
import type { Store } from '../../src/store/ports.js'
import { createSqliteStore } from '../../src/store/sqlite/index.js'
import { limitSql } from '../../src/store/sqlite/sql-limit.js'

const NOW = new Date('2026-11-30T02:00:00Z')

/**
 * Every list and batch of the SQLite adapter, with a cursor where it takes one: what each
 * console page, the mini-program's lists and the jobs read a page or a batch with.
 */
const LISTS: Record<string, (s: Store) => Promise<unknown>> = {
  "a resident's cases": (s) => s.cases.search({ residentId: 'mp-1', limit: 20 }),
  'the inbox by district': (s) => s.cases.search({ districtIds: ['d01'], limit: 20 }),
  'the inbox by words': (s) => s.cases.search({ textWords: ['路灯坏了'], limit: 20 }),
  'the outbox console': (s) => s.outbox.search({ limit: 50 }),
  'the outbox batch': (s) => s.outbox.claimDue(NOW, { limit: 10, leaseMs: 60_000, holder: 'h', channels: ['bot'] }),
  surveys: (s) => s.surveys.search({ limit: 20 }),
  'text answers': (s) => s.surveys.textAnswers('sv-1', { questionId: 'q1', limit: 20 }),
  campaigns: (s) => s.campaigns.search({ limit: 20 }),
  'reading due': (s) => s.campaigns.dueItems(NOW, 100),
  meetings: (s) => s.meetings.search({ limit: 20 }),
  quizzes: (s) => s.quizzes.search({ limit: 20 }),
  'the audit log': (s) => s.audit.list({ limit: 20 }),
  stations: (s) => s.stations.search({ limit: 20 }),
  deputies: (s) => s.deputies.search({ limit: 20 }),
  staff: (s) => s.staff.search({ limit: 20 }),
  'weekly report weeks': (s) => s.analysis.reportWeeks('city', 12),
  publications: (s) => s.publications.list({ limit: 20 }),
  'reported activities': (s) => s.recordActivities.search({ limit: 20 }),
  'cases to anonymise': (s) => s.privacy.casesToAnonymise(NOW, 200),
}

describe('the SQLite adapter cuts pages and batches with a LIMIT written in the statement, never bound', () => {
  // A bound LIMIT made SQLite compile the statement again on every run (sql-limit.ts).
  let store: Store
  const statements: string[] = []
  const prepare = Database.prototype.prepare
  before(() => {
    Database.prototype.prepare = function (this: Database.Database, sql: string) {
      statements.push(sql)
      return prepare.call(this, sql)
    } as typeof prepare
    store = createSqliteStore(':memory:')
  })
  after(async () => {
    Database.prototype.prepare = prepare
    await store.close()
  })

  for (const [name, list] of Object.entries(LISTS))
    it(`${name}: the same page size, one statement compiled once`, async () => {
      statements.length = 0
      await list(store)
      const limited = statements.filter((sql) => /\bLIMIT\b/i.test(sql))
      expect(limited, 'a statement with a LIMIT').not.to.be.empty
      for (const sql of limited) expect(sql, 'the LIMIT is bound').not.to.match(/\bLIMIT\s+\?/i)
      statements.length = 0
      await list(store)
      expect(statements, 'read again: the statements kept').to.deep.equal([])
    })

  it('refuses to write anything but a whole number into a LIMIT', () => {
    expect(limitSql(21)).to.equal('LIMIT 21')
    for (const bad of [1.5, -1, Number.NaN, '1; DROP TABLE cases' as unknown as number]) expect(() => limitSql(bad)).to.throw(TypeError)
  })
})
