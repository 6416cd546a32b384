import { expect } from 'chai'
import type { Store } from '../../src/store/ports.js'
import { outboxMessage } from './records.js'

const T0 = new Date('2026-11-23T00:00:00Z')

/** The contract of the daily digest's storage. */
export function digestContract(store: () => Store) {
  describe('daily digests', () => {
    it("keeps a deputy's choices", async () => {
      expect(await store().digests.preferences('dp0001')).to.equal(null)
      await store().digests.savePreferences('dp0001', { channels: ['bot_private', 'mp_subscribe'], sendAt: '07:30', muteWeekends: true }, T0)
      await store().digests.savePreferences('dp0002', { channels: [], sendAt: null, muteWeekends: false }, T0)
      expect(await store().digests.preferences('dp0001')).to.deep.equal({ channels: ['bot_private', 'mp_subscribe'], sendAt: '07:30', muteWeekends: true })
      expect(Object.keys(await store().digests.allPreferences()).sort()).to.deep.equal(['dp0001', 'dp0002'])
    })

    it('records one digest per deputy per day, with its message, whoever asks twice', async () => {
      const made = await store().digests.record(
        '2026-11-23',
        [
          { deputyId: 'dp0001', message: outboxMessage('digest:dp0001:2026-11-23') },
          { deputyId: 'dp0002', message: outboxMessage('digest:dp0002:2026-11-23') },
        ],
        T0,
      )
      expect(made).to.equal(2)
      const again = await store().digests.record('2026-11-23', [{ deputyId: 'dp0001', message: outboxMessage('digest:dp0001:2026-11-23:again') }], T0)
      expect(again).to.equal(0)
      expect((await store().outbox.search({ limit: 10 })).items.map((m) => m.dedupeKey).sort()).to.deep.equal([
        'digest:dp0001:2026-11-23',
        'digest:dp0002:2026-11-23',
      ])
      expect((await store().digests.sentOn('2026-11-23')).sort()).to.deep.equal(['dp0001', 'dp0002'])
      expect(await store().digests.sentOn('2026-11-24')).to.deep.equal([])
      await store().digests.record('2026-11-24', [{ deputyId: 'dp0001', message: outboxMessage('digest:dp0001:2026-11-24') }], new Date('2026-11-24T00:00:00Z'))
      const last = await store().digests.lastMade()
      expect(Object.fromEntries(Object.entries(last).map(([id, at]) => [id, at.toISOString()])), "each deputy's newest").to.deep.equal({
        dp0001: '2026-11-24T00:00:00.000Z',
        dp0002: '2026-11-23T00:00:00.000Z',
      })
    })
  })
}
