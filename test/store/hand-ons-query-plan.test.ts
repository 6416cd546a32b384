import { expect } from 'chai'
import { caseRepo } from '../../src/store/sqlite/case-repos.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'

/**
 * His 已转出 list (CaseRepo.handedOnBy) reads his own hand-on steps on their partial index (migration 079), never a walk
 * through the millions of events of every case (plans, never times).
 */
describe('sqlite: a deputy’s 已转出 list reads his hand-on steps on their own index', () => {
  let db: Db
  before(() => {
    db = openDatabase(':memory:')
  })
  after(() => db.close())

  it('searches case_events_handed_on, no scan of case_events', async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    const seen: string[] = []
    const prepare = db.prepare
    db.prepare = ((sql: string) => (seen.push(sql), prepare.call(db, sql))) as Db['prepare']
    try {
      await cases.handedOnBy('dp0001', { limit: 20 })
    } finally {
      db.prepare = prepare
    }
    const list = seen.find((sql) => sql.includes('WITH mine'))!
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${list}`).all(...Array((list.match(/\?/g) ?? []).length).fill('x')) as Array<{ detail: string }>).map(
      (r) => r.detail,
    )
    expect(plan.join(' | ')).to.match(/SEARCH case_events USING (COVERING )?INDEX case_events_handed_on \(actor_id=\?\)/)
    expect(plan.some((d) => /^SCAN case_events\b/.test(d))).to.equal(false)
  })
})
