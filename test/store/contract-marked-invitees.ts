import { expect } from 'chai'
import { withoutStaffEntry, withStaffEntry } from '../../src/domain/meeting-staff-entry.js'
import type { MeetingInvitee } from '../../src/domain/meeting.js'
import { StoreConflict } from '../../src/store/conflicts.js'
import type { Store } from '../../src/store/ports.js'
import { rejects } from '../helpers/rejects.js'
import { inviteeRecord as invitee, meetingRecord } from './contract-meetings.js'
import { outboxMessage } from './records.js'

/**
 * The contract of an invitee marked 已离任 / 已调到… (withdrawn) as staff and the directory write about him:
 * staff's new entry (补签, 代请假) is refused in its own write once he is marked, as his own check-in is
 * (contract-check-in-withdrawn.ts), while an entry made before the mark can still be undone; and a mark cleared
 * with `tell` (he is back, and must be told of the meeting anew) writes his new invitedAt and his 会议通知 in the
 * same transaction as the clearing, or nothing of them when the clearing is not written.
 */
export function markedInviteesContract(store: () => Store) {
  describe('an invitee marked moved away, as staff and the directory write about him', () => {
    const at = new Date('2026-12-10T02:00:00Z')
    const who = (id: string) => ({ kind: 'deputy' as const, id })
    const moved = { reason: 'moved' as const, at, to: '马庄街道代表联络站' }
    const entry = (i: MeetingInvitee, kind: 'attended' | 'leave') => withStaffEntry(i, { kind, note: '纸质签到', staffId: 'sf01', staffName: '李娜', at })
    const read = async (meetingId: string, id: string) => (await store().meetings.invitation(meetingId, who(id)))!
    async function meeting(people: string[]) {
      const m = await store().meetings.create(meetingRecord({ status: 'published', startAt: at, endAt: new Date(at.getTime() + 7_200_000) }))
      await store().meetings.update(
        m,
        [],
        people.map((id) => invitee(m.id, id)),
      )
      return m
    }

    it('refuses a staff entry with no_longer_invited after a stale read, writing nothing; undoing one made before the mark is not refused', async () => {
      const m = await meeting(['dp0001', 'dp0002', 'dp0003'])
      const before = await read(m.id, 'dp0001') // the service's read: not marked
      expect(await store().meetings.withdrawInvitees([{ meetingId: m.id, person: who('dp0001'), withdrawn: moved, was: null }])).to.have.length(1)
      for (const kind of ['attended', 'leave'] as const) {
        const err = await rejects(store().meetings.rewriteInvitee(before, entry(before, kind)))
        expect(err, kind).to.be.instanceOf(StoreConflict)
        expect((err as StoreConflict).conflict).to.equal('no_longer_invited')
      }
      expect(await read(m.id, 'dp0001'), 'nothing written').to.deep.include({ rsvp: 'pending', checkedInAt: null, staffEntry: null, withdrawn: moved })

      const other = await read(m.id, 'dp0002')
      expect(await store().meetings.rewriteInvitee(other, entry(other, 'attended')), 'one not marked').to.equal(true)
      expect(await store().meetings.rewriteInvitee(other, entry(other, 'attended')), 'changed since it was read: false, as before').to.equal(false)

      // Recorded before he moved away: the office may still take its own entry back.
      const third = await read(m.id, 'dp0003')
      const recorded = entry(third, 'attended')
      expect(await store().meetings.rewriteInvitee(third, recorded)).to.equal(true)
      await store().meetings.withdrawInvitees([{ meetingId: m.id, person: who('dp0003'), withdrawn: moved, was: null }])
      const stored = await read(m.id, 'dp0003')
      expect(await store().meetings.rewriteInvitee(stored, withoutStaffEntry(stored) as MeetingInvitee)).to.equal(true)
      expect(await read(m.id, 'dp0003')).to.deep.include({ checkedInAt: null, staffEntry: null, withdrawn: moved })
    })

    it('writes the invitedAt and the notice a cleared mark tells with it, and neither when the clearing is not written', async () => {
      const m = await meeting(['dp0001', 'dp0002'])
      await store().meetings.withdrawInvitees([
        { meetingId: m.id, person: who('dp0001'), withdrawn: moved, was: null },
        { meetingId: m.id, person: who('dp0002'), withdrawn: moved, was: null },
      ])
      const back = new Date('2026-12-11T02:00:00Z')
      const notice = (id: string) =>
        outboxMessage(`meeting:${m.id}:published:again:2:deputy:${id}`, { recipientId: id, kind: 'meeting.notice', payload: { meetingId: m.id } })
      const written = await store().meetings.withdrawInvitees([
        { meetingId: m.id, person: who('dp0001'), withdrawn: null, was: moved, tell: { at: back, messages: [notice('dp0001')] } },
        // Read before a later mark: not written, and so neither is what it would tell.
        { meetingId: m.id, person: who('dp0002'), withdrawn: null, was: null, tell: { at: back, messages: [notice('dp0002')] } },
      ])
      expect(written.map((x) => x.person.id)).to.deep.equal(['dp0001'])
      const his = await read(m.id, 'dp0001')
      expect([his.withdrawn ?? null, his.invitedAt]).to.deep.equal([null, back])
      expect(await read(m.id, 'dp0002')).to.deep.include({ withdrawn: moved, invitedAt: null })
      expect(
        (await store().outbox.search({ limit: 10 })).items.map((x) => x.dedupeKey),
        'only the one brought back is told',
      ).to.deep.equal([`meeting:${m.id}:published:again:2:deputy:dp0001`])
    })
  })
}
