import { expect } from 'chai'
import { CASE_STATUSES, type CaseRecord } from '../../src/domain/case.js'
import type { CaseMiddleTimes } from '../../src/store/case-tally.js'
import type { CaseFilter, CaseTallyKey, Store } from '../../src/store/ports.js'
import { HOUR, KEY_OF, T0 } from './case-life.js'
import { caseEvent, caseRecord } from './records.js'

const at = (ms: number) => new Date(T0.getTime() + ms)

/** The two middle values of a list, worked out here rather than by the store's own helper. */
function middle(values: number[]) {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  return { lower: sorted[Math.floor((sorted.length - 1) / 2)], upper: sorted[Math.floor(sorted.length / 2)] }
}

/** The middle times as the statistics found them from every case read out (caseStats' definitions). */
function middlesOf(cases: CaseRecord[], keyOf: ((c: CaseRecord) => string | null) | null): CaseMiddleTimes[] {
  const groups = new Map<string | null, { ack: number[]; reply: number[] }>()
  if (!keyOf) groups.set(null, { ack: [], reply: [] })
  for (const c of cases) {
    const key = keyOf ? keyOf(c) : null
    if (key === null && keyOf) continue
    if (c.status === 'withdrawn' || c.status === 'rejected' || c.mergedInto) continue
    const acked = c.acknowledgedAt ?? c.repliedAt
    if (!acked && !c.repliedAt && keyOf) continue
    const g = groups.get(key) ?? groups.set(key, { ack: [], reply: [] }).get(key)!
    if (acked) g.ack.push(acked.getTime() - c.createdAt.getTime())
    if (c.repliedAt) g.reply.push(c.repliedAt.getTime() - c.createdAt.getTime())
  }
  return [...groups.entries()].map(([key, g]) => ({ key, ack: middle(g.ack), reply: middle(g.reply) })).sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''))
}

/** Eighty cases over three districts and four stations, some stations' cases in two districts, some moved to a fourth district. */
function spreadCases(): Array<Omit<CaseRecord, 'ticket'>> {
  // mulberry32: the same cases on every run, and times spread wide enough to tell a wrong middle.
  let seed = 11
  const next = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) % n
  }
  return Array.from({ length: 80 }, (_, i) => {
    const createdAt = at(i * 5 * HOUR + next(1000))
    const acked = next(4) > 0 ? new Date(createdAt.getTime() + 1 + next(30) * 1000 * 60 * 7) : null
    const replied = next(2) > 0 ? new Date(createdAt.getTime() + 3 + next(10) * 1000 * 60 * 60 * 11) : null
    const stationId = [null, 'st001', 'st002', 'st003', 'st004'][i % 5]
    return caseRecord({
      status: CASE_STATUSES[(i * 3) % CASE_STATUSES.length],
      stationId,
      // st003 and st004 are each wholly in one district; st001 and st002 and the cases without a station are in two.
      districtId: stationId === 'st003' ? 'd03' : stationId === 'st004' ? 'd02' : `d0${1 + (Math.floor(i / 5) % 2)}`,
      // Some handed over to another district for handling: st003's all, a few to d01 from elsewhere.
      handlingDistrictId: stationId === 'st003' || i % 7 === 3 ? 'd09' : i % 11 === 4 ? 'd01' : null,
      createdAt,
      acknowledgedAt: replied && next(3) === 0 ? null : acked,
      repliedAt: replied,
      mergedInto: i % 13 === 6 ? 'case-elsewhere' : null,
    })
  })
}

const SCOPES: Record<string, CaseFilter> = {
  'every case': {},
  'a station': { stationIds: ['st003'] },
  'a station with cases in two districts': { stationIds: ['st001'] },
  'two stations': { stationIds: ['st001', 'st004'] },
  'a district': { districtIds: ['d03'] },
  'a district sharing its stations': { districtIds: ['d01'] },
  'a district the cases were moved to': { districtIds: ['d09'] },
  'two districts': { districtIds: ['d01', 'd02'] },
  'a district and a station': { districtIds: ['d02'], stationIds: ['st002'] },
  'a district or a station': { districtsOrStations: { districtIds: ['d03'], stationIds: ['st001'] } },
  'a district or no station': { districtsOrStations: { districtIds: ['d03'], stationIds: [] } },
  neither: { districtsOrStations: { districtIds: [], stationIds: [] } },
  'no station at all': { stationIds: [] },
  'a period': { createdFrom: at(48 * HOUR), createdTo: at(200 * HOUR) },
}

