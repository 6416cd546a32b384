import { expect } from 'chai'
import type { DirectorySnapshot, Store } from '../../src/store/ports.js'
import { StoreConflict } from '../../src/store/conflicts.js'
import { rejects } from '../helpers/rejects.js'

/**
 * The contract of a deputy's list of duty days at a station saved over the days as read (DeputyPatch.dutyAt.seen):
 * written only while his days there are still those, in any order; else StoreConflict 'duty_day_changed' with his days
 * there now, and nothing of the patch is written — so a list read before a day's save (setDutyDay) cannot undo it
 * unseen. Review 38 (security, finding 2).
 */
export function dutyListAsReadContract(store: () => Store, directory: () => DirectorySnapshot) {
  describe('a deputy’s duty list saved over the days as read', () => {
    beforeEach(async () => {
      await store().directory.upsertAll(directory())
    })
    // 张伟 (dp0001) has 11月25日 at st001.
    const daysAt = async (id: string, station = 'st001') => (await store().deputies.get(id))!.dutyByStation[station] ?? []

    it('is written over the days as read, and refused, writing nothing, once a day was saved in between', async () => {
      const read = await daysAt('dp0001')
      await store().deputies.setDutyDay('st001', '2026-11-26', { onDuty: ['dp0001'], seen: [] })
      const err = await rejects(
        store().deputies.update('dp0001', { name: '张伟（改）', dutyAt: { stationId: 'st001', dates: [...read, '2026-11-30'], seen: read } }),
      )
      expect(err).to.be.instanceOf(StoreConflict)
      expect([(err as StoreConflict).conflict, (err as StoreConflict).facts]).to.deep.equal(['duty_day_changed', { dutyDatesNow: '2026-11-25,2026-11-26' }])
      expect(await daysAt('dp0001'), 'the day saved in between kept').to.deep.equal(['2026-11-25', '2026-11-26'])
      expect((await store().deputies.get('dp0001'))!.name, 'nothing of the patch written').to.equal('张伟')

      const again = await store().deputies.update('dp0001', {
        dutyAt: { stationId: 'st001', dates: ['2026-11-26', '2026-11-30'], seen: ['2026-11-26', '2026-11-25'] },
      })
      expect(again.dutyByStation.st001).to.deep.equal(['2026-11-26', '2026-11-30'])
    })

    it('holds when the same write moves him too', async () => {
      const err = await rejects(
        store().deputies.update('dp0001', {
          stationIds: ['st001', 'st002'],
          dutyAt: { stationId: 'st001', dates: ['2026-11-30'], seen: [] },
          today: '2026-11-23',
        }),
      )
      expect((err as StoreConflict).conflict).to.equal('duty_day_changed')
      expect((await store().deputies.get('dp0001'))!.stationIds, 'not moved').to.deep.equal(['st001'])
      const moved = await store().deputies.update('dp0001', {
        stationIds: ['st001', 'st002'],
        dutyAt: { stationId: 'st001', dates: ['2026-11-25', '2026-11-30'], seen: ['2026-11-25'] },
        today: '2026-11-23',
      })
      expect([moved.stationIds, moved.dutyByStation.st001]).to.deep.equal([
        ['st001', 'st002'],
        ['2026-11-25', '2026-11-30'],
      ])
    })
  })
}
