import { expect } from 'chai'
import { WAITING_STATUSES } from '../../src/domain/case.js'
import { busiestOf, type BarCounts, type CaseTallyKey } from '../../src/store/case-tally.js'
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

  /** Every kept tally and the busiest deputies, of every scope and at every time, against the live count. */
  const expectLiveFigures = async (when: string) => {
    for (const now of TIMES)
      for (const [name, scope] of Object.entries(SCOPES)) {
        const at = `${when}: ${name} at ${now.toISOString()}`
        for (const groupBy of KEPT)
          expect(await store.cases.tally(scope, { now, groupBy, topics: true }), `${at} by ${groupBy ?? 'nothing'}`).to.deep.equal(
            await store.cases.tally(live(scope), { now, groupBy, topics: true }),
          )
        for (const top of [1, 3])
          expect(await store.cases.busiestDeputies(scope, { now, top }), `${at}, busiest ${top}`).to.deep.equal(
            busiestOf(await store.cases.tally(live(scope), { now, groupBy: 'deputy' }), top),
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

  it('keeps the busiest deputies right between looks: a deputy rising among them, then falling out', async () => {
    await liveCaseLives(store)
    await expectLiveFigures('first look')
    // A deputy nobody counted among the busiest gets more messages than any.
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

  it('keeps the busiest right as the busiest lose messages, counting every deputy again only once they fall to the rest', async () => {
    // Ten deputies of one station with 10, 9, … 1 messages: the busiest one is dp2010, and four times as many are kept.
    const theirs = new Map<string, Awaited<ReturnType<Store['cases']['submit']>>[]>()
    for (let n = 1; n <= 10; n++) {
      const deputyId = `dp20${String(n).padStart(2, '0')}`
      for (let i = 0; i < n; i++) {
        const record = caseRecord({ stationId: 'st001', districtId: 'd01', deputyId, createdAt: new Date(NOW.getTime() - i * HOUR) })
        theirs.set(deputyId, [
          ...(theirs.get(deputyId) ?? []),
          await store.cases.submit({ record, ticketDate: '2026-11-25', events: [caseEvent(record.id, 'submitted')], outbox: [] }),
        ])
      }
    }
    const everyDeputyRead: string[] = []
    const prepare = db.prepare
    db.prepare = ((sql: string) => {
      if (/FROM case_deputy_counts/.test(sql) && !/json_each/.test(sql)) everyDeputyRead.push(sql)
      return prepare.call(db, sql)
    }) as Db['prepare']
    const busiest = async (when: string) => {
      const bars = await store.cases.busiestDeputies({}, { now: NOW, top: 1 })
      expect(bars, when).to.deep.equal(busiestOf(await store.cases.tally(live({}), { now: NOW, groupBy: 'deputy' }), 1))
      return bars.map((b) => b.key)
    }
    expect(await busiest('first look')).to.deep.equal(['dp2010'])
    expect(everyDeputyRead).to.have.length(1)
    // The office takes messages from the busiest, one look after each: dp2009 and dp2010 tie, then dp2009 leads.
    const moved = theirs.get('dp2010')!
    await store.cases.update({ ...moved[0], deputyId: null }, [caseEvent(moved[0].id, 'transferred')], [])
    expect(await busiest('one taken from the busiest')).to.deep.equal(['dp2009', 'dp2010'])
    await store.cases.update({ ...moved[1], deputyId: null }, [caseEvent(moved[1].id, 'transferred')], [])
    expect(await busiest('two taken')).to.deep.equal(['dp2009'])
    expect(everyDeputyRead, 'the kept deputies answered: nobody else can have more').to.have.length(1)
    // Most of the messages of the four kept taken away: deputies nobody read may now be the busiest.
    for (const id of ['dp2007', 'dp2008', 'dp2009', 'dp2010'])
      for (const c of theirs.get(id)!.slice(id === 'dp2010' ? 2 : 0, -1))
        await store.cases.update({ ...c, deputyId: null }, [caseEvent(c.id, 'transferred')], [])
    expect(await busiest('the kept ones down to one message each')).to.deep.equal(['dp2006'])
    expect(everyDeputyRead, 'every deputy read again').to.have.length(2)
    db.prepare = prepare
  })

  it('draws every deputy tied with the last of the busiest, however many there are', async () => {
    // Nine deputies with one case each: the busiest three are all nine.
    for (let i = 1; i <= 9; i++) {
      const record = caseRecord({ stationId: 'st001', districtId: 'd01', deputyId: `dp100${i}` })
      await store.cases.submit({ record, ticketDate: '2026-11-25', events: [caseEvent(record.id, 'submitted')], outbox: [] })
    }
    for (const top of [1, 3, 15]) {
      const bars = await store.cases.busiestDeputies({}, { now: NOW, top })
      expect(bars.map((b) => b.key)).to.deep.equal(Array.from({ length: 9 }, (_, i) => `dp100${i + 1}`))
    }
  })
})
