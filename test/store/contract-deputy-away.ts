import { expect } from 'chai'
import { NotFoundError } from '../../src/errors.js'
import type { DirectorySnapshot, Store } from '../../src/store/ports.js'
import { outboxMessage } from './records.js'

/** The contract of a deputy's 暂停接收留言 mark (DeputyRepo.setAway): set alone, kept by imports and edits. */
export function deputyAwayContract(store: () => Store, directory: () => DirectorySnapshot) {
  describe('a deputy marked away (暂停接收留言)', () => {
    const LEAVE = { from: '2026-12-01', until: '2026-12-05', reason: 'leave' as const, note: '住院' }
    beforeEach(async () => store().directory.upsertAll(directory()))

    it('is set, read by every read of the deputy and the snapshot, and ended', async () => {
      const set = await store().deputies.setAway('dp0001', LEAVE)
      expect(set.away).to.deep.equal(LEAVE)
      expect((await store().deputies.get('dp0001'))!.away).to.deep.equal(LEAVE)
      expect((await store().deputies.getByCode('DP0001'))!.away).to.deep.equal(LEAVE)
      expect((await store().directory.snapshot()).deputies.find((d) => d.id === 'dp0001')!.away).to.deep.equal(LEAVE)
      expect((await store().deputies.get('dp0002'))!.away ?? null, 'the others are not').to.equal(null)
      await store().deputies.setAway('dp0001', null)
      expect((await store().deputies.get('dp0001'))!.away ?? null).to.equal(null)
    })

    it('is kept by a directory import and by an edit of the deputy, which know nothing of it', async () => {
      await store().deputies.setAway('dp0001', { ...LEAVE, note: null })
      const again = directory()
      again.deputies = again.deputies.map((d) => (d.id === 'dp0001' ? { ...d, name: '张伟伟' } : d))
      await store().directory.upsertAll(again)
      await store().deputies.update('dp0001', { topics: ['教育'] })
      const after = (await store().deputies.get('dp0001'))!
      expect(after.name).to.equal('张伟伟')
      expect(after.away).to.deep.equal({ ...LEAVE, note: null })
    })

    it('writes the notices telling him with the mark, once for one dedupe key', async () => {
      const told = outboxMessage('deputy-away:dp0001:1', { kind: 'deputy.away', payload: { text: '暂停接收新留言' } })
      await store().deputies.setAway('dp0001', LEAVE, [told])
      await store().deputies.setAway('dp0001', LEAVE, [{ ...told, id: 'ob-again' }])
      const written = (await store().outbox.search({ limit: 10, kind: 'deputy.away' })).items
      expect(written.map((m) => [m.recipientId, m.dedupeKey, m.status])).to.deep.equal([['dp0001', 'deputy-away:dp0001:1', 'pending']])
      expect((await store().deputies.get('dp0001'))!.away).to.deep.equal(LEAVE)
    })

    it('of an unknown deputy is NotFoundError, nothing written', async () => {
      let error: unknown
      try {
        await store().deputies.setAway('dp9999', LEAVE, [outboxMessage('deputy-away:dp9999:1', { kind: 'deputy.away', recipientId: 'dp9999' })])
      } catch (err) {
        error = err
      }
      expect(error).to.be.instanceOf(NotFoundError)
      expect((await store().directory.snapshot()).deputies.filter((d) => d.away).length).to.equal(0)
      expect((await store().outbox.search({ limit: 10, kind: 'deputy.away' })).items, 'nor its notice').to.deep.equal([])
    })
  })
}
