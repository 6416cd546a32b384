import { expect } from 'chai'
import { WAITING_STATUSES } from '../../src/domain/case.js'
import type { BarCounts, CaseTallyKey } from '../../src/store/case-tally.js'
import type { CaseFilter, Store } from '../../src/store/ports.js'
import { caseRepo } from '../../src/store/sqlite/case-repos.js'
import { KEPT_SCOPES } from '../../src/store/sqlite/case-deputy-ranking.js'
import { KEPT_PLACE_SCOPES } from '../../src/store/sqlite/case-place-counts-kept.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'
import { HOUR, NOW, SCOPES, liveCaseLives } from './case-life.js'
import { caseEvent, caseRecord } from './records.js'

const KEPT: Array<CaseTallyKey | undefined> = [undefined, 'station', 'district', 'handlingDistrict']
// A filter the kept counts do not serve (from the first instant: the same cases), so counted live from the cases.
const live = (scope: CaseFilter): CaseFilter => ({ ...scope, createdFrom: new Date(0) })
const byKey = (bars: BarCounts[]) => [...bars].sort((a, b) => (a.key < b.key ? -1 : 1))
// Before, at and after the cases' deadlines: late figures change between them.
const TIMES = [NOW, new Date(NOW.getTime() - 10 * 24 * HOUR), new Date(NOW.getTime() + 3 * 24 * HOUR), new Date(NOW.getTime() + 40 * 24 * HOUR)]

/**
 * The SQLite adapter keeps the unfinished cases' deadlines in memory between looks (the figures of "now" of the
 * statistics and the dashboard, and the figures mark), brought up to date from the case change log: every look after
 * any write gives the figures the live SQL counts from the cases.
 */
