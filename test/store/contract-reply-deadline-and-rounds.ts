import { expect } from 'chai'
import type { CaseRecord } from '../../src/domain/case.js'
import { caseStats } from '../../src/domain/case-stats.js'
import type { CaseFilter, Store } from '../../src/store/ports.js'
import { caseEvent, caseRecord } from './records.js'

const T0 = new Date('2026-11-23T02:00:00Z')
const DAY = 24 * 3_600_000
const day = (n: number) => new Date(T0.getTime() + n * DAY)

/**
 * Review 37 §§ 6 and 10, as every store keeps them: a reply deadline staff asked for at 分派, earlier than the rules',
 * is the one the overdue filter and 按时答复 judge by, with the rules' kept beside it; and a message sent back for
 * 重新办理 keeps its round's acknowledgement and answer in 按时受理 and 按时答复, in a scope's kept counts, in any other
 * filter's, and in its deputy's, as caseStats counts them from the records.
 */
export function replyDeadlineAndRoundsContract(store: () => Store) {
  describe('a reply deadline asked at 分派, and the rounds sent back for 重新办理', () => {
    const submit = async (record: Omit<CaseRecord, 'ticket'>) =>
      store().cases.submit({ record, ticketDate: '2026-11-23', events: [caseEvent(record.id, 'submitted')], outbox: [] })
    /** The same figures from a scope's kept counts, from any other filter's, and from the records themselves. */
    async function figures(now: Date) {
      const scope: CaseFilter = { stationIds: ['st001'] }
      const other: CaseFilter = { stationIds: ['st001'], topic: '城乡建设' }
      const [kept] = await store().cases.tally(scope, { now })
      const [live] = await store().cases.tally(other, { now })
      const stats = caseStats(await store().cases.listForStats(scope), now)
      const bars = await store().cases.deputyBars(scope, now)
      const pick = (t: { ackDue: number; ackOk: number; replyDue: number; replyOk: number }) => ({
        ackDue: t.ackDue,
        ackOk: t.ackOk,
        replyDue: t.replyDue,
        replyOk: t.replyOk,
      })
      return { kept: pick(kept), live: pick(live), stats, bar: bars.find((b) => b.key === 'dp0001') }
    }

    it("keeps the rules' reply deadline beside an earlier one, and drops it when a new round comes", async () => {
      const stored = await submit(caseRecord({ id: 'case-asked', replyDueAt: day(10), slaReplyDueAt: day(15) }))
      expect(stored.slaReplyDueAt).to.deep.equal(day(15))
      const read = (await store().cases.get('case-asked'))!
      expect([read.replyDueAt, read.slaReplyDueAt]).to.deep.equal([day(10), day(15)])
      await store().cases.update({ ...read, replyDueAt: day(20), slaReplyDueAt: undefined, status: 'reopened' }, [], [])
      const again = (await store().cases.get('case-asked'))!
      expect(again.replyDueAt).to.deep.equal(day(20))
      expect(again.slaReplyDueAt, 'gone, not left from before').to.equal(undefined)
      await submit(caseRecord({ id: 'case-plain' }))
      expect((await store().cases.get('case-plain'))!.slaReplyDueAt, 'none was asked').to.equal(undefined)
    })

    it('judges overdue and 按时答复 by the earlier deadline staff asked for, not the later one the rules give', async () => {
      // Answered on day 4: in time by the rules (day 15), late by the day the clerk asked for (day 3).
      await submit(caseRecord({ id: 'case-late', status: 'replied', acknowledgedAt: day(0.1), repliedAt: day(4), replyDueAt: day(3), slaReplyDueAt: day(15) }))
      // Still unanswered on day 4, asked for by day 3: overdue, though the rules' day 15 is far off.
      await submit(caseRecord({ id: 'case-waiting', status: 'acknowledged', acknowledgedAt: day(0.1), replyDueAt: day(3), slaReplyDueAt: day(15) }))
      const now = day(4.5)
      expect((await store().cases.search({ limit: 10, overdueAt: now })).items.map((c) => c.id)).to.deep.equal(['case-waiting'])
      const { kept, live, stats, bar } = await figures(now)
      expect(kept).to.deep.include({ replyDue: 2, replyOk: 0 })
      expect(live).to.deep.equal(kept)
      expect(stats.repliedInTimeShare).to.equal(0)
      expect(bar).to.deep.include({ replyDue: 2, replyOk: 0 })
    })

    it('counts a round sent back in 按时受理 and 按时答复 beside the round in progress, until the message no longer counts', async () => {
      // Acknowledged within the hour and answered on day 2, both in time; rated 2 and sent back on day 3: a new round.
      const reopened = caseRecord({
        id: 'case-sent-back',
        status: 'reopened',
        ackDueAt: day(4),
        replyDueAt: day(24),
        acknowledgedAt: null,
        repliedAt: null,
        ratings: [{ rating: 2, comment: '没修好', at: day(3) }],
        reopenCount: 1,
        sentBack: { rounds: 1, ackInTime: 1, replyInTime: 1 },
      })
      const stored = await submit(reopened)
      const now = day(3.5)
      let seen = await figures(now)
      expect(seen.kept, 'the first round, in time; the new one not yet due').to.deep.equal({ ackDue: 1, ackOk: 1, replyDue: 1, replyOk: 1 })
      expect(seen.live).to.deep.equal(seen.kept)
      expect([seen.stats.acknowledgedInTimeShare, seen.stats.repliedInTimeShare, seen.stats.averageSatisfaction]).to.deep.equal([1, 1, 2])
      expect(seen.bar).to.deep.include({ replyDue: 1, replyOk: 1 })

      // The new round acknowledged late: each round by its own deadline.
      const late = { ...stored, acknowledgedAt: day(5), status: 'acknowledged' as const }
      await store().cases.update(late, [], [])
      seen = await figures(day(5.5))
      expect(seen.kept).to.deep.equal({ ackDue: 2, ackOk: 1, replyDue: 1, replyOk: 1 })
      expect(seen.live).to.deep.equal(seen.kept)

      // Withdrawn: not the deputy's to answer any more, neither round counts (as a withdrawn message never did).
      await store().cases.update({ ...late, version: late.version + 1, status: 'withdrawn' }, [], [])
      seen = await figures(day(5.5))
      expect(seen.kept).to.deep.equal({ ackDue: 0, ackOk: 0, replyDue: 0, replyOk: 0 })
      expect(seen.live).to.deep.equal(seen.kept)
      expect(seen.bar ?? { replyDue: 0, replyOk: 0 }).to.deep.include({ replyDue: 0, replyOk: 0 })
    })
  })
}
