import { expect } from 'chai'
import type { CaseEvent, CaseRecord } from '../../src/domain/case.js'
import type { DirectorySnapshot, Store } from '../../src/store/ports.js'
import { caseEvent, caseRecord } from './records.js'

const T0 = new Date('2026-11-22T02:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)

/**
 * What a deputy's workbench reads beyond his cases: each new message's placing steps in one read (CaseRepo.placings:
 * who handed it to him), and whether his 暂停接收留言 mark is his own (DeputyAway.bySelf).
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
