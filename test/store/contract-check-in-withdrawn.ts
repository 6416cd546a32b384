import { expect } from 'chai'
import { StoreConflict } from '../../src/store/conflicts.js'
import type { Store } from '../../src/store/ports.js'
import { rejects } from '../helpers/rejects.js'
import { inviteeRecord as invitee, meetingRecord } from './contract-meetings.js'

/**
 * Review 35, L8: a check-in checks the 已调离/已离任 mark in its own write. The service read him unmarked; his move
 * lands before the write: he is refused as no_longer_invited (the service's code), not signed in, and not counted.
 */
export function checkInWithdrawnContract(store: () => Store) {
  describe('a check-in landing as the invitee is marked moved away', () => {
    const at = new Date('2026-12-10T02:00:00Z')
    const who = (id: string) => ({ kind: 'deputy' as const, id })

    it('is refused with no_longer_invited after a stale read, and writes nothing; the others and a cleared mark sign in', async () => {
      const m = await store().meetings.create(meetingRecord({ status: 'published', startAt: at, endAt: new Date(at.getTime() + 7_200_000) }))
      await store().meetings.update(m, [], [invitee(m.id, 'dp0001'), invitee(m.id, 'dp0002')])

      // The service's read: not marked.
      expect((await store().meetings.invitation(m.id, who('dp0001')))!.withdrawn ?? null).to.equal(null)
      const moved = { reason: 'moved' as const, at, to: '马庄街道代表联络站' }
      expect(await store().meetings.withdrawInvitees([{ meetingId: m.id, person: who('dp0001'), withdrawn: moved, was: null }])).to.have.length(1)

      const err = await rejects(store().meetings.checkIn(m.id, who('dp0001'), at))
      expect(err).to.be.instanceOf(StoreConflict)
      expect((err as StoreConflict).conflict).to.equal('no_longer_invited')
      expect((await store().meetings.invitation(m.id, who('dp0001')))!.checkedInAt, 'not signed in').to.equal(null)

      expect(await store().meetings.checkIn(m.id, who('dp0002'), at), 'one not marked').to.equal(true)
      expect(await store().meetings.checkIn(m.id, who('dp0002'), at), 'twice: false, as before').to.equal(false)
      expect(await store().meetings.checkIn(m.id, who('dp0009'), at), 'not invited: false, as before').to.equal(false)

      await store().meetings.withdrawInvitees([{ meetingId: m.id, person: who('dp0001'), withdrawn: null, was: moved }])
      expect(await store().meetings.checkIn(m.id, who('dp0001'), at), 'expected again').to.equal(true)
    })
  })
}
