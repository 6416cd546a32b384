import { expect } from 'chai'
import { OVERDUE_STATUSES } from '../../src/domain/suggestion-due.js'
import { encodeCursor } from '../../src/store/cursor.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'
import { suggestionRepo } from '../../src/store/sqlite/suggestion-repo.js'

/** SQLite's plan of each SELECT the adapter prepares during one call (plans, never times). */
async function plansOf(db: Db, call: () => unknown): Promise<string[]> {
  const seen: string[] = []
  const prepare = db.prepare
  db.prepare = ((sql: string) => (seen.push(sql), prepare.call(db, sql))) as Db['prepare']
  try {
    await call()
  } finally {
    db.prepare = prepare
  }
  return seen
    .filter((sql) => /^\s*SELECT/i.test(sql))
    .map((sql) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array((sql.match(/\?/g) ?? []).length).fill('x')) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join(' | '),
    )
}

/**
 * A province's 只看已超期 and its 工作概览 counts read what is owed by a day on its own partial index (migration 084),
 * in the list's order and never through the table's every row; the waiting ones are counted on the status index.
 */
describe('sqlite: the office’s overdue suggestions and counts on their indexes', () => {
  let db: Db
  let repo: ReturnType<typeof suggestionRepo>
  before(() => {
    db = openDatabase(':memory:')
    repo = suggestionRepo(db, new GroupCommit(db))
  })
  after(() => db.close())
  const onDueIndex = /SEARCH suggestions USING (COVERING )?INDEX suggestions_due \((\(due_by,id\)>\(\?,\?\) AND )?due_by<\?\)/

  it('pages the overdue of some districts in the index’s order, no scan and no sort', async () => {
    const cursor = encodeCursor('2026-12-03|sg-1')
    for (const q of [
      { limit: 20 },
      { districtIds: ['d01', 'd02'], limit: 20, cursor },
      { districtIds: ['d01'], statuses: OVERDUE_STATUSES, keySupervision: true, limit: 20 },
    ]) {
      const [plan, ...more] = await plansOf(db, () => repo.overdue(q, '2026-12-10'))
      expect(more).to.deep.equal([])
      expect(plan).to.match(onDueIndex)
      expect(plan).not.to.match(/SCAN suggestions|TEMP B-TREE/)
    }
  })

  it('counts the overdue from the index alone, and the waiting by status', async () => {
    const [overdue] = await plansOf(db, () => repo.countOverdue({ districtIds: ['d01'], statuses: OVERDUE_STATUSES }, '2026-12-10'))
    expect(overdue).to.match(/SEARCH suggestions USING COVERING INDEX suggestions_due \(due_by<\?\)/)
    const [waiting] = await plansOf(db, () => repo.countByStatus({ districtIds: ['d01'], statuses: ['submitted', 'accepted'] }))
    expect(waiting).to.match(/SEARCH suggestions USING (COVERING )?INDEX suggestions_by_status \(status=\?\)/)
    expect(`${overdue} ${waiting}`).not.to.match(/SCAN suggestions\b/)
  })
})
