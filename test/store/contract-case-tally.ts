import { expect } from 'chai'
import { CASE_STATUSES, OPEN_STATUSES, type CaseRecord } from '../../src/domain/case.js'
import { ackLate, caseStats, groupedStats, statsFromCounts, waitingLate } from '../../src/domain/case-stats.js'
import type { CaseFilter, CaseTallyKey, Store } from '../../src/store/ports.js'
import { toHotIssueCase } from '../../src/domain/weekly-report.js'
import { HOUR, KEY_OF, T0 } from './case-life.js'
import { caseEvent, caseRecord } from './records.js'

const NOW = new Date(T0.getTime() + 30 * 24 * HOUR)

/**
 * Forty cases of every kind the figures tell apart: each status, late and in time, rated
 * once or again, reopened, merged, sent on to a department, with and without a station.
 * Times carry odd milliseconds, so a median rounded wrong would show.
 */
function variedCases(): Array<Omit<CaseRecord, 'ticket'>> {
  let seed = 7
  const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n
  return Array.from({ length: 40 }, (_, i) => {
    const status = CASE_STATUSES[i % CASE_STATUSES.length]
    const createdAt = new Date(T0.getTime() + i * 7 * HOUR + next(1000))
    const ackDueAt = new Date(createdAt.getTime() + 24 * HOUR)
    const replyDueAt = new Date(createdAt.getTime() + 15 * 24 * HOUR + next(50 * HOUR))
    const acked = next(3) > 0 ? new Date(createdAt.getTime() + next(40 * HOUR) + 1) : null
    const answered = ['replied', 'closed', 'reopened'].includes(status) || (status === 'withdrawn' && i % 2 === 0)
    const repliedAt = answered ? new Date(createdAt.getTime() + next(20 * 24 * HOUR) + 3) : null
    const ratings =
      answered && next(4) > 0 ? Array.from({ length: 1 + next(2) }, (_, k) => ({ rating: 1 + next(5), comment: null, at: new Date(NOW.getTime() - k) })) : []
    return caseRecord({
      status,
      topic: ['环境保护', '交通出行', '教育'][next(3)],
      stationId: next(5) === 0 ? null : `st00${1 + next(3)}`,
      deputyId: next(4) === 0 ? null : `dp000${1 + next(4)}`,
      districtId: `d0${1 + next(2)}`,
      handlingDistrictId: next(3) === 0 ? null : `d0${1 + next(3)}`,
      createdAt,
      updatedAt: createdAt,
      ackDueAt,
      replyDueAt,
      acknowledgedAt: repliedAt && next(2) ? null : acked,
      repliedAt,
      forwardedTo: next(4) === 0 ? { department: ['区住建局', '区教育局'][next(2)], reference: null } : null,
      rating: ratings.length ? ratings[ratings.length - 1].rating : next(6) === 0 ? 4 : null,
      ratings,
      reopenCount: ratings.length > 1 || status === 'reopened' ? 1 : 0,
      mergedInto: i % 11 === 5 ? 'case-elsewhere' : null,
    })
  })
}

