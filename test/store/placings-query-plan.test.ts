import { expect } from 'chai'
import { caseRepo } from '../../src/store/sqlite/case-repos.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'

/**
 * 我的待办 asks, for all his new messages at once, how each came to him (CaseRepo.placings): each asked case's
 * timeline on its own index, never a walk through the millions of events of every case (plans, never times).
 */
describe('sqlite: a workbench’s placing steps are read on each case’s own timeline index', () => {
  let db: Db
  before(() => {
    db = openDatabase(':memory:')
  })
  after(() => db.close())

  it('one statement, on case_events_case, no scan of case_events', async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    const seen: string[] = []
    const prepare = db.prepare
    db.prepare = ((sql: string) => (seen.push(sql), prepare.call(db, sql))) as Db['prepare']
    try {
      await cases.placings(['cs-1', 'cs-2', 'cs-3'])
    } finally {
      db.prepare = prepare
    }
    const reads = seen.filter((sql) => /^\s*SELECT/i.test(sql) && sql.includes('case_events'))
    expect(reads).to.have.length(1)
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${reads[0]}`).all(...Array((reads[0].match(/\?/g) ?? []).length).fill(null)) as Array<{ detail: string }>).map(
      (r) => r.detail,
    )
    expect(plan.join(' | ')).to.match(/SEARCH case_events USING INDEX case_events_case \(case_id=\?\)/)
    expect(plan.some((d) => /^SCAN case_events\b/.test(d))).to.equal(false)
  })
})
