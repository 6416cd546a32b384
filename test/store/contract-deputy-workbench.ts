import { expect } from 'chai'
import type { CaseEvent, CaseRecord } from '../../src/domain/case.js'
import type { DirectorySnapshot, Store } from '../../src/store/ports.js'
import { caseEvent, caseRecord } from './records.js'

const T0 = new Date('2026-11-22T02:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)

/**
 * What a deputy's workbench reads beyond his cases: each new message's placing steps in one read (CaseRepo.placings:
 * who handed it to him), the messages he handed on and holds no longer (CaseRepo.handedOnBy: his 已转出), and whether
 * his 暂停接收留言 mark is his own (DeputyAway.bySelf).
 */
export function deputyWorkbenchContract(store: () => Store, directory: () => DirectorySnapshot) {
  describe('a deputy’s workbench reads', () => {
    const story = (id: string, events: CaseEvent[], over: Partial<CaseRecord> = {}) =>
      store().cases.submit({
        record: caseRecord({ id, ...over }),
        ticketDate: '2026-11-22',
        events: [caseEvent(id, 'submitted', { at: at(0) }), ...events],
        outbox: [],
      })

    it("each case's placing steps (分派, 转交, 上报) in timeline order, in one read for many cases, and nothing else", async () => {
      await story('handed-back', [
        caseEvent('handed-back', 'assigned', { at: at(1), data: { deputyId: 'dp1' } }),
        caseEvent('handed-back', 'acknowledged', { at: at(2), actorRole: 'deputy', actorId: 'dp1' }),
        caseEvent('handed-back', 'transferred', { at: at(3), actorRole: 'deputy', actorId: 'dp1', data: { fromDeputyId: 'dp1', deputyId: 'dp2' } }),
        caseEvent('handed-back', 'urged', { at: at(4), actorRole: 'station_staff', actorId: 'sf1' }),
        caseEvent('handed-back', 'transferred', { at: at(5), actorRole: 'deputy', actorId: 'dp2', data: { fromDeputyId: 'dp2', deputyId: 'dp1' } }),
      ])
      await story('handed-up', [caseEvent('handed-up', 'referred', { at: at(1), actorRole: 'station_staff', actorId: 'sf1', data: { toOffice: 'd01' } })])
      await story('not-asked', [caseEvent('not-asked', 'assigned', { at: at(1), data: { deputyId: 'dp1' } })])
      await story('never-placed', [])

      const found = await store().cases.placings(['handed-back', 'handed-up', 'never-placed', 'no-such-case'])
      const byCase = (id: string) => found.filter((e) => e.caseId === id).map((e) => [e.type, e.actorId, e.data.deputyId ?? null])
      expect(byCase('handed-back')).to.deep.equal([
        ['assigned', null, 'dp1'],
        ['transferred', 'dp1', 'dp2'],
        ['transferred', 'dp2', 'dp1'],
      ])
      expect(byCase('handed-up')).to.deep.equal([['referred', 'sf1', null]])
      expect(
        found.map((e) => e.caseId),
        'only the cases asked, only their placings',
      ).to.have.members(['handed-back', 'handed-back', 'handed-back', 'handed-up'])
      expect(
        found.find((e) => e.caseId === 'handed-up'),
        'the whole event',
      ).to.deep.include({ at: at(1), actorRole: 'station_staff', data: { toOffice: 'd01' } })
      expect(await store().cases.placings([])).to.deep.equal([])
    })

    it('the cases he handed on himself and holds no longer, by his latest such step, newest first, a page at a time', async () => {
      const handOn = (id: string, minute: number, to: string | null, by = 'dp1') =>
        caseEvent(id, 'transferred', {
          at: at(minute),
          actorRole: 'deputy',
          actorId: by,
          data: to ? { fromDeputyId: by, deputyId: to } : { fromDeputyId: by, toStation: 'st001' },
        })
      // To a colleague, then back to the station, then a third one: each his own step.
      await story('to-colleague', [caseEvent('to-colleague', 'assigned', { at: at(1), data: { deputyId: 'dp1' } }), handOn('to-colleague', 10, 'dp2')], {
        deputyId: 'dp2',
      })
      await story('to-station', [caseEvent('to-station', 'assigned', { at: at(1), data: { deputyId: 'dp1' } }), handOn('to-station', 20, null)], {
        deputyId: null,
        status: 'submitted',
      })
      await story('third', [handOn('third', 30, 'dp3')], { deputyId: 'dp3' })
      // Handed on twice (it came back to him between): listed once, by the later step.
      await story(
        'twice',
        [
          handOn('twice', 5, 'dp2'),
          caseEvent('twice', 'transferred', { at: at(6), actorRole: 'deputy', actorId: 'dp2', data: { fromDeputyId: 'dp2', deputyId: 'dp1' } }),
          handOn('twice', 40, 'dp3'),
        ],
        {
          deputyId: 'dp3',
        },
      )
      // His again now: not handed on any more.
      await story(
        'back-with-him',
        [
          handOn('back-with-him', 50, 'dp2'),
          caseEvent('back-with-him', 'assigned', { at: at(51), actorRole: 'station_staff', actorId: 'sf1', data: { deputyId: 'dp1' } }),
        ],
        {
          deputyId: 'dp1',
        },
      )
      // Staff moved it from him (改派), and a colleague's own hand-on: not his steps.
      await story(
        'moved-by-staff',
        [
          caseEvent('moved-by-staff', 'transferred', {
            at: at(60),
            actorRole: 'station_staff',
            actorId: 'sf1',
            data: { fromDeputyId: 'dp1', deputyId: 'dp2' },
          }),
        ],
        {
          deputyId: 'dp2',
        },
      )
      await story('colleagues', [handOn('colleagues', 70, 'dp3', 'dp2')], { deputyId: 'dp3' })

      const first = await store().cases.handedOnBy('dp1', { limit: 2 })
      expect(first.items.map((h) => [h.case.id, h.step.at.getTime() - T0.getTime()])).to.deep.equal([
        ['twice', 40 * 60_000],
        ['third', 30 * 60_000],
      ])
      expect(first.items[0].step).to.deep.include({ caseId: 'twice', actorId: 'dp1', data: { fromDeputyId: 'dp1', deputyId: 'dp3' } })
      expect(first.nextCursor).to.be.a('string')
      const second = await store().cases.handedOnBy('dp1', { limit: 2, cursor: first.nextCursor })
      expect(second.items.map((h) => h.case.id)).to.deep.equal(['to-station', 'to-colleague'])
      expect(second.items[0].step.data).to.deep.equal({ fromDeputyId: 'dp1', toStation: 'st001' })
      expect(second.items[1].case).to.deep.include({ id: 'to-colleague', deputyId: 'dp2' })
      expect(second.nextCursor).to.equal(null)
      expect((await store().cases.handedOnBy('dp9', { limit: 5 })).items).to.deep.equal([])
    })

    it('a mark he set himself reads as his, and a mark staff set afterwards does not', async () => {
      await store().directory.upsertAll(directory())
      const own = { from: '2026-12-01', until: '2026-12-05', reason: 'leave' as const, note: '住院', bySelf: true as const }
      expect((await store().deputies.setAway('dp0001', own)).away).to.deep.equal(own)
      expect((await store().deputies.get('dp0001'))!.away).to.deep.equal(own)
      expect((await store().directory.snapshot()).deputies.find((d) => d.id === 'dp0001')!.away).to.deep.equal(own)
      // An import knows nothing of it and keeps it, as it keeps any mark.
      await store().directory.upsertAll(directory())
      expect((await store().deputies.get('dp0001'))!.away).to.deep.equal(own)
      const staffs = { from: '2026-12-01', until: '2026-12-06', reason: 'study' as const, note: null }
      await store().deputies.setAway('dp0001', staffs)
      expect((await store().deputies.get('dp0001'))!.away, 'no bySelf left over').to.deep.equal(staffs)
    })
  })
}