/** Counting in the store: the statistics and the dashboard's numbers without reading the cases out. */
export function caseTallyContract(store: () => Store) {
  describe('case tallies', () => {
    const seed = async () => {
      for (const record of variedCases())
        await store().cases.submit({ record, ticketDate: '2026-11-01', events: [caseEvent(record.id, 'submitted')], outbox: [] })
    }

    it('gives the very figures the statistics computed from every case, overall and per group', async () => {
      await seed()
      const all = await store().cases.listForStats({})
      const [overall] = await store().cases.tally({}, { now: NOW, topics: true })
      const [middle] = await store().cases.middleTimes({})
      expect(statsFromCounts(overall, middle)).to.deep.equal(caseStats(all, NOW))
      for (const key of Object.keys(KEY_OF) as CaseTallyKey[]) {
        const tallies = await store().cases.tally({}, { now: NOW, groupBy: key, topics: true })
        const middles = new Map((await store().cases.middleTimes({}, key)).map((m) => [m.key, m]))
        const counted = tallies.map((t) => ({ key: t.key, stats: statsFromCounts(t, middles.get(t.key) ?? { ack: null, reply: null }) }))
        expect(counted, key).to.deep.equal(groupedStats(all, KEY_OF[key], NOW))
      }
    })

    it('counts within a filter: a district, a period, a topic', async () => {
      await seed()
      const filter = { districtIds: ['d01'], createdFrom: new Date(T0.getTime() + 48 * HOUR), createdTo: NOW, topic: '教育' }
      const some = await store().cases.listForStats(filter)
      expect(some.length).to.be.greaterThan(0)
      const [overall] = await store().cases.tally(filter, { now: NOW, topics: true })
      const [middle] = await store().cases.middleTimes(filter)
      expect(statsFromCounts(overall, middle)).to.deep.equal(caseStats(some, NOW))
    })

    it('counts latest ratings, the messages past their reply deadline (超期) and those only acknowledged late (未按时受理) apart, as the dashboard shows them', async () => {
      await seed()
      const all = await store().cases.listForStats({})
      const [overall] = await store().cases.tally({}, { now: NOW })
      for (const rating of [1, 2, 3, 4, 5]) expect(overall.byRating[rating] ?? 0, `rated ${rating}`).to.equal(all.filter((c) => c.rating === rating).length)
      // At NOW every reply deadline has passed; ten days in, acknowledgements are late and no reply is due yet. The
      // scope's kept counts ({}) and a filter's counted from the cases (every status) alike.
      for (const [now, filter] of [NOW, new Date(T0.getTime() + 10 * 24 * HOUR)].flatMap((at) => [
        [at, {}],
        [at, { statuses: [...CASE_STATUSES] }],
      ]) as Array<[Date, CaseFilter]>) {
        const [then] = await store().cases.tally(filter, { now })
        const live = all.filter((c) => !c.mergedInto && c.status !== 'withdrawn' && c.status !== 'rejected')
        expect(then.overdueOpen, `超期 at ${now.toISOString()}`).to.equal(live.filter((c) => waitingLate(c, now)).length)
        expect(then.ackLate, `未按时受理 at ${now.toISOString()}`).to.equal(all.filter((c) => OPEN_STATUSES.includes(c.status) && ackLate(c, now)).length)
        expect(
          all.filter((c) => waitingLate(c, now) && ackLate(c, now)),
          'never both',
        ).to.deep.equal([])
      }
      expect(overall.overdueOpen).to.be.greaterThan(0)
      expect((await store().cases.tally({}, { now: new Date(T0.getTime() + 10 * 24 * HOUR) }))[0].ackLate).to.be.greaterThan(0)
    })

    it('reads for hot issues the messages that count (merged ones too, each with the one it went into; not rejected), oldest first, overdue or not as of now', async () => {
      await seed()
      const filter = { districtIds: ['d02'], createdFrom: new Date(T0.getTime() + 24 * HOUR), createdTo: NOW }
      const expected = (await store().cases.listForStats(filter))
        .filter((c) => c.status !== 'rejected')
        .map((c) => ({ ...toHotIssueCase(c, NOW), mergedInto: c.mergedInto }))
      expect(expected.length).to.be.greaterThan(3)
      expect(expected.filter((c) => c.overdue).length, 'some overdue').to.be.greaterThan(0)
      expect(expected.filter((c) => !c.overdue && c.createdAt.getTime() + 24 * HOUR < NOW.getTime()).length, 'some old but not overdue').to.be.greaterThan(0)
      expect(await store().cases.listForHotIssues(filter, NOW)).to.deep.equal(expected)
      // Overdue is as of the instant asked: a month earlier, nothing had a deadline behind it yet.
      const before = await store().cases.listForHotIssues(filter, T0)
      expect(before.map((c) => c.overdue)).to.deep.equal(expected.map(() => false))
    })

    it("reads for hot issues one place alone when asked (the 合并 dialog's issue): a community, else a district's messages without one", async () => {
      const placed = (id: string, over: Partial<CaseRecord>) => caseRecord({ id, createdAt: new Date(T0.getTime() + 2 * 24 * HOUR), ...over })
      const records = [
        placed('case-c1-st001', { communityId: 'c010101', districtId: 'd01', stationId: 'st001' }),
        placed('case-c1-st003', { communityId: 'c010101', districtId: 'd01', stationId: 'st003' }),
        placed('case-c2', { communityId: 'c010102', districtId: 'd01' }),
        placed('case-d01-only', { regionId: 'd01', communityId: null, districtId: 'd01' }),
        placed('case-d02-only', { regionId: 'd02', communityId: null, districtId: 'd02', handlingDistrictId: 'd02' }),
        placed('case-nowhere', { regionId: null, communityId: null, districtId: null, stationId: null }),
        placed('case-c1-rejected', { communityId: 'c010101', status: 'rejected' }),
        placed('case-c1-early', { communityId: 'c010101', createdAt: T0 }),
      ]
      for (const record of records) await store().cases.submit({ record, ticketDate: '2026-11-01', events: [caseEvent(record.id, 'submitted')], outbox: [] })
      const window = { createdFrom: new Date(T0.getTime() + 24 * HOUR), createdTo: NOW }
      const all = await store().cases.listForHotIssues(window, NOW)
      const ids = (cases: Array<{ id: string }>) => cases.map((c) => c.id)
      const at = (communityId: string | null, districtId: string | null, scope = {}) =>
        store().cases.listForHotIssues({ ...scope, ...window, hotIssuePlace: { communityId, districtId } }, NOW)

      // The very messages (and fields) of the whole window's read at that place, in its order.
      expect(await at('c010101', 'd01')).to.deep.equal(all.filter((c) => c.communityId === 'c010101'))
      expect(ids(await at('c010101', 'd01'))).to.deep.equal(['case-c1-st001', 'case-c1-st003'])
      expect(ids(await at('c010101', null)), 'a community alone decides').to.deep.equal(['case-c1-st001', 'case-c1-st003'])
      expect(ids(await at(null, 'd01')), "the district's messages without a community").to.deep.equal(['case-d01-only'])
      expect(ids(await at(null, null)), 'with neither').to.deep.equal(['case-nowhere'])
      // Within a scope: a station's part of the place, never another station's.
      expect(ids(await at('c010101', 'd01', { stationIds: ['st001'] }))).to.deep.equal(['case-c1-st001'])
      expect(ids(await at('c010101', 'd01', { districtIds: ['d02'] }))).to.deep.equal([])
    })

    it('finds the longest overdue waiting cases (past the reply deadline), as the weekly report lists them', async () => {
      await seed()
      const due = (c: CaseRecord) => c.replyDueAt
      const waiting = ['submitted', 'assigned', 'acknowledged', 'forwarded', 'reopened']
      const late = (await store().cases.listForStats({ districtIds: ['d01'] }))
        .filter((c) => waiting.includes(c.status) && !c.mergedInto && due(c) < NOW)
        .sort((a, b) => due(a).getTime() - due(b).getTime() || a.id.localeCompare(b.id))
      expect(late.length).to.be.greaterThan(3)
      expect((await store().cases.mostOverdue({ districtIds: ['d01'] }, NOW, 3)).map((c) => c.id)).to.deep.equal(late.slice(0, 3).map((c) => c.id))
      expect(await store().cases.mostOverdue({ districtIds: ['d01'] }, NOW, 100)).to.deep.equal(late)
    })

    it("selects a district's handled messages when asked (the district handling it, else its place's), as the kept counts group them", async () => {
      await seed()
      // A late, waiting message of a 新华区 (d02) resident with no handling district written (an office's): d02's to handle;
      // one written in d01 and handled in d02 (transferred in), one written in d02 and handled in d03 (sent on).
      const own = caseRecord({ id: 'case-placed-d02', districtId: 'd02', handlingDistrictId: null, status: 'assigned' })
      const handedIn = caseRecord({ id: 'case-handed-in', districtId: 'd01', handlingDistrictId: 'd02', status: 'assigned' })
      const sentOn = caseRecord({ id: 'case-sent-on', districtId: 'd02', handlingDistrictId: 'd03', status: 'assigned' })
      for (const record of [own, handedIn, sentOn])
        await store().cases.submit({ record, ticketDate: '2026-11-01', events: [caseEvent(record.id, 'submitted')], outbox: [] })
      const all = await store().cases.listForStats({})
      const ids = (cases: CaseRecord[]) => cases.map((c) => c.id)
      const handled = all.filter((c) => (c.handlingDistrictId ?? c.districtId) === 'd02')
      const only = { handlingDistrictIds: ['d02'] }
      expect(ids(await store().cases.listForStats(only))).to.deep.equal(ids(handled))
      expect(ids(handled)).to.include.members([own.id, handedIn.id]).and.not.to.include(sentOn.id)
      // The live count of the filter and the kept counts' row of the district (工作概览's 按区), alone and within the office's scope.
      const [live] = await store().cases.tally(only, { now: NOW })
      const kept = (await store().cases.tally({}, { now: NOW, groupBy: 'handlingDistrict' })).find((t) => t.key === 'd02')!
      expect(live).to.deep.equal({ ...kept, key: null })
      const keptInScope = (await store().cases.tally({ districtIds: ['d02'] }, { now: NOW, groupBy: 'handlingDistrict' })).find((t) => t.key === 'd02')!
      expect(keptInScope).to.deep.equal(kept)
      const [liveInScope] = await store().cases.tally({ districtIds: ['d02'], ...only }, { now: NOW })
      expect(liveInScope).to.deep.equal(live)
      expect(live.total).to.equal(handled.length)
      const due = (c: CaseRecord) => c.replyDueAt
      const late = handled
        .filter((c) => ['submitted', 'assigned', 'acknowledged', 'forwarded', 'reopened'].includes(c.status) && !c.mergedInto && due(c) < NOW)
        .sort((a, b) => due(a).getTime() - due(b).getTime() || a.id.localeCompare(b.id))
      expect(ids(await store().cases.mostOverdue(only, NOW, 100))).to.deep.equal(ids(late))
      expect(await store().cases.countByPeriod(only, [{ from: T0 }])).to.deep.equal([handled.filter((c) => c.createdAt >= T0).length])
      expect(await store().cases.listForStats({ handlingDistrictIds: [] }), 'an empty list matches nothing').to.deep.equal([])
    })

    it('counts 按时答复 against the reply deadline alone: a message only acknowledged late, or not yet, is not a late reply', async () => {
      const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR)
      const base = { districtId: 'd09', stationId: 'st009', ackDueAt: at(-48), replyDueAt: at(24 * 10) }
      const records = [
        // Answered in time.
        caseRecord({ ...base, id: 'rt-answered', status: 'replied', acknowledgedAt: at(-60), repliedAt: at(-50) }),
        // Not acknowledged, a day past that deadline, its reply due in ten days.
        caseRecord({ ...base, id: 'rt-unacked', status: 'assigned' }),
        // Acknowledged late, its reply due in ten days.
        caseRecord({ ...base, id: 'rt-acked-late', status: 'acknowledged', acknowledgedAt: at(-24) }),
        // Acknowledged in time, its reply a day past its deadline.
        caseRecord({ ...base, id: 'rt-reply-late', status: 'acknowledged', acknowledgedAt: at(-60), replyDueAt: at(-24) }),
      ]
      for (const record of records) await store().cases.submit({ record, ticketDate: '2026-11-01', events: [caseEvent(record.id, 'submitted')], outbox: [] })
      const scope = { districtIds: ['d09'] }
      for (const filter of [scope, { ...scope, topic: records[0].topic }]) {
        const [t] = await store().cases.tally(filter, { now: NOW })
        // Of the answered one and the one past its reply deadline, one in time; the late acknowledgements are 按时受理's.
        // 超期 is the one past its reply deadline; the one still not acknowledged is 未按时受理, counted apart.
        expect(t, JSON.stringify(filter)).to.include({ replyDue: 2, replyOk: 1, ackDue: 4, ackOk: 2, overdueOpen: 1, ackLate: 1 })
        expect(statsFromCounts(t, { ack: null, reply: null })).to.include({ repliedInTimeShare: 0.5, acknowledgedInTimeShare: 0.5 })
      }
      expect(caseStats(await store().cases.listForStats(scope), NOW)).to.include({ repliedInTimeShare: 0.5, acknowledgedInTimeShare: 0.5, overdueOpen: 1 })
    })

    it("reads a week's answers by when they were given, whenever the message was written, each once, within the filter", async () => {
      const week = { from: new Date(NOW.getTime() - 7 * 24 * HOUR), to: NOW }
      const inWeek = new Date(NOW.getTime() - 3 * 24 * HOUR)
      const before = new Date(NOW.getTime() - 10 * 24 * HOUR)
      const old = new Date(NOW.getTime() - 60 * 24 * HOUR)
      const records = [
        caseRecord({ id: 'aw-old-replied', districtId: 'd01', createdAt: old, status: 'replied', repliedAt: inWeek }),
        caseRecord({ id: 'aw-old-closed', districtId: 'd01', createdAt: old, status: 'closed', repliedAt: before, closedAt: inWeek }),
        caseRecord({ id: 'aw-both', districtId: 'd01', createdAt: before, status: 'closed', repliedAt: inWeek, closedAt: inWeek }),
        caseRecord({ id: 'aw-earlier', districtId: 'd01', createdAt: old, status: 'closed', repliedAt: before, closedAt: before }),
        caseRecord({ id: 'aw-unanswered', districtId: 'd01', createdAt: inWeek, status: 'assigned' }),
        caseRecord({ id: 'aw-elsewhere', districtId: 'd02', handlingDistrictId: 'd02', createdAt: old, status: 'replied', repliedAt: inWeek }),
        // Answered at the very end of the week: the next week's.
        caseRecord({ id: 'aw-at-the-end', districtId: 'd01', createdAt: old, status: 'replied', repliedAt: NOW }),
      ]
      for (const record of records) await store().cases.submit({ record, ticketDate: '2026-11-01', events: [caseEvent(record.id, 'submitted')], outbox: [] })
      const ids = (cases: CaseRecord[]) => cases.map((c) => c.id)
      expect(ids(await store().cases.listAnsweredIn({ handlingDistrictIds: ['d01'] }, week.from, week.to))).to.deep.equal([
        'aw-old-closed',
        'aw-old-replied',
        'aw-both',
      ])
      expect(ids(await store().cases.listAnsweredIn({}, week.from, week.to))).to.have.members(['aw-old-closed', 'aw-old-replied', 'aw-both', 'aw-elsewhere'])
      // Anonymised since (a resident's erasure, or the years of retention), its answer still counts in its week.
      const masked = { caseId: 'aw-old-closed', text: '某某反映的问题', reply: null, ratingComment: null, ratingComments: [], eventNotes: {}, messageTexts: {} }
      expect(await store().privacy.anonymiseCase(masked, NOW)).to.equal(true)
      expect(ids(await store().cases.listAnsweredIn({ handlingDistrictIds: ['d01'] }, week.from, week.to))).to.deep.equal([
        'aw-old-closed',
        'aw-old-replied',
        'aw-both',
      ])
      expect(await store().cases.listAnsweredIn({ stationIds: [] }, week.from, week.to), 'an empty list matches nothing').to.deep.equal([])
      expect(await store().cases.listAnsweredIn({ handlingDistrictIds: [] }, week.from, week.to), 'an empty list matches nothing').to.deep.equal([])
      for (const none of [{ statuses: [] }, { regionIds: [] }, { officeRegionIds: [] }, { districtsOrStations: { districtIds: [], stationIds: [] } }])
        expect(await store().cases.listAnsweredIn(none, week.from, week.to), JSON.stringify(none)).to.deep.equal([])
    })

    it("reads a week's answers the residents sent back (重新办理), by when each was given, each case once, within the filter", async () => {
      const week = { from: new Date(NOW.getTime() - 7 * 24 * HOUR), to: NOW }
      const inWeek = new Date(NOW.getTime() - 3 * 24 * HOUR)
      const later = new Date(NOW.getTime() - 24 * HOUR)
      const before = new Date(NOW.getTime() - 10 * 24 * HOUR)
      const old = new Date(NOW.getTime() - 60 * 24 * HOUR)
      const answered = (id: string, at: Date[], over: Partial<CaseRecord>) => ({
        record: caseRecord({ id, districtId: 'd01', handlingDistrictId: 'd01', createdAt: old, ...over }),
        steps: at.map((a) => ({ type: 'replied' as const, at: a })),
      })
      const lives = [
        // Answered in the week, sent back, not answered since: its answer was the week's.
        answered('sb-sent-back', [inWeek], { status: 'reopened', repliedAt: null, reopenCount: 1 }),
        // Answered twice in the week (sent back between): its latest answer is its own, found by listAnsweredIn.
        answered('sb-again-in-week', [inWeek, later], { status: 'replied', repliedAt: later, reopenCount: 1 }),
        // Answered in the week, sent back, answered again the next week: the week's answer was sent back.
        answered('sb-again-after', [inWeek, NOW], { status: 'replied', repliedAt: NOW, reopenCount: 1 }),
        // Answered the week before and sent back: not the week's.
        answered('sb-before', [before], { status: 'reopened', repliedAt: null, reopenCount: 1 }),
        // Answered in the week, and the answer stands: listAnsweredIn's, not sent back.
        answered('sb-stands', [inWeek], { status: 'replied', repliedAt: inWeek }),
        // Another district's, sent back.
        answered('sb-elsewhere', [inWeek], { status: 'reopened', repliedAt: null, reopenCount: 1, districtId: 'd02', handlingDistrictId: 'd02' }),
      ]
      for (const { record, steps } of lives)
        await store().cases.submit({
          record,
          ticketDate: '2026-11-01',
          events: [caseEvent(record.id, 'submitted', { at: old }), ...steps.map((s) => caseEvent(record.id, s.type, { at: s.at }))],
          outbox: [],
        })
      const found = async (filter: CaseFilter) =>
        (await store().cases.listAnswersSentBackIn(filter, week.from, week.to)).map((a) => [a.case.id, a.answeredAt.toISOString()])
      // Oldest case first, then by id.
      expect(await found({ handlingDistrictIds: ['d01'] })).to.deep.equal([
        ['sb-again-after', inWeek.toISOString()],
        ['sb-sent-back', inWeek.toISOString()],
      ])
      expect((await found({})).map(([id]) => id)).to.have.members(['sb-sent-back', 'sb-again-after', 'sb-elsewhere'])
      expect(await found({ stationIds: [] }), 'an empty list matches nothing').to.deep.equal([])
      for (const none of [{ statuses: [] }, { regionIds: [] }, { handlingDistrictIds: [] }]) expect(await found(none), JSON.stringify(none)).to.deep.equal([])
    })

    it('reads the cases rated in a week by when each rating was given, whenever the message was written, a rating a reopen cleared too', async () => {
      const week = { from: new Date(NOW.getTime() - 7 * 24 * HOUR), to: NOW }
      const inWeek = new Date(NOW.getTime() - 3 * 24 * HOUR)
      const before = new Date(NOW.getTime() - 10 * 24 * HOUR)
      const old = new Date(NOW.getTime() - 60 * 24 * HOUR)
      const rated = (id: string, ratings: Array<[number, Date]>, over: Partial<CaseRecord> = {}) => {
        const last = ratings[ratings.length - 1]
        const record = caseRecord({
          id,
          districtId: 'd01',
          handlingDistrictId: 'd01',
          createdAt: old,
          status: 'closed',
          repliedAt: old,
          closedAt: last?.[1] ?? null,
          rating: last?.[0] ?? null,
          ratedAt: last?.[1] ?? null,
          ratings: ratings.map(([rating, at]) => ({ rating, comment: null, at })),
          ...over,
        })
        // As the workflow writes a rating: kept with the case, and a step of its timeline at the same time.
        const events = [caseEvent(id, 'submitted', { at: old }), ...ratings.map(([rating, at]) => caseEvent(id, 'rated', { at, data: { rating } }))]
        return { record, events }
      }
      const cases = [
        rated('rw-old-message', [[5, inWeek]]),
        // Rated 2 in the week, then reopened (重新办理): the case's own rating is cleared, the rating given stays.
        rated('rw-reopened', [[2, inWeek]], { status: 'reopened', rating: null, ratedAt: null, closedAt: null, reopenCount: 1 }),
        rated('rw-twice', [
          [3, before],
          [4, inWeek],
        ]),
        rated('rw-before', [[4, before]]),
        rated('rw-at-the-end', [[4, NOW]]),
        rated('rw-elsewhere', [[1, inWeek]], { districtId: 'd02', handlingDistrictId: 'd02' }),
        rated('rw-never', [], { status: 'replied' }),
        // Rated in the week before the case kept its ratings' history (review 37, finding 8): the rating and its step
        // only, no entry in `ratings`. Both adapters count it, as the week's report does (ratingGivenIn, by ratedAt).
        rated('rw-legacy', [[4, inWeek]], { ratings: [] }),
      ]
      for (const { record, events } of cases) await store().cases.submit({ record, ticketDate: '2026-11-01', events, outbox: [] })
      const ids = (found: CaseRecord[]) => found.map((c) => c.id)
      expect(ids(await store().cases.listRatedIn({ handlingDistrictIds: ['d01'] }, week.from, week.to))).to.deep.equal([
        'rw-legacy',
        'rw-old-message',
        'rw-reopened',
        'rw-twice',
      ])
      expect(ids(await store().cases.listRatedIn({}, week.from, week.to))).to.have.members([
        'rw-legacy',
        'rw-old-message',
        'rw-reopened',
        'rw-twice',
        'rw-elsewhere',
      ])
      expect(await store().cases.listRatedIn({ stationIds: [] }, week.from, week.to), 'an empty list matches nothing').to.deep.equal([])
    })

    it('gives one empty tally when nothing matches, and no groups', async () => {
      const [overall] = await store().cases.tally({ stationIds: ['nowhere'] }, { now: NOW, topics: true })
      expect(statsFromCounts(overall, (await store().cases.middleTimes({ stationIds: ['nowhere'] }))[0])).to.deep.equal(caseStats([], NOW))
      expect(await store().cases.tally({ stationIds: ['nowhere'] }, { now: NOW, groupBy: 'station' })).to.deep.equal([])
    })
  })
}
