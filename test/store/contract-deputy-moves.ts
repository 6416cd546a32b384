import { expect } from 'chai'
import type { DirectorySnapshot, Store } from '../../src/store/ports.js'
import { inviteeRecord, meetingRecord } from './contract-meetings.js'
import type { CaseRecord } from '../../src/domain/case.js'
import { caseEvent, caseRecord, outboxMessage } from './records.js'

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

    it('made while clerks save his reception days, loses none of theirs and keeps what the move keeps', async () => {
      // The organizer adds 高新园区 as 轻工街道's clerk saves his days there: whichever is written first, both stand.
      const [joined, saved] = await Promise.all([
        store().deputies.update('dp0001', { stationIds: ['st001', 'st002'], today: '2026-12-10' }),
        store().deputies.update('dp0001', { dutyAt: { stationId: 'st001', dates: ['2026-12-16', '2026-12-23'] } }),
      ])
      expect(joined.stationIds, 'the move answered as written').to.deep.equal(['st001', 'st002'])
      expect(saved.dutyByStation.st001, 'the days answered as written').to.deep.equal(['2026-12-16', '2026-12-23'])
      expect(await store().deputies.get('dp0001')).to.deep.include({ stationIds: ['st001', 'st002'], dutyByStation: { st001: ['2026-12-16', '2026-12-23'] } })

      // Then he leaves 轻工街道 on the 20th as 高新园区's clerk gives him his first day there: his 16th at 轻工街道 is its history.
      await Promise.all([
        store().deputies.update('dp0001', { stationIds: ['st002'], today: '2026-12-20' }),
        store().deputies.update('dp0001', { dutyAt: { stationId: 'st002', dates: ['2026-12-30'] } }),
      ])
      const after = (await store().deputies.get('dp0001'))!
      expect(after).to.deep.include({ stationIds: ['st002'], dutyByStation: { st002: ['2026-12-30'] }, formerDuty: { st001: ['2026-12-16'] } })
      expect((await store().deputies.formerAtStation('st001')).map((d) => d.id)).to.deep.equal(['dp0001'])
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
    const at = new Date('2026-12-10T02:00:00Z')

    it('is marked with his answer kept, read by every read of the meeting’s people, and expected again when cleared', async () => {
      const m = await store().meetings.create(
        meetingRecord({ status: 'published', startAt: new Date('2030-01-01T01:00:00Z'), endAt: new Date('2030-01-01T03:00:00Z') }),
      )
      await store().meetings.update(m, [], [inviteeRecord(m.id, 'dp0001'), inviteeRecord(m.id, 'dp0002')])
      expect(await store().meetings.respond(m.id, { kind: 'deputy', id: 'dp0001' }, { rsvp: 'attend', reason: null, at })).to.not.equal(null)
      const moved = { reason: 'moved' as const, at, to: '马庄街道代表联络站' }
      const mark = (id: string, withdrawn: typeof moved | null) => ({ meetingId: m.id, person: { kind: 'deputy' as const, id }, withdrawn })
      expect(await store().meetings.withdrawInvitees([mark('dp0001', moved)])).to.deep.equal([mark('dp0001', moved)])

      const [first, second] = await store().meetings.invitees([m.id])
      expect(first).to.deep.include({ personId: 'dp0001', rsvp: 'attend', withdrawn: moved })
      expect(second.withdrawn ?? null, 'the others are not').to.equal(null)
      expect((await store().meetings.invitation(m.id, { kind: 'deputy', id: 'dp0001' }))!.withdrawn).to.deep.equal(moved)
      const [own] = await store().meetings.invitationsOf({ kind: 'deputy', id: 'dp0001' }, { statuses: ['published'] })
      expect(own.invitation.withdrawn).to.deep.equal(moved)

      expect(await store().meetings.withdrawInvitees([mark('dp0001', null)])).to.have.length(1)
      expect((await store().meetings.invitation(m.id, { kind: 'deputy', id: 'dp0001' }))!.withdrawn ?? null).to.equal(null)
      expect((await store().meetings.invitation(m.id, { kind: 'deputy', id: 'dp0001' }))!.rsvp).to.equal('attend')
      expect(await store().meetings.withdrawInvitees([mark('dp0009', moved)]), 'not invited').to.deep.equal([])
    })

    it('are marked many at once, each only while his mark is still as its writer read it', async () => {
      const m = await store().meetings.create(
        meetingRecord({ status: 'published', startAt: new Date('2030-01-01T01:00:00Z'), endAt: new Date('2030-01-01T03:00:00Z') }),
      )
      await store().meetings.update(
        m,
        [],
        ['dp0001', 'dp0002', 'dp0003'].map((id) => inviteeRecord(m.id, id)),
      )
      const first = { reason: 'moved' as const, at, to: '马庄街道代表联络站' }
      const later = { reason: 'left_office' as const, at: new Date(at.getTime() + 60_000), to: null }
      const who = (id: string) => ({ kind: 'deputy' as const, id })
      const written = await store().meetings.withdrawInvitees([
        { meetingId: m.id, person: who('dp0001'), withdrawn: first, was: null },
        { meetingId: m.id, person: who('dp0002'), withdrawn: first, was: null },
        { meetingId: m.id, person: who('dp0009'), withdrawn: first, was: null },
      ])
      expect(
        written.map((x) => x.person.id),
        'one not invited is left out',
      ).to.deep.equal(['dp0001', 'dp0002'])
      const again = await store().meetings.withdrawInvitees([
        // Read before dp0001 was marked: a judgement on that older read is not written over the newer mark.
        { meetingId: m.id, person: who('dp0001'), withdrawn: null, was: null },
        { meetingId: m.id, person: who('dp0002'), withdrawn: later, was: first },
        { meetingId: m.id, person: who('dp0003'), withdrawn: later, was: null },
      ])
      expect(again.map((x) => x.person.id)).to.deep.equal(['dp0002', 'dp0003'])
      const marks = Object.fromEntries((await store().meetings.invitees([m.id])).map((i) => [i.personId, i.withdrawn ?? null]))
      expect(marks).to.deep.equal({ dp0001: first, dp0002: later, dp0003: later })
    })

    it('are read for many people at once, each with his meeting, and named again clear the mark with the answer kept', async () => {
      const ahead = (days: number) => ({
        status: 'published' as const,
        startAt: new Date(`2030-01-0${days}T01:00:00Z`),
        endAt: new Date(`2030-01-0${days}T03:00:00Z`),
      })
      const early = await store().meetings.create(meetingRecord(ahead(1)))
      const late = await store().meetings.create(meetingRecord(ahead(2)))
      const over = await store().meetings.create(
        meetingRecord({ status: 'published', startAt: new Date('2020-01-01T01:00:00Z'), endAt: new Date('2020-01-01T03:00:00Z') }),
      )
      for (const [m, ids] of [
        [late, ['dp0001', 'dp0002']],
        [early, ['dp0003', 'dp0001']],
        [over, ['dp0001']],
      ] as const)
        await store().meetings.update(
          m,
          [],
          ids.map((id) => inviteeRecord(m.id, id)),
        )
      const many = await store().meetings.invitationsOfMany(
        [
          { kind: 'deputy', id: 'dp0001' },
          { kind: 'deputy', id: 'dp0003' },
          { kind: 'staff', id: 'dp0002' },
        ],
        { statuses: ['published'], endFrom: new Date('2026-12-01T00:00:00Z') },
      )
      expect(many.map((x) => `${x.meeting.id} ${x.invitation.personId}`)).to.deep.equal([`${early.id} dp0003`, `${early.id} dp0001`, `${late.id} dp0001`])
      expect(await store().meetings.invitationsOfMany([], { statuses: ['published'] })).to.deep.equal([])

      const moved = { reason: 'moved' as const, at, to: '马庄街道代表联络站' }
      await store().meetings.respond(late.id, { kind: 'deputy', id: 'dp0001' }, { rsvp: 'attend', reason: null, at })
      await store().meetings.withdrawInvitees([{ meetingId: late.id, person: { kind: 'deputy', id: 'dp0001' }, withdrawn: moved }])
      const current = (await store().meetings.get(late.id))!
      const again = new Date('2026-12-11T02:00:00Z')
      const { added, restored } = await store().meetings.addInvitees(
        current,
        [inviteeRecord(late.id, 'dp0001', { invitedAt: again }), inviteeRecord(late.id, 'dp0002', { invitedAt: again })],
        [
          outboxMessage(`meeting:${late.id}:published:again:2:deputy:dp0001`, { recipientId: 'dp0001' }),
          outboxMessage(`meeting:${late.id}:published:again:2:deputy:dp0002`, { recipientId: 'dp0002' }),
        ],
      )
      expect(added, 'nobody new').to.deep.equal([])
      expect(restored.map((i) => [i.personId, i.rsvp, i.invitedAt?.toISOString(), i.withdrawn ?? null])).to.deep.equal([
        ['dp0001', 'attend', again.toISOString(), null],
      ])
      expect((await store().meetings.invitation(late.id, { kind: 'deputy', id: 'dp0001' }))!.withdrawn ?? null).to.equal(null)
      expect(
        (await store().outbox.search({ limit: 10 })).items.map((x) => x.recipientId),
        'the one expected again is told; one on the list all along is not',
      ).to.deep.equal(['dp0001'])
    })
  })
}

/** The contract of the open cases of many deputies read at once (a directory import's movers). */
export function casesOfDeputiesContract(store: () => Store) {
  describe('the cases of several deputies', () => {
    it('are read at once by their ids, nobody else’s', async () => {
      const submit = (over: Partial<CaseRecord>) => {
        const record = caseRecord(over)
        return store().cases.submit({ record, ticketDate: '2026-11-22', events: [caseEvent(record.id, 'submitted')], outbox: [] })
      }
      const a = await submit({ deputyId: 'dp0001' })
      const b = await submit({ deputyId: 'dp0003', stationId: 'st002' })
      await submit({ deputyId: 'dp0002' })
      await submit({ deputyId: null, stationId: null, status: 'submitted' })
      const ids = async (deputyIds: string[]) => (await store().cases.listForStats({ deputyIds })).map((c) => c.id).sort()
      expect(await ids(['dp0001', 'dp0003', 'dp0009'])).to.deep.equal([a.id, b.id].sort())
      expect(await ids([])).to.deep.equal([])
    })
  })
}