/** The middle times to acknowledge and to reply, found in the store: the very values of every case read out. */
export function caseMiddleTimesContract(store: () => Store) {
  describe('case middle times', () => {
    const submit = async (records: Array<Omit<CaseRecord, 'ticket'>>) => {
      for (const record of records) await store().cases.submit({ record, ticketDate: '2026-11-01', events: [caseEvent(record.id, 'submitted')], outbox: [] })
    }
    const expectSameAsReadOut = async (when: string) => {
      for (const [scope, filter] of Object.entries(SCOPES)) {
        const cases = await store().cases.listForStats(filter)
        for (const groupBy of [undefined, ...(Object.keys(KEY_OF) as CaseTallyKey[])])
          expect(await store().cases.middleTimes(filter, groupBy), `${when}: ${scope}, ${groupBy ?? 'overall'}`).to.deep.equal(
            middlesOf(cases, groupBy ? KEY_OF[groupBy] : null),
          )
      }
    }

    it('gives the two middle values of one case, of two, of three with a tie, and none for cases without times', async () => {
      const minutes = (n: number) => n * 60_000 + 7
      const acked = (id: string, stationId: string, ms: number) => caseRecord({ id, stationId, createdAt: T0, acknowledgedAt: at(ms), status: 'acknowledged' })
      await submit([
        acked('one', 'st-one', minutes(30)),
        acked('even-a', 'st-two', minutes(10)),
        acked('even-b', 'st-two', minutes(50)),
        acked('tie-a', 'st-three', minutes(20)),
        acked('tie-b', 'st-three', minutes(20)),
        acked('tie-c', 'st-three', minutes(90)),
        caseRecord({ id: 'waiting', stationId: 'st-waiting', createdAt: T0 }),
        caseRecord({ id: 'withdrawn', stationId: 'st-one', createdAt: T0, acknowledgedAt: at(minutes(1)), status: 'withdrawn' }),
        caseRecord({ id: 'merged', stationId: 'st-one', createdAt: T0, acknowledgedAt: at(minutes(2)), status: 'acknowledged', mergedInto: 'one' }),
      ])
      expect(await store().cases.middleTimes({}, 'station')).to.deep.equal([
        { key: 'st-one', ack: { lower: minutes(30), upper: minutes(30) }, reply: null },
        { key: 'st-three', ack: { lower: minutes(20), upper: minutes(20) }, reply: null },
        { key: 'st-two', ack: { lower: minutes(10), upper: minutes(50) }, reply: null },
      ])
      expect(await store().cases.middleTimes({})).to.deep.equal([{ key: null, ack: { lower: minutes(20), upper: minutes(30) }, reply: null }])
      expect(await store().cases.middleTimes({ stationIds: ['st-waiting'] })).to.deep.equal([{ key: null, ack: null, reply: null }])
      expect(await store().cases.middleTimes({ stationIds: ['st-waiting'] }, 'station')).to.deep.equal([])
    })

    it("counts in a district's middle the cases handed over to it from other districts, however they fall", async () => {
      const minutes = (n: number) => n * 60_000 + 7
      const own = [10, 20, 30, 40, 50, 60, 70, 80, 90].map((m, i) =>
        caseRecord({
          id: `own-${i}`,
          stationId: null,
          districtId: 'd-x',
          handlingDistrictId: 'd-x',
          createdAt: T0,
          acknowledgedAt: at(minutes(m)),
          status: 'acknowledged',
        }),
      )
      // Two quicker than any of the district's own, one slower, and one handed the other way.
      const handed = (id: string, m: number, from: string, to: string) =>
        caseRecord({ id, stationId: null, districtId: from, handlingDistrictId: to, createdAt: T0, acknowledgedAt: at(minutes(m)), status: 'acknowledged' })
      await submit([...own, handed('in-1', 1, 'd-y', 'd-x'), handed('in-2', 2, 'd-y', 'd-x'), handed('out-1', 3, 'd-x', 'd-y')])
      // d-x: 1, 2, 3, 10 … 90 (twelve: the 6th and 7th, 30 and 40); d-y's organizer sees only the three handed between them.
      expect(await store().cases.middleTimes({ districtIds: ['d-x'] })).to.deep.equal([
        { key: null, ack: { lower: minutes(30), upper: minutes(40) }, reply: null },
      ])
      expect(await store().cases.middleTimes({ districtIds: ['d-y'] })).to.deep.equal([
        { key: null, ack: { lower: minutes(2), upper: minutes(2) }, reply: null },
      ])
      // One more, slower than all, from a case placed in no district: thirteen, the 7th.
      await submit([
        caseRecord({
          id: 'in-3',
          stationId: null,
          districtId: null,
          handlingDistrictId: 'd-x',
          createdAt: T0,
          acknowledgedAt: at(minutes(95)),
          status: 'acknowledged',
        }),
      ])
      expect(await store().cases.middleTimes({ districtIds: ['d-x'] })).to.deep.equal([
        { key: null, ack: { lower: minutes(40), upper: minutes(40) }, reply: null },
      ])
    })

    it('finds a middle on the edge between two spans of times, among ties across that edge, and after times move between spans', async () => {
      // SQLite seeks a middle from the lower edge of the span of times that holds it (migration 039:
      // quarter octaves from one minute: 60,000 ms, 71,352, 84,853 …). Times on and beside those edges.
      const acked = (id: string, stationId: string, ms: number, more: Partial<CaseRecord> = {}) =>
        caseRecord({ id, stationId, createdAt: T0, acknowledgedAt: at(ms), status: 'acknowledged', ...more })
      await submit([
        // Odd, the middle on an edge, tied with the value after it: 59,999 · 60,000 · [60,000] · 71,351 · 71,352.
        acked('edge-1', 'st-edge', 59_999),
        acked('edge-2', 'st-edge', 60_000),
        acked('edge-3', 'st-edge', 60_000),
        acked('edge-4', 'st-edge', 71_351),
        acked('edge-5', 'st-edge', 71_352),
        // Even, the two middles either side of an edge: the last of one span and the first of the next.
        acked('across-1', 'st-across', 60_000),
        acked('across-2', 'st-across', 71_351),
        acked('across-3', 'st-across', 71_352),
        acked('across-4', 'st-across', 84_853),
        // Replies too, in the middle of a longer span, with ties either side.
        acked('reply-1', 'st-reply', 30 * 60_000, { status: 'replied', repliedAt: at(5 * HOUR) }),
        acked('reply-2', 'st-reply', 30 * 60_000, { status: 'replied', repliedAt: at(5 * HOUR) }),
        acked('reply-3', 'st-reply', 31 * 60_000, { status: 'replied', repliedAt: at(9 * HOUR) }),
      ])
      const expectReadOut = async (when: string) => {
        const cases = await store().cases.listForStats({})
        expect(await store().cases.middleTimes({}, 'station'), `${when}, by station`).to.deep.equal(middlesOf(cases, KEY_OF.station))
        expect(await store().cases.middleTimes({}), `${when}, overall`).to.deep.equal(middlesOf(cases, null))
        for (const stationId of ['st-edge', 'st-across', 'st-reply'])
          expect(await store().cases.middleTimes({ stationIds: [stationId] }), `${when}, ${stationId}'s own`).to.deep.equal(
            middlesOf(await store().cases.listForStats({ stationIds: [stationId] }), null),
          )
      }
      expect(await store().cases.middleTimes({}, 'station')).to.deep.equal([
        { key: 'st-across', ack: { lower: 71_351, upper: 71_352 }, reply: null },
        { key: 'st-edge', ack: { lower: 60_000, upper: 60_000 }, reply: null },
        { key: 'st-reply', ack: { lower: 30 * 60_000, upper: 30 * 60_000 }, reply: { lower: 5 * HOUR, upper: 5 * HOUR } },
      ])
      await expectReadOut('as submitted')

      const change = async (id: string, edit: Partial<CaseRecord>) => {
        const c = (await store().cases.get(id))!
        await store().cases.update({ ...c, ...edit }, [], [])
      }
      // Acknowledged again later (into another span), replied (a reply counts as acknowledged), reopened and
      // replied again later, merged, withdrawn, and one moved to another station.
      await change('edge-1', { acknowledgedAt: at(84_853) })
      await change('across-2', { status: 'replied', repliedAt: at(2 * HOUR) })
      await change('reply-1', { status: 'reopened', repliedAt: null })
      await expectReadOut('after acknowledging again, replying and reopening')
      await change('reply-1', { status: 'replied', repliedAt: at(20 * HOUR) })
      await change('edge-3', { mergedInto: 'edge-2' })
      await change('across-3', { status: 'withdrawn' })
      await change('edge-5', { stationId: 'st-across' })
      await expectReadOut('after replying again, merging, withdrawing and moving')
    })

    it('gives the same middle values as every case read out, in every scope and grouping, and still after cases change', async () => {
      const records = spreadCases()
      await submit(records)
      await expectSameAsReadOut('as submitted')

      // Acknowledged, replied (again, after reopening), withdrawn, merged, sent to another station and district.
      const change = async (id: string, edit: (c: CaseRecord) => Partial<CaseRecord>) => {
        const c = (await store().cases.get(id))!
        await store().cases.update({ ...c, ...edit(c) }, [], [])
      }
      const [a, b, c, d, e, f, g] = records.filter((r) => r.status !== 'withdrawn' && r.status !== 'rejected' && !r.mergedInto).map((r) => r.id)
      await change(a, (x) => ({ status: 'acknowledged', acknowledgedAt: new Date(x.createdAt.getTime() + 17 * HOUR + 3) }))
      await change(b, (x) => ({ status: 'replied', repliedAt: new Date(x.createdAt.getTime() + 40 * HOUR + 9) }))
      await change(c, () => ({ status: 'withdrawn' }))
      await change(d, () => ({ mergedInto: e }))
      await change(e, () => ({ stationId: 'st003', districtId: 'd03' }))
      await change(f, () => ({ handlingDistrictId: 'd09', stationId: null }))
      await change(g, (x) => ({ status: 'replied', repliedAt: new Date(x.createdAt.getTime() + 333 * HOUR + 1), acknowledgedAt: null }))
      await expectSameAsReadOut('after the changes')
    })
  })
}
