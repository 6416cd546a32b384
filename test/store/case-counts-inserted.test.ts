import { expect } from 'chai'
import type { BarCounts, CaseTallyKey, Store } from '../../src/store/ports.js'
import { caseRepo } from '../../src/store/sqlite/case-repos.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'
import { HOUR, NOW, SCOPES, T0, inScope, liveCaseLives, talliesOf } from './case-life.js'
import { caseRecord } from './records.js'

const KEPT: Array<CaseTallyKey | undefined> = [undefined, 'station', 'district', 'handlingDistrict']

const storeOn = (db: Db) => ({ cases: caseRepo(db, new GroupCommit(db)) }) as unknown as Store

/** The rows of the three kept tables that count any case (a group every case moved out of keeps its row, all zero), in key order. */
const keptRows = (db: Db) =>
  Object.fromEntries(
    ['case_counts', 'case_topic_counts', 'case_deputy_counts'].map((table) => [
      table,
      db.prepare(`SELECT * FROM ${table} WHERE total <> 0 ORDER BY 1, 2, 3, 4`).all(),
    ]),
  )

/**
 * A message is counted by the trigger of migration 070 when it is written, and by the views of
 * migrations 036 and 060 when it changes afterwards: both ways must give the same figures.
 */
describe('case counts kept for messages written already along their way (SQLite)', () => {
  it('count a message written answered, rated, reopened, merged, withdrawn or moved exactly as one that got there step by step', async () => {
    const stepByStep = openDatabase(':memory:')
    const atOnce = openDatabase(':memory:')
    try {
      // The same forty-two cases: taken through the loop by updates, and written once as they ended up (an import of earlier years).
      const cases = await liveCaseLives(storeOn(stepByStep))
      const store = storeOn(atOnce)
      for (const { ticket, ...record } of cases)
        await store.cases.submit({ record, ticketDate: `${ticket.slice(0, 4)}-${ticket.slice(4, 6)}-${ticket.slice(6, 8)}`, events: [], outbox: [] })

      expect(keptRows(atOnce)).to.deep.equal(keptRows(stepByStep))
      for (const [name, scope] of Object.entries(SCOPES))
        for (const groupBy of KEPT) {
          const kept = await store.cases.tally(scope, { now: NOW, groupBy, topics: true })
          expect(kept, `${name} by ${groupBy ?? 'nothing'}`).to.deep.equal(talliesOf(inScope(cases, scope), NOW, groupBy, true))
          // From the first instant: a filter the kept counts do not serve, so counted live from the cases.
          expect(kept, `${name} by ${groupBy ?? 'nothing'}, live`).to.deep.equal(
            await store.cases.tally({ ...scope, createdFrom: new Date(0) }, { now: NOW, groupBy, topics: true }),
          )
        }
      const byKey = (bars: BarCounts[]) => [...bars].sort((a, b) => (a.key < b.key ? -1 : 1))
      expect(byKey(await store.cases.deputyBars({}, NOW))).to.deep.equal(byKey(await storeOn(stepByStep).cases.deputyBars({}, NOW)))

      // And the edges no life above reaches: rated twice with two scores, acknowledged and answered at the very
      // moment due (in time), reopened after a rating, merged away from its deputy.
      const due = (hours: number) => new Date(T0.getTime() + hours * HOUR)
      const at = (rating: number, hours: number) => ({ rating, comment: null, at: due(hours) })
      const edges = [
        caseRecord({
          status: 'closed',
          rating: 5,
          ratings: [at(2, 60), at(5, 200)],
          reopenCount: 1,
          acknowledgedAt: due(3),
          repliedAt: due(150),
          closedAt: NOW,
        }),
        caseRecord({
          status: 'replied',
          stationId: 'st003',
          districtId: 'd02',
          acknowledgedAt: due(24),
          repliedAt: due(21 * 24),
          ackDueAt: due(24),
          replyDueAt: due(21 * 24),
        }),
        caseRecord({ status: 'reopened', stationId: 'st002', rating: null, ratings: [at(1, 60)], reopenCount: 1, deputyId: 'dp0003' }),
        caseRecord({ status: 'closed', mergedInto: cases[0].id, deputyId: 'dp0002', closedAt: NOW, forwardedTo: { department: '区住建局', reference: null } }),
      ]
      const all = [...cases]
      for (const record of edges) all.push(await store.cases.submit({ record, ticketDate: '2026-11-22', events: [], outbox: [] }))
      for (const [name, scope] of Object.entries(SCOPES))
        for (const groupBy of [...KEPT, 'deputy' as const]) {
          const kept = await store.cases.tally(scope, { now: NOW, groupBy, topics: true })
          expect(kept, `${name} by ${groupBy ?? 'nothing'}, with the edges`).to.deep.equal(talliesOf(inScope(all, scope), NOW, groupBy, true))
        }
    } finally {
      stepByStep.close()
      atOnce.close()
    }
  })
})
