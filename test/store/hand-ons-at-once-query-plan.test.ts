import { expect } from 'chai'
import { caseRepo } from '../../src/store/sqlite/case-repos.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'

/**
 * The assign dialog's 交回了留言 line of a few dozen deputies (CaseRepo.handedOnByEach) reads their hand-on steps since the cut
 * on the partial index of 已转出 (migration 079), each step and case by its key, never a walk through the events of
 * every case (plans, never times).
 */
describe('sqlite: the hand-ons of several deputies read their steps on their own index', () => {
  let db: Db
  before(() => {
    db = openDatabase(':memory:')
  })
  after(() => db.close())

  it('searches case_events_handed_on by deputy and time, no scan of case_events or cases', async () => {
    const cases = caseRepo(db, new GroupCommit(db))
    const seen: string[] = []
    const prepare = db.prepare
    db.prepare = ((sql: string) => (seen.push(sql), prepare.call(db, sql))) as Db['prepare']
    try {
      await cases.handedOnByEach(['dp0001', 'dp0002', 'dp0003'], new Date('2026-11-16T02:00:00Z'), 5)
    } finally {
      db.prepare = prepare
    }
    const read = seen.filter((sql) => sql.includes('WITH mine'))
    expect(read, 'one statement for all three').to.have.length(1)
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${read[0]}`).all(...Array((read[0].match(/\?/g) ?? []).length).fill('x')) as Array<{ detail: string }>).map(
      (r) => r.detail,
    )
    expect(plan.join(' | ')).to.match(/SEARCH case_events USING (COVERING )?INDEX case_events_handed_on \(actor_id=\? AND at>\?\)/)
    expect(plan.some((d) => /^SCAN (case_events|cases|e)\b/.test(d))).to.equal(false)
  })
})
