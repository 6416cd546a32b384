import { expect } from 'chai'
import type { DirectorySnapshot, Store } from '../../src/store/ports.js'
import type { MeetingInvitee } from '../../src/domain/meeting.js'
import { meetingRecord } from './contract-meetings.js'

/**
 * The contract of a deputy who moves station: his reception duty before the move stays as his former duty at
 * the station he left (that station's roster history), found by the station; the days ahead go with the move.
 */
export function deputyMovesContract(store: () => Store, directory: () => DirectorySnapshot) {
  describe('a deputy moved to another station', () => {
    beforeEach(async () => {
      const dir = directory()
      dir.deputies = dir.deputies.map((d) => (d.id === 'dp0001' ? { ...d, dutyByStation: { st001: ['2026-11-25', '2026-12-16'] } } : d))
      await store().directory.upsertAll(dir)
    })

    it('keeps his days before the move at the station he left, read everywhere he is read', async () => {
      const moved = await store().deputies.update('dp0001', { stationIds: ['st002'], today: '2026-12-10' })
      expect(moved).to.deep.include({ stationIds: ['st002'], dutyByStation: {}, formerDuty: { st001: ['2026-11-25'] } })
      for (const read of [
        await store().deputies.get('dp0001'),
        await store().deputies.getByCode('DP0001'),
        (await store().directory.snapshot()).deputies.find((d) => d.id === 'dp0001'),
      ])
        expect(read).to.deep.include({ dutyByStation: {}, formerDuty: { st001: ['2026-11-25'] } })
      expect((await store().deputies.formerAtStation('st001')).map((d) => d.id)).to.deep.equal(['dp0001'])
      expect(await store().deputies.formerAtStation('st002')).to.deep.equal([])
      expect(
        (await store().deputies.listByStation('st001')).map((d) => d.id),
        'no longer one of its deputies',
      ).not.to.include('dp0001')
    })

    it('with duty set at the new station in the same write, and back again puts his days there back on his roster', async () => {
      await store().deputies.update('dp0001', { stationIds: ['st002'], dutyAt: { stationId: 'st002', dates: ['2026-12-20'] }, today: '2026-12-10' })
      expect(await store().deputies.get('dp0001')).to.deep.include({ dutyByStation: { st002: ['2026-12-20'] }, formerDuty: { st001: ['2026-11-25'] } })
      const back = await store().deputies.update('dp0001', { stationIds: ['st002', 'st001'], today: '2026-12-11' })
      expect(back.dutyByStation).to.deep.equal({ st002: ['2026-12-20'], st001: ['2026-11-25'] })
      expect(back.formerDuty ?? null).to.equal(null)
      expect((await store().deputies.get('dp0001'))!.formerDuty ?? null).to.equal(null)
      expect(await store().deputies.formerAtStation('st001')).to.deep.equal([])
    })

    it('is written whole by an import, and an edit of anything else leaves it as it is', async () => {
      const dir = directory()
      dir.deputies = dir.deputies.map((d) =>
        d.id === 'dp0001' ? { ...d, stationIds: ['st002'], dutyByStation: {}, formerDuty: { st001: ['2026-11-25'] } } : d,
      )
      await store().directory.upsertAll(dir)
      await store().deputies.update('dp0001', { topics: ['教育'] })
      expect(await store().deputies.get('dp0001')).to.deep.include({ topics: ['教育'], formerDuty: { st001: ['2026-11-25'] } })
      await store().directory.upsertAll(directory())
      expect((await store().deputies.get('dp0001'))!.formerDuty ?? null, 'an import without it clears it').to.equal(null)
    })
  })
}

/**
 * The contract of an invitee no longer expected at a meeting ahead (InviteeWithdrawal): marked and cleared alone,
 * his answer kept, read by every read of invitees.
 */
export function inviteeWithdrawalContract(store: () => Store) {
  describe('an invitee who left office or moved away before the meeting', () => {
    const person = (id: string): MeetingInvitee => ({
      meetingId: '',
      personKind: 'deputy',
      personId: id,
      name: id,
      rsvp: 'pending',
      reason: null,
      rsvpAt: null,
      checkedInAt: null,
      invitedAt: null,
      staffEntry: null,
    })
    const at = new Date('2026-12-10T02:00:00Z')

    it('is marked with his answer kept, read by every read of the meeting’s people, and expected again when cleared', async () => {
      const m = await store().meetings.create(
        meetingRecord({ status: 'published', startAt: new Date('2030-01-01T01:00:00Z'), endAt: new Date('2030-01-01T03:00:00Z') }),
      )
      await store().meetings.update(
        m,
        [],
        [person('dp0001'), person('dp0002')].map((i) => ({ ...i, meetingId: m.id })),
      )
      expect(await store().meetings.respond(m.id, { kind: 'deputy', id: 'dp0001' }, { rsvp: 'attend', reason: null, at })).to.not.equal(null)
      const moved = { reason: 'moved' as const, at, to: '马庄街道代表联络站' }
      expect(await store().meetings.withdrawInvitee(m.id, { kind: 'deputy', id: 'dp0001' }, moved)).to.equal(true)

      const [first, second] = await store().meetings.invitees([m.id])
      expect(first).to.deep.include({ personId: 'dp0001', rsvp: 'attend', withdrawn: moved })
      expect(second.withdrawn ?? null, 'the others are not').to.equal(null)
      expect((await store().meetings.invitation(m.id, { kind: 'deputy', id: 'dp0001' }))!.withdrawn).to.deep.equal(moved)
      const [own] = await store().meetings.invitationsOf({ kind: 'deputy', id: 'dp0001' }, { statuses: ['published'] })
      expect(own.invitation.withdrawn).to.deep.equal(moved)

      expect(await store().meetings.withdrawInvitee(m.id, { kind: 'deputy', id: 'dp0001' }, null)).to.equal(true)
      expect((await store().meetings.invitation(m.id, { kind: 'deputy', id: 'dp0001' }))!.withdrawn ?? null).to.equal(null)
      expect((await store().meetings.invitation(m.id, { kind: 'deputy', id: 'dp0001' }))!.rsvp).to.equal('attend')
      expect(await store().meetings.withdrawInvitee(m.id, { kind: 'deputy', id: 'dp0009' }, moved), 'not invited').to.equal(false)
    })
  })
}
