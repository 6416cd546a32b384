import { expect } from 'chai'
import type { CaseEvent, CaseRecord } from '../../src/domain/case.js'
import type { Store } from '../../src/store/ports.js'
import { caseEvent, caseRecord } from './records.js'

const T0 = new Date('2026-11-22T02:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)

/**
 * The assign dialog's 交回了留言 line for a few dozen deputies in one read (CaseRepo.handedOnByEach): for each deputy what
 * his 已转出 list (handedOnBy) would show first, cut at a time, never another's steps nor a case that is his again.
 */
export function handOnsAtOnceContract(store: () => Store) {
  describe('the hand-ons of several deputies at once', () => {
    const story = (id: string, events: CaseEvent[], over: Partial<CaseRecord> = {}) =>
      store().cases.submit({
        record: caseRecord({ id, ...over }),
        ticketDate: '2026-11-22',
        events: [caseEvent(id, 'submitted', { at: at(0) }), ...events],
        outbox: [],
      })
    const handOn = (id: string, minute: number, by: string, to: string | null, note: string | null = null) =>
      caseEvent(id, 'transferred', {
        at: at(minute),
        actorRole: 'deputy',
        actorId: by,
        note,
        data: to ? { fromDeputyId: by, deputyId: to } : { fromDeputyId: by, toStation: 'st001' },
      })
    const seen = (found: Array<{ deputyId: string; case: CaseRecord; step: CaseEvent }>, deputyId: string) =>
      found.filter((h) => h.deputyId === deputyId).map((h) => [h.case.id, h.step.at.getTime() - T0.getTime(), h.step.note])

    it("gives each deputy's latest ones since a time, at most so many each, as his own list would", async () => {
      // dp1: one before the cut, then four after it (one of them his again, one handed on twice).
      await story('early', [handOn('early', 5, 'dp1', null, '上个月的')], { deputyId: null, status: 'submitted' })
      await story('back-to-station', [handOn('back-to-station', 20, 'dp1', null, '在外地学习')], { deputyId: null, status: 'submitted' })
      await story('to-colleague', [handOn('to-colleague', 30, 'dp1', 'dp2')], { deputyId: 'dp2' })
      await story('his-again', [handOn('his-again', 40, 'dp1', 'dp2'), caseEvent('his-again', 'assigned', { at: at(41), data: { deputyId: 'dp1' } })], {
        deputyId: 'dp1',
      })
      await story(
        'twice',
        [
          handOn('twice', 12, 'dp1', 'dp3'),
          caseEvent('twice', 'transferred', { at: at(13), actorRole: 'deputy', actorId: 'dp3', data: { fromDeputyId: 'dp3', deputyId: 'dp1' } }),
          handOn('twice', 50, 'dp1', null, '第二次退回'),
        ],
        { deputyId: null, status: 'submitted' },
      )
      await story('fourth', [handOn('fourth', 60, 'dp1', null)], { deputyId: null, status: 'submitted' })
      // dp2: one before the cut, one after, and staff moving one of his (改派: not his step).
      await story('dp2-early', [handOn('dp2-early', 3, 'dp2', null, '上个月的')], { deputyId: null, status: 'submitted' })
      await story('dp2-own', [handOn('dp2-own', 35, 'dp2', null, '不熟悉这一片')], { deputyId: null, status: 'submitted' })
      await story(
        'moved-by-staff',
        [
          caseEvent('moved-by-staff', 'transferred', {
            at: at(45),
            actorRole: 'station_staff',
            actorId: 'sf1',
            data: { fromDeputyId: 'dp2', deputyId: 'dp3' },
          }),
        ],
        { deputyId: 'dp3' },
      )

      const since = at(10)
      const found = await store().cases.handedOnByEach(['dp1', 'dp2', 'dp9'], since, 3)
      expect(seen(found, 'dp1'), 'newest first, three at most, none before the cut nor his again').to.deep.equal([
        ['fourth', 60 * 60_000, null],
        ['twice', 50 * 60_000, '第二次退回'],
        ['to-colleague', 30 * 60_000, null],
      ])
      expect(seen(found, 'dp2'), 'none before the cut, nor staff’s move').to.deep.equal([['dp2-own', 35 * 60_000, '不熟悉这一片']])
      expect(seen(found, 'dp9'), 'one who handed on nothing').to.deep.equal([])
      expect(found.find((h) => h.case.id === 'twice')!.step, 'the whole step, his latest of that case').to.deep.include({
        caseId: 'twice',
        type: 'transferred',
        actorRole: 'deputy',
        actorId: 'dp1',
        data: { fromDeputyId: 'dp1', toStation: 'st001' },
      })
      expect(found.find((h) => h.case.id === 'dp2-own')!.case).to.deep.include({ id: 'dp2-own', deputyId: null, status: 'submitted' })

      // The same as each one's own list, read one at a time and cut at the same time.
      for (const deputyId of ['dp1', 'dp2']) {
        const alone = (await store().cases.handedOnBy(deputyId, { limit: 3 })).items.filter((h) => h.step.at >= since)
        expect(
          found.filter((h) => h.deputyId === deputyId).map(({ case: c, step }) => ({ case: c, step })),
          deputyId,
        ).to.deep.equal(alone)
      }
      expect(await store().cases.handedOnByEach([], since, 3)).to.deep.equal([])
    })
  })
}
