import { expect } from 'chai'
import type { Store } from '../../src/store/ports.js'

/** The contract of one-off steps recorded on a store (MarkerRepo). */
export function markersContract(store: () => Store) {
  describe('one-off step markers', () => {
    it('knows no step on a new store, then the one recorded, with the time it was first recorded', async () => {
      const markers = store().markers
      expect(await markers.doneAt('meeting-audience-streets')).to.equal(null)
      await markers.markDone('meeting-audience-streets', new Date('2026-12-01T08:00:00.000Z'))
      // A second instance starting at the same moment records it again: the first time stays.
      await markers.markDone('meeting-audience-streets', new Date('2026-12-01T08:00:05.000Z'))
      expect(await markers.doneAt('meeting-audience-streets')).to.deep.equal(new Date('2026-12-01T08:00:00.000Z'))
      expect(await markers.doneAt('another-step'), 'each step by its own name').to.equal(null)
    })

    it('forgets a step cleared, and only that one; clearing one never recorded changes nothing', async () => {
      const markers = store().markers
      await markers.markDone('demo.city-seeded', new Date('2026-12-01T08:00:00.000Z'))
      await markers.markDone('meeting-audience-streets', new Date('2026-12-01T08:00:00.000Z'))
      await markers.clear('demo.city-seeded')
      await markers.clear('never-recorded')
      expect(await markers.doneAt('demo.city-seeded')).to.equal(null)
      expect(await markers.doneAt('meeting-audience-streets')).to.deep.equal(new Date('2026-12-01T08:00:00.000Z'))
      // Recorded again later, it is known again from then.
      await markers.markDone('demo.city-seeded', new Date('2026-12-02T08:00:00.000Z'))
      expect(await markers.doneAt('demo.city-seeded')).to.deep.equal(new Date('2026-12-02T08:00:00.000Z'))
    })
  })
}
