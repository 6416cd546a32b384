import { expect } from 'chai'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { meetingRepo } from '../../src/store/sqlite/meeting-repo.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'

/**
 * The daily digest's second read, meetings beyond the week whose replies are due within it: SQLite finds them by the
 * reply deadline, never by walking every published meeting ahead (a city that publishes its year of 接待日 has
 * thousands). The real statement of the real adapter, planned on a migrated empty database (plans, never times).
 */
describe('sqlite: meetings whose replies are due are found by their deadline', () => {
  let db: Db
  beforeEach(() => {
    db = openDatabase(':memory:')
  })
  afterEach(() => db.close())

  it('searches the deadline index, bounded on both sides', async () => {
    const seen: string[] = []
    const prepare = db.prepare
    db.prepare = ((sql: string) => {
      seen.push(sql)
      return prepare.call(db, sql)
    }) as Db['prepare']
    const now = new Date('2026-12-01T00:15:00Z')
    const weekEnd = new Date('2026-12-08T00:15:00Z')
    await meetingRepo(db, new GroupCommit(db)).list({ statuses: ['published'], startFrom: weekEnd, rsvpDeadlineFrom: now, rsvpDeadlineTo: weekEnd })
    db.prepare = prepare
    const sql = seen.find((s) => /FROM meetings/.test(s) && /rsvp_deadline/.test(s))!
    const params = Array((sql.match(/\?/g) ?? []).length).fill(null) as unknown[]
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail)
    expect(plan.join('\n')).to.include('USING INDEX meetings_status_rsvp_deadline (status=? AND rsvp_deadline>? AND rsvp_deadline<?)')
  })
})
