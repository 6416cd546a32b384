import { expect } from 'chai'
import type { DeputyAway } from '../../src/domain/deputy-away.js'
import { NotFoundError } from '../../src/errors.js'
import { StoreConflict } from '../../src/store/conflicts.js'
import type { DirectorySnapshot, Store } from '../../src/store/ports.js'
import { outboxMessage } from './records.js'

/**
 * The contract of changing a deputy's 暂停接收留言 mark only as it was read (DeputyRepo.setAway's `expected`): his
 * own change, read before his station's, must not undo the station's unseen. A miss writes neither the mark nor the
 * notices, and says so (StoreConflict 'stale_away'); an unknown deputy is still NotFoundError.
 */
export function deputyAwayAsReadContract(store: () => Store, directory: () => DirectorySnapshot) {
  describe('a deputy’s 暂停接收留言 changed only as it was read', () => {
    const HIS: DeputyAway = { from: '2026-12-01', until: '2026-12-05', reason: 'leave', note: '住院', bySelf: true }
    const STATIONS: DeputyAway = { from: '2026-12-02', until: '2026-12-09', reason: 'study', note: null }
    beforeEach(async () => store().directory.upsertAll(directory()))

    const refused = async (write: Promise<unknown>) => {
      let error: unknown
      try {
        await write
      } catch (err) {
        error = err
      }
      return error
    }
    const pending = async () => (await store().outbox.search({ limit: 10, kind: 'deputy.away_ended' })).items.map((m) => m.dedupeKey)

    it('writes nothing, notices neither, over a mark that changed since it was read (not even who set it); over the one read, writes', async () => {
      await store().deputies.setAway('dp0001', STATIONS)
      const ended = outboxMessage('deputy-away-ended:dp0001:1', { kind: 'deputy.away_ended', recipientKind: 'station', recipientId: 'st001' })
      for (const asRead of [HIS, null, { ...STATIONS, bySelf: true as const }, { ...STATIONS, note: '另一句' }]) {
        const error = await refused(store().deputies.setAway('dp0001', null, [ended], asRead))
        expect(error, JSON.stringify(asRead)).to.be.instanceOf(StoreConflict)
        expect((error as StoreConflict).conflict).to.equal('stale_away')
      }
      expect((await store().deputies.get('dp0001'))!.away, 'the station’s stands').to.deep.equal(STATIONS)
      expect(await pending(), 'nobody told').to.deep.equal([])

      await store().deputies.setAway('dp0001', null, [ended], STATIONS)
      expect((await store().deputies.get('dp0001'))!.away ?? null).to.equal(null)
      expect(await pending()).to.deep.equal(['deputy-away-ended:dp0001:1'])
    })

    it('writes over none when it read none, not over one set since; an unknown deputy is still NotFoundError', async () => {
      expect((await store().deputies.setAway('dp0001', HIS, [], null)).away).to.deep.equal(HIS)
      expect(await refused(store().deputies.setAway('dp0001', STATIONS, [], null))).to.be.instanceOf(StoreConflict)
      expect((await store().deputies.get('dp0001'))!.away).to.deep.equal(HIS)
      expect(await refused(store().deputies.setAway('dp9999', HIS, [], null))).to.be.instanceOf(NotFoundError)
      expect(await refused(store().deputies.setAway('dp9999', null, [], HIS))).to.be.instanceOf(NotFoundError)
    })
  })
}