describe("the unfinished cases' deadlines and the deputies' counts kept in memory by the SQLite store", () => {
  let db: Db
  let store: Store
  beforeEach(() => {
    db = openDatabase(':memory:')
    store = { cases: caseRepo(db, new GroupCommit(db)) } as unknown as Store
  })
  afterEach(() => db.close())

  /** Every kept tally and every deputy's bar, of every scope and at every time, against the live count. */
  const expectLiveFigures = async (when: string) => {
    for (const now of TIMES)
      for (const [name, scope] of Object.entries(SCOPES)) {
        const at = `${when}: ${name} at ${now.toISOString()}`
        for (const groupBy of KEPT)
          expect(await store.cases.tally(scope, { now, groupBy, topics: true }), `${at} by ${groupBy ?? 'nothing'}`).to.deep.equal(
            await store.cases.tally(live(scope), { now, groupBy, topics: true }),
          )
        // The statistics' ranking: every deputy's bar, kept between looks too (asked at each of the times in turn).
        expect(byKey(await store.cases.deputyBars(scope, now)), `${at}, every deputy's bar`).to.deep.equal(
          byKey(await store.cases.deputyBars(live(scope), now)),
        )
      }
  }

  it('gives the live figures after every kind of write made since the first look', async () => {
    // Every scope's deputies' counts stay kept between its looks, so each look after a write reads only what changed.
    expect(Object.keys(SCOPES).length).to.be.at.most(Math.min(KEPT_SCOPES, KEPT_PLACE_SCOPES) + 1) // (one scope sees nothing: never kept)
    const cases = await liveCaseLives(store)
    await expectLiveFigures('first look')
    let mark = await store.cases.figuresMark(NOW)
    const changed = async (when: string) => {
      await expectLiveFigures(when)
      const next = await store.cases.figuresMark(NOW)
      expect(next, `${when}: the mark moves`).to.not.equal(mark)
      mark = next
    }

    const waiting = cases.filter((c) => WAITING_STATUSES.includes(c.status))
    // Through the store: an acknowledgement, and a case handed to another station, district and deputy.
    await store.cases.update({ ...waiting[0], status: 'acknowledged', acknowledgedAt: NOW }, [caseEvent(waiting[0].id, 'acknowledged')], [])
    await changed('acknowledged')
    await store.cases.update(
      { ...waiting[1], stationId: 'st003', districtId: 'd02', handlingDistrictId: 'd01', deputyId: 'dp0009', ackDueAt: new Date(NOW.getTime() + HOUR) },
      [caseEvent(waiting[1].id, 'transferred')],
      [],
    )
    await changed('moved')
    // A new message, with deadlines ahead.
    const record = caseRecord({ stationId: 'st002', districtId: 'd01', deputyId: 'dp0002', createdAt: NOW, ackDueAt: new Date(NOW.getTime() + 2 * HOUR) })
    await store.cases.submit({ record, ticketDate: '2026-11-25', events: [caseEvent(record.id, 'submitted')], outbox: [] })
    await changed('submitted')
    // By other writers (an import, retention, a console by hand): finished, deleted, given another id.
    db.prepare("UPDATE cases SET status = 'closed', replied_at = ?, next_due_at = NULL WHERE id = ?").run(NOW.toISOString(), waiting[2].id)
    await changed('finished by hand')
    db.prepare('DELETE FROM case_events WHERE case_id = ?').run(waiting[3].id)
    db.prepare('DELETE FROM cases WHERE id = ?').run(waiting[3].id)
    await changed('deleted')
    // (Ids are never changed; its events would still name the old one.)
    db.pragma('foreign_keys = OFF')
    db.prepare('UPDATE cases SET id = ? WHERE id = ?').run(`${waiting[4].id}-renamed`, waiting[4].id)
    await changed('renamed')
  })

  it("keeps every deputy's bar right between looks: a deputy rising above the others, then falling back", async () => {
    await liveCaseLives(store)
    await expectLiveFigures('first look')
    // A deputy nobody counted yet gets more messages than any.
    const rising = []
    for (let i = 0; i < 12; i++) {
      const record = caseRecord({ stationId: 'st001', districtId: 'd02', deputyId: 'dp0077', createdAt: new Date(NOW.getTime() - i * HOUR) })
      rising.push(await store.cases.submit({ record, ticketDate: '2026-11-25', events: [caseEvent(record.id, 'submitted')], outbox: [] }))
    }
    await expectLiveFigures('a deputy rising')
    // Their messages handed to another deputy: the one who was busiest is no longer.
    for (const c of rising.slice(0, 10)) await store.cases.update({ ...c, deputyId: 'dp0078' }, [caseEvent(c.id, 'transferred')], [])
    await expectLiveFigures('handed over')
    db.prepare('DELETE FROM case_events WHERE case_id = ?').run(rising[10].id)
    db.prepare('DELETE FROM cases WHERE id = ?').run(rising[10].id)
    await expectLiveFigures('one deleted')
  })

  it("drops a topic from a station's counts once its last message of that topic moved to another station or topic", async () => {
    await liveCaseLives(store)
    const record = caseRecord({ stationId: 'st003', districtId: 'd02', deputyId: 'dp0009', topic: '消防安全' })
    const only = await store.cases.submit({ record, ticketDate: '2026-11-25', events: [caseEvent(record.id, 'submitted')], outbox: [] })
    await expectLiveFigures('a station with one message about fire safety')
    const moved = await store.cases.update({ ...only, stationId: 'st001', districtId: 'd01' }, [caseEvent(only.id, 'transferred')], [])
    await expectLiveFigures('that message handed to another station')
    await store.cases.update({ ...moved, topic: '其他' }, [caseEvent(only.id, 'recategorized')], [])
    await expectLiveFigures('its topic changed')
  })

  it('reads the unfinished cases again when changes it never saw were pruned from the log', async () => {
    const cases = await liveCaseLives(store)
    await expectLiveFigures('first look')
    const waiting = cases.filter((c) => WAITING_STATUSES.includes(c.status))
    for (const c of waiting.slice(0, 3)) db.prepare("UPDATE cases SET status = 'rejected' WHERE id = ?").run(c.id)
    // As the log's pruning does (migration 040): all but the last change gone.
    db.prepare('DELETE FROM case_changes WHERE seq < (SELECT max(seq) FROM case_changes)').run()
    await expectLiveFigures('after changes pruned unseen')
  })

  it("reads every deputy's counts again when the deputies cases were taken from were pruned from their log unseen", async () => {
    const cases = await liveCaseLives(store)
    await expectLiveFigures('first look')
    // Two cases handed from their deputies to one other (a change the case log names by the case, whose deputy is now the new one).
    const handed = cases.filter((c) => c.deputyId && c.deputyId !== 'dp0009').slice(0, 2)
    for (const c of handed) db.prepare("UPDATE cases SET deputy_id = 'dp0009' WHERE id = ?").run(c.id)
    db.prepare('DELETE FROM case_deputy_changes WHERE seq < (SELECT max(seq) FROM case_deputy_changes)').run()
    await expectLiveFigures('after the deputies they were taken from were pruned unseen')
  })
})
