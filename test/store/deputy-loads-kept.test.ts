import { expect } from 'chai'
import type { CaseRecord } from '../../src/domain/case.js'
import { caseRepo } from '../../src/store/sqlite/case-repos.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'
import { caseEvent, caseRecord } from './records.js'

/**
 * Routing reads the station's deputies' open cases for every message; the SQLite adapter keeps
 * them in memory and reads again after any write of its own (src/store/sqlite/deputy-loads-kept.ts).
 * A load it kept must never outlive a write here, whoever makes it.
 */
describe('sqlite: deputy loads kept between messages follow every write made here', () => {
  let db: Db
  let cases: ReturnType<typeof caseRepo>
  const submit = (over: Partial<CaseRecord>) => {
    const record = caseRecord(over)
    return cases.submit({ record, ticketDate: '2026-11-22', events: [caseEvent(record.id, 'submitted')], outbox: [] })
  }

  beforeEach(() => {
    db = openDatabase(':memory:')
    cases = caseRepo(db, new GroupCommit(db))
  })
  afterEach(() => db.close())

  it('a case routed to a deputy counts for the next message at once', async () => {
    expect(await cases.deputyLoads(['dp0001', 'dp0002'])).to.deep.equal({})
    await submit({ deputyId: 'dp0001' })
    expect(await cases.deputyLoads(['dp0001', 'dp0002'])).to.deep.equal({ dp0001: 1 })
    await submit({ deputyId: 'dp0002' })
    await submit({ deputyId: 'dp0002' })
    expect(await cases.deputyLoads(['dp0002', 'dp0001'])).to.deep.equal({ dp0001: 1, dp0002: 2 })
  })

  it('a case closed by a plain statement (an operator, retention) leaves the load at once', async () => {
    const record = await submit({ deputyId: 'dp0001' })
    await submit({ deputyId: 'dp0001' })
    expect(await cases.deputyLoads(['dp0001'])).to.deep.equal({ dp0001: 2 })
    db.prepare("UPDATE cases SET status = 'closed' WHERE id = ?").run(record.id)
    expect(await cases.deputyLoads(['dp0001'])).to.deep.equal({ dp0001: 1 })
  })

  it('a load read inside a transaction that is rolled back is not kept', async () => {
    await submit({ deputyId: 'dp0001' })
    expect(await cases.deputyLoads(['dp0001'])).to.deep.equal({ dp0001: 1 })
    db.exec('BEGIN')
    db.prepare("UPDATE deputy_loads SET open_cases = 7 WHERE deputy_id = 'dp0001'").run()
    expect(await cases.deputyLoads(['dp0001'])).to.deep.equal({ dp0001: 7 })
    db.exec('ROLLBACK')
    expect(await cases.deputyLoads(['dp0001'])).to.deep.equal({ dp0001: 1 })
  })
})
