import { expect } from 'chai'
import type { DirectorySnapshot, Store } from '../../src/store/ports.js'
import { StoreConflict } from '../../src/store/conflicts.js'

/**
 * The contract of one day of a station's reception duty saved whole (DeputyRepo.setDutyDay): one write over who sat
 * that day as the clerk read it; another save of the day in between is a conflict and nothing is written; two at once
 * are taken one after the other, never both and never a mix. Other days, and other stations' days, stay.
 */
export function dutyDayContract(store: () => Store, directory: () => DirectorySnapshot) {
  describe('a station’s day of reception duty', () => {
    beforeEach(async () => {
      await store().directory.upsertAll(directory())
    })
    // st001: 张伟 (his 11月25日 there), 王芳 (of st002 too), 张伟明.
    const daysAt = async (id: string, station = 'st001') => (await store().deputies.get(id))!.dutyByStation[station] ?? []

    it('is written in one go, answering those whose days changed, and keeps other days and stations', async () => {
      await store().deputies.update('dp0002', { dutyAt: { stationId: 'st002', dates: ['2026-11-26'] } })
      const changed = await store().deputies.setDutyDay('st001', '2026-11-26', { onDuty: ['dp0001', 'dp0002'], seen: [] })
      expect(changed.map((d) => [d.id, d.dutyByStation.st001])).to.deep.equal([
        ['dp0001', ['2026-11-25', '2026-11-26']],
        ['dp0002', ['2026-11-26']],
      ])
      const again = await store().deputies.setDutyDay('st001', '2026-11-26', { onDuty: ['dp0003', 'dp0002'], seen: ['dp0002', 'dp0001'] })
      expect(
        again.map((d) => d.id),
        'only those whose days changed',
      ).to.deep.equal(['dp0001', 'dp0003'])
      expect(await daysAt('dp0001')).to.deep.equal(['2026-11-25'])
      expect(await daysAt('dp0002')).to.deep.equal(['2026-11-26'])
      expect(await daysAt('dp0002', 'st002'), 'his other station’s day').to.deep.equal(['2026-11-26'])
      expect(await daysAt('dp0003')).to.deep.equal(['2026-11-26'])
      expect((await store().directory.snapshot()).deputies.find((d) => d.id === 'dp0003')!.dutyByStation).to.deep.equal({ st001: ['2026-11-26'] })
    })

    it('writes nothing when those on duty that day are no longer as seen', async () => {
      await store().deputies.setDutyDay('st001', '2026-11-27', { onDuty: ['dp0001'], seen: [] })
      let refused: unknown = null
      await store()
        .deputies.setDutyDay('st001', '2026-11-27', { onDuty: ['dp0003'], seen: [] })
        .catch((err: unknown) => (refused = err))
      expect(refused).to.be.instanceOf(StoreConflict)
      expect((refused as StoreConflict).conflict).to.equal('duty_day_changed')
      expect(await daysAt('dp0001')).to.deep.equal(['2026-11-25', '2026-11-27'])
      expect(await daysAt('dp0003')).to.deep.equal([])
    })

    it('takes two saves of the same day at once one after the other: one stands whole, the other is refused', async () => {
      const results = await Promise.allSettled([
        store().deputies.setDutyDay('st001', '2026-11-30', { onDuty: ['dp0001'], seen: [] }),
        store().deputies.setDutyDay('st001', '2026-11-30', { onDuty: ['dp0002', 'dp0003'], seen: [] }),
      ])
      expect(results.map((r) => r.status).sort()).to.deep.equal(['fulfilled', 'rejected'])
      const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
      expect((lost.reason as StoreConflict).conflict).to.equal('duty_day_changed')
      const onDuty: string[] = []
      for (const id of ['dp0001', 'dp0002', 'dp0003']) if ((await daysAt(id)).includes('2026-11-30')) onDuty.push(id)
      expect(onDuty.join(','), 'one save whole, never a mix').to.be.oneOf(['dp0001', 'dp0002,dp0003'])
    })
  })
}
