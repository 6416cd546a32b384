import { expect } from 'chai'
import { CASE_STATUSES, OPEN_STATUSES, nextDeadline, type CaseStatus } from '../../src/domain/case.js'
import type { BarCounts, CaseQuery, CaseTallyKey, Store } from '../../src/store/ports.js'
import { caseEvent } from './records.js'
import { EITHER_SCOPE, KEY_OF, NOW, SCOPES, T0, inScope, liveCaseLives, talliesOf } from './case-life.js'

const HOUR = 3_600_000
/** Every console user's scope, an organizer of a district and of a street elsewhere too. */
const SCOPES_AND_EITHER = { ...SCOPES, 'district or stations': EITHER_SCOPE }

/** The dashboard's and the statistics' counts of a scope, after cases lived through the whole loop. */
export function caseCountsContract(store: () => Store) {
  describe('case counts of a scope as cases change', () => {
    it('tally every scope, overall and per group, as counting the cases one by one does, after a life of changes', async () => {
      const cases = await liveCaseLives(store())
      // Some late, some in time, some not yet due: the figures of "now" are all exercised.
      const all = talliesOf(cases, NOW)[0]
      expect(all.overdueOpen).to.be.greaterThan(0)
      expect(all.ackLate, '未按时受理').to.be.greaterThan(0)
      expect(all.replyDue - all.replyOk).to.be.greaterThan(0)
      expect(all.reopened).to.be.greaterThan(0)
      for (const [name, scope] of Object.entries(SCOPES_AND_EITHER))
        for (const groupBy of [undefined, ...(Object.keys(KEY_OF) as CaseTallyKey[])])
          for (const topics of [false, true]) {
            const expected = talliesOf(inScope(cases, scope), NOW, groupBy, topics)
            expect(
              await store().cases.tally(scope, { now: NOW, groupBy, topics }),
              `${name} by ${groupBy ?? 'nothing'}${topics ? ' with topics' : ''}`,
            ).to.deep.equal(expected)
          }
    })

    it('tally every scope overall and per group in one call, the cases of no group counted overall', async () => {
      const cases = await liveCaseLives(store())
      expect(cases.some((c) => c.stationId === null)).to.equal(true)
      for (const [name, scope] of Object.entries(SCOPES_AND_EITHER))
        for (const groupBy of Object.keys(KEY_OF) as CaseTallyKey[])
          for (const topics of [false, true]) {
            const expected = [...talliesOf(inScope(cases, scope), NOW, undefined, topics), ...talliesOf(inScope(cases, scope), NOW, groupBy, topics)]
            expect(
              await store().cases.tally(scope, { now: NOW, groupBy, topics, overall: true }),
              `${name} overall and by ${groupBy}${topics ? ' with topics' : ''}`,
            ).to.deep.equal(expected)
          }
      // A filter the kept counts do not answer: counted from the cases, the same two tallies.
      const since = { createdFrom: T0 }
      const groups = await store().cases.tally(since, { now: NOW, groupBy: 'station', topics: true })
      expect(groups).to.not.be.empty
      expect(await store().cases.tally(since, { now: NOW, groupBy: 'station', topics: true, overall: true })).to.deep.equal([
        ...(await store().cases.tally(since, { now: NOW, topics: true })),
        ...groups,
      ])
    })

    it('no longer show a group whose cases all moved away', async () => {
      const cases = await liveCaseLives(store())
      for (const c of cases.filter((c) => c.stationId === 'st003' || c.deputyId === 'dp0004')) {
        const moved = { ...c, stationId: 'st002', deputyId: c.deputyId === null ? null : 'dp0002' }
        await store().cases.update(moved, [caseEvent(c.id, 'transferred')], [])
      }
      expect((await store().cases.tally({}, { now: NOW, groupBy: 'station', topics: true })).map((t) => t.key)).to.deep.equal(['st001', 'st002'])
      expect((await store().cases.deputyBars({}, NOW)).map((b) => b.key)).not.to.include('dp0004')
    })

    it("give every deputy's bar for the statistics' ranking, in every scope and with a filter the kept counts do not hold", async () => {
      const cases = await liveCaseLives(store())
      const byKey = (bars: BarCounts[]) => [...bars].sort((a, b) => (a.key < b.key ? -1 : 1))
      const barsOf = (some: typeof cases) =>
        talliesOf(some, NOW, 'deputy').map((t) => ({
          key: t.key!,
          total: t.total,
          open: OPEN_STATUSES.reduce((n, s) => n + (t.byStatus[s] ?? 0), 0),
          overdueOpen: t.overdueOpen,
          replyDue: t.replyDue,
          replyOk: t.replyOk,
        }))
      for (const [name, scope] of Object.entries(SCOPES_AND_EITHER)) {
        const expected = barsOf(inScope(cases, scope))
        if (name !== 'nothing') expect(expected.length, name).to.be.greaterThan(0)
        expect(byKey(await store().cases.deputyBars(scope, NOW)), name).to.deep.equal(byKey(expected))
      }
      const late = { ...SCOPES.district, statuses: [...OPEN_STATUSES] }
      const open = inScope(cases, SCOPES.district).filter((c) => OPEN_STATUSES.includes(c.status))
      expect(byKey(await store().cases.deputyBars(late, NOW))).to.deep.equal(byKey(barsOf(open)))
      expect(await store().cases.deputyBars({ stationIds: [] }, NOW), 'no station: nobody').to.deep.equal([])
    })

    it("count the inbox's 共 N 条 as its list finds them, by status (merged ones too), by deputy and by place, in every scope, one past the bound at most", async () => {
      const cases = await liveCaseLives(store())
      expect(
        cases.some((c) => c.mergedInto && c.status === 'closed'),
        'a merged message, closed',
      ).to.equal(true)
      const upTo = (q: Partial<CaseQuery>, bound = 1000) => store().cases.countUpTo(q, bound)
      for (const [name, scope] of Object.entries(SCOPES_AND_EITHER)) {
        const mine = inScope(cases, scope)
        for (const statuses of [...CASE_STATUSES.map((s) => [s]), ['closed', 'assigned'] as CaseStatus[], [...OPEN_STATUSES]]) {
          const n = mine.filter((c) => statuses.includes(c.status)).length
          expect(await upTo({ ...scope, statuses }), `${name}: ${statuses.join(', ')}`).to.equal(n)
          expect(await upTo({ ...scope, statuses }, 1), `${name}: ${statuses.join(', ')}, bound 1`).to.equal(Math.min(n, 2))
        }
        for (const deputyId of ['dp0001', 'dp0002', 'dp0003', 'dp0004']) {
          const n = mine.filter((c) => c.deputyId === deputyId && !c.mergedInto).length
          expect(await upTo({ ...scope, deputyId, unmerged: true }), `${name}: ${deputyId}`).to.equal(n)
          expect(await upTo({ ...scope, deputyId, unmerged: true, statuses: ['closed'] }), `${name}: ${deputyId}, closed`).to.equal(
            mine.filter((c) => c.deputyId === deputyId && !c.mergedInto && c.status === 'closed').length,
          )
        }
        for (const regionIds of [['c010101'], ['c010101', 'c999'], ['c999']])
          expect(await upTo({ ...scope, regionIds }), `${name}: ${regionIds.join(', ')}`).to.equal(mine.filter((c) => regionIds.includes(c.regionId!)).length)
      }
      expect(await upTo({ statuses: ['closed'] }), 'every closed message').to.be.greaterThan(0)
    })

    it('count new cases in each period of the dashboard, periods that overlap and one left open, in one call', async () => {
      const cases = await liveCaseLives(store())
      const day = 24 * HOUR
      const periods = [
        { from: new Date(T0.getTime() + 10 * day) },
        { from: T0, to: new Date(T0.getTime() + 7 * day) },
        { from: new Date(T0.getTime() + 7 * day), to: new Date(T0.getTime() + 14 * day) },
        { from: new Date(T0.getTime() + 5 * day), to: new Date(T0.getTime() + 12 * day) },
        { from: new Date(T0.getTime() + 30 * day), to: new Date(T0.getTime() + 37 * day) },
      ]
      for (const [name, scope] of Object.entries(SCOPES_AND_EITHER)) {
        const mine = inScope(cases, scope)
        const expected = periods.map((p) => mine.filter((c) => c.createdAt >= p.from && (!p.to || c.createdAt < p.to)).length)
        expect(await store().cases.countByPeriod(scope, periods), name).to.deep.equal(expected)
      }
      expect((await store().cases.countByPeriod({}, periods)).slice(0, 3).every((n) => n > 0)).to.equal(true)
      expect(await store().cases.countByPeriod({}, [])).to.deep.equal([])
    })
    it('mark what the counts answer: one mark, the same figures at any time; another once a case is written or a deadline passes (or none at all)', async () => {
      const cases = await liveCaseLives(store())
      const mark = (now: Date) => store().cases.figuresMark(now)
      // MongoDB cannot tell (no log of case writes): it marks nothing, and every report is counted afresh.
      if ((await mark(NOW)) === null) return
      // Just before, at and just after every deadline ahead, in time order, and a while after the last one.
      const deadlines = cases.flatMap((c) => [c.ackDueAt, c.replyDueAt, nextDeadline(c)]).filter((d): d is Date => d !== null && d >= NOW)
      expect(deadlines).to.not.be.empty
      const times = [
        ...new Set([NOW, ...deadlines.flatMap((d) => [d.getTime() - 1, d.getTime(), d.getTime() + 1].map((t) => new Date(t)))].map((d) => d.getTime())),
      ]
        .sort((a, b) => a - b)
        .map((t) => new Date(t))
      times.push(new Date(times[times.length - 1].getTime() + 30 * 24 * HOUR))
      const seen = new Map<string, { at: Date; figures: unknown }>()
      for (const at of times) {
        const figures = [
          await store().cases.tally({}, { now: at, groupBy: 'station', topics: true, overall: true }),
          await store().cases.tally({ createdFrom: T0 }, { now: at, groupBy: 'deputy' }),
        ]
        const m = (await mark(at))!
        const before = seen.get(m)
        if (before) expect(figures, `${at.toISOString()} has the mark of ${before.at.toISOString()}`).to.deep.equal(before.figures)
        else seen.set(m, { at, figures })
      }
      // The figures do change over these times, and the mark with them; yet it stays while nothing changes.
      expect(seen.size).to.be.greaterThan(1)
      const quiet = new Date(NOW.getTime() + 1)
      const atNow = await mark(NOW)
      expect(await mark(NOW)).to.equal(atNow)
      if (!deadlines.some((d) => d.getTime() <= quiet.getTime())) expect(await mark(quiet)).to.equal(atNow)
      // A case written (a reminder that moves no figure counts as a write too): another mark.
      const before = await mark(NOW)
      const one = cases.find((c) => c.status === 'assigned' || c.status === 'submitted')!
      await store().cases.update({ ...one, status: 'acknowledged', acknowledgedAt: NOW }, [caseEvent(one.id, 'acknowledged')], [])
      expect(await mark(NOW)).to.not.equal(before)
    })
  })
}
