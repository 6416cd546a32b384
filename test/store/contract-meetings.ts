import { expect } from 'chai'
import type { MeetingInvitee, MeetingRecord } from '../../src/domain/meeting.js'
import { ConflictError } from '../../src/errors.js'
import type { Store } from '../../src/store/ports.js'
import { outboxMessage } from './records.js'
import { rejects } from '../helpers/rejects.js'

const T0 = new Date('2026-11-22T02:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
let n = 0

export function meetingRecord(over: Partial<MeetingRecord> = {}): MeetingRecord {
  const seq = ++n
  return {
    id: `mt-${seq}`,
    shortCode: `CODE${String(seq).padStart(4, '0')}`,
    title: '常委会第十次会议',
    kind: 'standing_committee',
    status: 'draft',
    startAt: at(3 * 24 * 60),
    endAt: at(3 * 24 * 60 + 120),
    place: '第一会议室',
    agenda: '一、审议报告',
    attachments: [{ name: '议程.pdf', url: 'https://example.cn/a.pdf' }],
    selector: { levels: ['city'], deputyIds: ['dp0002'] },
    publicSeats: 0,
    rsvpDeadline: null,
    districtIds: ['d01'],
    createdBy: 'sf02',
    createdAt: T0,
    updatedAt: T0,
    publishedAt: null,
    cancelledAt: null,
    cancelReason: null,
    changeSeq: 0,
    remindersSent: [],
    nudgeRounds: 0,
    lastRemindedAt: null,
    lastNudgedAt: null,
    audienceDistrictIds: [],
    contactName: null,
    contactPhone: null,
    organizer: null,
    version: 1,
    ...over,
  }
}

/** A deputy invited to a meeting, not yet answered; contract-check-in-withdrawn.ts and contract-deputy-moves.ts use it too. */
export const inviteeRecord = (meetingId: string, personId: string, over: Partial<MeetingInvitee> = {}): MeetingInvitee => ({
  meetingId,
  personKind: 'deputy',
  personId,
  name: personId,
  rsvp: 'pending',
  reason: null,
  rsvpAt: null,
  checkedInAt: null,
  invitedAt: null,
  staffEntry: null,
  ...over,
})

/** The contract of meetings, their invitees and public places, for every adapter. */
export function meetingContract(store: () => Store) {
  const published = async (over: Partial<MeetingRecord> = {}, people = ['dp0001', 'dp0002']) => {
    const m = await store().meetings.create(meetingRecord(over))
    return store().meetings.update(
      { ...m, status: 'published', publishedAt: T0 },
      [],
      people.map((p) => inviteeRecord(m.id, p)),
    )
  }

  describe('meetings', () => {
    it('keeps a meeting as written, found by id and by short code; a taken code is a conflict', async () => {
      const m = meetingRecord()
      await store().meetings.create(m)
      expect(await store().meetings.get(m.id)).to.deep.equal(m)
      expect((await store().meetings.getByShortCode(m.shortCode))!.id).to.equal(m.id)
      expect(await store().meetings.get('mt-none')).to.equal(null)
      expect(await rejects(store().meetings.create({ ...meetingRecord(), shortCode: m.shortCode }))).to.be.instanceOf(ConflictError)
    })

    it('keeps whom invitees call about a meeting, and a correction of it', async () => {
      const m = await store().meetings.create(meetingRecord({ contactName: '王丽', contactPhone: '0375-2345678', organizer: '青澜区人大常委会办公室' }))
      expect(await store().meetings.get(m.id)).to.deep.include({ contactName: '王丽', contactPhone: '0375-2345678', organizer: '青澜区人大常委会办公室' })
      const next = await store().meetings.update({ ...m, contactName: null, contactPhone: '13812345678' }, [])
      expect(await store().meetings.get(m.id)).to.deep.equal(next)
      expect(next).to.deep.include({ contactName: null, contactPhone: '13812345678' })
    })

    it("keeps when the last reminder and the last organizer's round went out", async () => {
      const m = await store().meetings.create(meetingRecord())
      const next = await store().meetings.update({ ...m, lastRemindedAt: at(30), lastNudgedAt: at(20) }, [])
      expect(await store().meetings.get(m.id)).to.deep.equal(next)
      expect(next).to.deep.include({ lastRemindedAt: at(30), lastNudgedAt: at(20) })
    })

    it('publishes with invitees and messages in one write, only from the version read', async () => {
      const m = await store().meetings.create(meetingRecord())
      const next = await store().meetings.update(
        { ...m, status: 'published', publishedAt: at(1) },
        [outboxMessage(`meeting:${m.id}:published:a`)],
        [inviteeRecord(m.id, 'dp0002'), inviteeRecord(m.id, 'dp0001')],
      )
      expect(next.version).to.equal(2)
      expect(
        (await store().meetings.invitees([m.id])).map((i) => i.personId),
        'in the order invited',
      ).to.deep.equal(['dp0002', 'dp0001'])
      expect((await store().outbox.search({ limit: 10 })).items.map((x) => x.dedupeKey)).to.deep.equal([`meeting:${m.id}:published:a`])
      const stale = await rejects(store().meetings.update({ ...m, title: '改名' }, [outboxMessage('stale')]))
      expect(stale).to.be.instanceOf(ConflictError)
      expect((await store().meetings.get(m.id))!).to.deep.include({ status: 'published', title: '常委会第十次会议', version: 2 })
      expect((await store().outbox.search({ limit: 10 })).items).to.have.length(1)
      await store().meetings.update({ ...next, changeSeq: 1 }, [outboxMessage(`meeting:${m.id}:published:a`)])
      expect((await store().outbox.search({ limit: 10 })).items, 'a dedupe key already there is skipped').to.have.length(1)
      expect((await store().meetings.invitees([m.id])).length, 'invitees stay when not given').to.equal(2)
    })

    it('adds invitees after the others, keeping every answer, telling only the new ones', async () => {
      const m = await published()
      await store().meetings.respond(m.id, { kind: 'deputy', id: 'dp0001' }, { rsvp: 'attend', reason: null, at: at(5) })
      const { meeting, added } = await store().meetings.addInvitees(
        { ...m, title: '加人' },
        [inviteeRecord(m.id, 'dp0001'), inviteeRecord(m.id, 'dp0003')],
        [
          outboxMessage(`meeting:${m.id}:published:deputy:dp0001`, { recipientId: 'dp0001' }),
          outboxMessage(`meeting:${m.id}:published:deputy:dp0003`, { recipientId: 'dp0003' }),
        ],
      )
      expect(meeting.version).to.equal(m.version + 1)
      expect(added).to.deep.equal([inviteeRecord(m.id, 'dp0003')])
      expect((await store().meetings.invitees([m.id])).map((i) => `${i.personId} ${i.rsvp}`)).to.deep.equal([
        'dp0001 attend',
        'dp0002 pending',
        'dp0003 pending',
      ])
      expect((await store().outbox.search({ limit: 10 })).items.map((x) => x.recipientId)).to.deep.equal(['dp0003'])
      expect((await store().meetings.get(m.id))!.title).to.equal('加人')
      expect(await rejects(store().meetings.addInvitees(m, [inviteeRecord(m.id, 'dp0004')], [])), 'from a stale version').to.be.instanceOf(ConflictError)
      expect(await store().meetings.invitees([m.id])).to.have.length(3)
    })

    it('invites a person named twice in one call once', async () => {
      const m = await published()
      const { added } = await store().meetings.addInvitees(m, [inviteeRecord(m.id, 'dp0003'), inviteeRecord(m.id, 'dp0003')], [])
      expect(added).to.deep.equal([inviteeRecord(m.id, 'dp0003')])
      expect((await store().meetings.invitees([m.id])).map((i) => i.personId)).to.deep.equal(['dp0001', 'dp0002', 'dp0003'])
    })

    it('records answers and a single check-in per invitee', async () => {
      const m = await published()
      const answered = await store().meetings.respond(m.id, { kind: 'deputy', id: 'dp0001' }, { rsvp: 'leave', reason: '出差', at: at(5) })
      expect(answered).to.deep.equal(inviteeRecord(m.id, 'dp0001', { rsvp: 'leave', reason: '出差', rsvpAt: at(5) }))
      expect(await store().meetings.respond(m.id, { kind: 'deputy', id: 'dp0009' }, { rsvp: 'attend', reason: null, at: at(5) })).to.equal(null)
      expect(await store().meetings.respond(m.id, { kind: 'staff', id: 'dp0001' }, { rsvp: 'attend', reason: null, at: at(5) }), 'kinds differ').to.equal(null)
      expect(await store().meetings.checkIn(m.id, { kind: 'deputy', id: 'dp0002' }, at(6))).to.equal(true)
      expect(await store().meetings.checkIn(m.id, { kind: 'deputy', id: 'dp0002' }, at(7))).to.equal(false)
      expect(await store().meetings.checkIn(m.id, { kind: 'deputy', id: 'dp0009' }, at(7))).to.equal(false)
      expect((await store().meetings.invitation(m.id, { kind: 'deputy', id: 'dp0002' }))!.checkedInAt).to.deep.equal(at(6))
      expect(await store().meetings.invitation(m.id, { kind: 'deputy', id: 'dp0009' })).to.equal(null)
    })

    it('rewrites an invitee for staff only if nothing changed since it was read, and their own answer replaces a recorded leave', async () => {
      const m = await published()
      const zhang = { kind: 'deputy' as const, id: 'dp0001' }
      const read = (await store().meetings.invitation(m.id, zhang))!
      const entry = {
        kind: 'leave' as const,
        note: '住院',
        staffId: 'sf01',
        staffName: '李娜',
        at: at(5),
        before: { rsvp: 'pending' as const, reason: null, rsvpAt: null },
      }
      const onLeave = { ...read, rsvp: 'leave' as const, reason: '住院', rsvpAt: at(5), staffEntry: entry }
      expect(await store().meetings.rewriteInvitee(read, onLeave)).to.equal(true)
      expect(await store().meetings.invitation(m.id, zhang)).to.deep.equal(onLeave)
      expect(await store().meetings.rewriteInvitee(read, { ...read, checkedInAt: at(6) }), 'from a stale read').to.equal(false)
      expect((await store().meetings.invitation(m.id, zhang))!.checkedInAt).to.equal(null)
      // Attendance on top of the leave (the entry compared by its time), then undone back to the leave.
      const attended = { ...onLeave, checkedInAt: at(7), staffEntry: { ...entry, kind: 'attended' as const, note: '纸质签到', at: at(7), before: null } }
      expect(await store().meetings.rewriteInvitee(onLeave, attended)).to.equal(true)
      expect(await store().meetings.rewriteInvitee(attended, onLeave)).to.equal(true)
      expect(await store().meetings.invitation(m.id, zhang)).to.deep.equal(onLeave)
      const own = await store().meetings.respond(m.id, zhang, { rsvp: 'attend', reason: null, at: at(8) })
      expect(own).to.deep.equal(inviteeRecord(m.id, 'dp0001', { rsvp: 'attend', rsvpAt: at(8) }))
      // An attendance entry stays when they answer (their answer is about coming, not about having come).
      const wang = (await store().meetings.invitation(m.id, { kind: 'deputy', id: 'dp0002' }))!
      const wangIn = { ...wang, checkedInAt: at(9), staffEntry: { ...entry, kind: 'attended' as const, note: '纸质签到', at: at(9), before: null } }
      expect(await store().meetings.rewriteInvitee(wang, wangIn)).to.equal(true)
      expect((await store().meetings.respond(m.id, { kind: 'deputy', id: 'dp0002' }, { rsvp: 'attend', reason: null, at: at(10) }))!.staffEntry).to.deep.equal(
        wangIn.staffEntry,
      )
      expect(
        await store().meetings.rewriteInvitee(inviteeRecord(m.id, 'dp0009'), inviteeRecord(m.id, 'dp0009', { checkedInAt: at(9) })),
        'not invited',
      ).to.equal(false)
    })

    it('writes the notice of a staff entry with it, and none when the entry is not written', async () => {
      const m = await published()
      const zhang = { kind: 'deputy' as const, id: 'dp0001' }
      const read = (await store().meetings.invitation(m.id, zhang))!
      const entry = { kind: 'attended' as const, note: '纸质签到', staffId: 'sf03', staffName: '孙丽', at: at(5), before: null }
      const told = (key: string) => outboxMessage(key, { kind: 'meeting.attendance_recorded', payload: { meetingId: m.id, text: '会议补签：…' } })
      const notices = async () => (await store().outbox.search({ limit: 10, kind: 'meeting.attendance_recorded' })).items.map((x) => x.dedupeKey)
      expect(await store().meetings.rewriteInvitee(read, { ...read, checkedInAt: at(5), staffEntry: entry }, [told(`meeting:${m.id}:attended:1`)])).to.equal(
        true,
      )
      expect(await notices()).to.deep.equal([`meeting:${m.id}:attended:1`])
      expect(
        await store().meetings.rewriteInvitee(read, { ...read, checkedInAt: at(6), staffEntry: { ...entry, at: at(6) } }, [told(`meeting:${m.id}:attended:2`)]),
        'from a stale read',
      ).to.equal(false)
      expect(await notices(), 'no notice without its entry').to.deep.equal([`meeting:${m.id}:attended:1`])
    })

    it("lists a person's invitations by state and end, earliest first", async () => {
      const later = await published({ startAt: at(5 * 24 * 60), endAt: at(5 * 24 * 60 + 60) })
      const sooner = await published({ startAt: at(60), endAt: at(120) })
      const over = await published({ startAt: at(-120), endAt: at(-60) })
      const draft = await store().meetings.create(meetingRecord())
      const mine = await store().meetings.invitationsOf({ kind: 'deputy', id: 'dp0001' }, { statuses: ['published', 'cancelled'], endFrom: T0 })
      expect(mine.map((x) => x.meeting.id)).to.deep.equal([sooner.id, later.id])
      expect(mine[0].invitation).to.deep.include({ personId: 'dp0001', rsvp: 'pending' })
      const all = await store().meetings.invitationsOf({ kind: 'deputy', id: 'dp0001' }, { statuses: ['published'] })
      expect(all.map((x) => x.meeting.id))
        .to.deep.equal([over.id, sooner.id, later.id])
        .and.not.include(draft.id)
    })

    it("searches newest start first within a district organizer's view, paged, and lists unpaged by start", async () => {
      const a = await store().meetings.create(meetingRecord({ startAt: at(60), districtIds: ['d01'] }))
      const b = await store().meetings.create(meetingRecord({ startAt: at(120), districtIds: [], createdBy: 'sf05' }))
      const c = await store().meetings.create(meetingRecord({ startAt: at(180), districtIds: ['d02'], status: 'published' }))
      const page1 = await store().meetings.search({ limit: 2 })
      const page2 = await store().meetings.search({ limit: 2, cursor: page1.nextCursor })
      expect([...page1.items, ...page2.items].map((m) => m.id)).to.deep.equal([c.id, b.id, a.id])
      expect(page2.nextCursor).to.equal(null)
      const view = async (districtIds: string[]) => (await store().meetings.search({ limit: 10, visibleTo: { districtIds } })).items.map((m) => m.id)
      expect(await view(['d02']), 'not the city-level one sf05 made: a meeting is seen by its places, not its maker').to.deep.equal([c.id])
      expect(await view(['d01'])).to.deep.equal([a.id])
      expect(await view([])).to.deep.equal([])
      const aimed = await store().meetings.create(meetingRecord({ startAt: at(240), districtIds: [], audienceDistrictIds: ['d01', 'd03'] }))
      expect(await view(['d03']), "a city-level meeting inviting the district's people").to.deep.equal([aimed.id])
      expect((await store().meetings.get(aimed.id))!.audienceDistrictIds).to.deep.equal(['d01', 'd03'])
      expect((await store().meetings.list({ statuses: ['draft'], startFrom: at(60), startTo: at(121) })).map((m) => m.id)).to.deep.equal([a.id, b.id])
    })

    it('lists meetings by when answers are due, never one without a deadline', async () => {
      const dueSoon = await store().meetings.create(meetingRecord({ status: 'published', startAt: at(40 * 24 * 60), rsvpDeadline: at(2 * 24 * 60) }))
      await store().meetings.create(meetingRecord({ status: 'published', startAt: at(41 * 24 * 60), rsvpDeadline: at(20 * 24 * 60) }))
      await store().meetings.create(meetingRecord({ status: 'published', startAt: at(42 * 24 * 60), rsvpDeadline: at(-60) }))
      await store().meetings.create(meetingRecord({ status: 'published', startAt: at(43 * 24 * 60), rsvpDeadline: null }))
      await store().meetings.create(meetingRecord({ status: 'draft', startAt: at(44 * 24 * 60), rsvpDeadline: at(24 * 60) }))
      const due = await store().meetings.list({ statuses: ['published'], startFrom: at(7 * 24 * 60), rsvpDeadlineFrom: T0, rsvpDeadlineTo: at(7 * 24 * 60) })
      expect(due.map((m) => m.id)).to.deep.equal([dueSoon.id])
    })

    it("widens a published meeting's audience alone (the start-up step): its invitees and their answers stay; a stale copy is a conflict", async () => {
      const m = await published({ districtIds: [], audienceDistrictIds: ['d01'] })
      await store().meetings.respond(m.id, { kind: 'deputy', id: 'dp0001' }, { rsvp: 'attend', reason: null, at: at(5) })
      const [listed] = (await store().meetings.list({})).filter((x) => x.id === m.id)
      const widened = await store().meetings.update({ ...listed, audienceDistrictIds: ['d01', 's0101'] }, [])
      expect((await store().meetings.get(m.id))!.audienceDistrictIds).to.deep.equal(['d01', 's0101'])
      const people = await store().meetings.invitees([m.id])
      expect(people.map((i) => [i.personId, i.rsvp])).to.deep.equal([
        ['dp0001', 'attend'],
        ['dp0002', 'pending'],
      ])
      expect(await rejects(store().meetings.update({ ...listed, audienceDistrictIds: ['d01', 's0102'] }, []))).to.be.instanceOf(ConflictError)
      expect((await store().meetings.get(m.id))!.version).to.equal(widened.version)
    })

    it('gives out public places up to the cap, one per person', async () => {
      const m = await published({ publicSeats: 2 })
      const reg = (mpUserId: string) => store().meetings.registerPublic({ meetingId: m.id, mpUserId, name: `群众${mpUserId}`, createdAt: at(1) }, 2)
      await reg('mu1')
      expect(await rejects(reg('mu1'))).to.be.instanceOf(ConflictError)
      await reg('mu2')
      const full = await rejects(reg('mu3'))
      expect(full).to.be.instanceOf(ConflictError).and.to.have.property('code', 'public_seats_full')
      expect((await store().meetings.publicRegistrations(m.id)).map((r) => r.mpUserId)).to.deep.equal(['mu1', 'mu2'])
    })

    it('takes back a public place for the next person, once, and only the one named', async () => {
      const m = await published({ publicSeats: 2 })
      const reg = (mpUserId: string) => store().meetings.registerPublic({ meetingId: m.id, mpUserId, name: `群众${mpUserId}`, createdAt: at(1) }, 2)
      await reg('mu1')
      await reg('mu2')
      expect(await store().meetings.cancelPublic(m.id, 'mu9'), 'someone with no place').to.equal(false)
      expect(await store().meetings.cancelPublic(m.id, 'mu1')).to.equal(true)
      expect(await store().meetings.cancelPublic(m.id, 'mu1'), 'given back already').to.equal(false)
      expect((await store().meetings.publicRegistrations(m.id)).map((r) => r.mpUserId)).to.deep.equal(['mu2'])
      expect(await store().meetings.registrationsOf('mu1', {})).to.deep.equal([])
      await reg('mu3') // the freed place, under the same cap
      expect(await rejects(reg('mu4')))
        .to.be.instanceOf(ConflictError)
        .and.to.have.property('code', 'public_seats_full')
      expect((await store().meetings.publicRegistrations(m.id)).map((r) => r.mpUserId)).to.deep.equal(['mu2', 'mu3'])
    })

    it('keeps when each person was invited, at publishing or added later, wherever the invitation is read', async () => {
      const m = await store().meetings.create(meetingRecord())
      const first = await store().meetings.update({ ...m, status: 'published', publishedAt: T0 }, [], [inviteeRecord(m.id, 'dp0001', { invitedAt: T0 })])
      await store().meetings.addInvitees(first, [inviteeRecord(m.id, 'dp0003', { invitedAt: at(30) })], [])
      expect((await store().meetings.invitees([m.id])).map((i) => [i.personId, i.invitedAt])).to.deep.equal([
        ['dp0001', T0],
        ['dp0003', at(30)],
      ])
      expect((await store().meetings.invitation(m.id, { kind: 'deputy', id: 'dp0003' }))!.invitedAt).to.deep.equal(at(30))
      const [mine] = await store().meetings.invitationsOf({ kind: 'deputy', id: 'dp0003' }, { statuses: ['published'] })
      expect(mine.invitation).to.deep.equal(inviteeRecord(m.id, 'dp0003', { invitedAt: at(30) }))
    })

    it("lists a resident's public places with their meetings in any state, not yet over, earliest first", async () => {
      const later = await published({ publicSeats: 5, startAt: at(5 * 24 * 60), endAt: at(5 * 24 * 60 + 60) })
      const sooner = await published({ publicSeats: 5, startAt: at(60), endAt: at(120) })
      const over = await published({ publicSeats: 5, startAt: at(-120), endAt: at(-60) })
      const elsewhere = await published({ publicSeats: 5 })
      for (const m of [later, sooner, over]) await store().meetings.registerPublic({ meetingId: m.id, mpUserId: 'mu1', name: '王大爷', createdAt: at(1) }, 5)
      await store().meetings.registerPublic({ meetingId: elsewhere.id, mpUserId: 'mu2', name: '李阿姨', createdAt: at(1) }, 5)
      const cancelled = await store().meetings.update({ ...later, status: 'cancelled', cancelledAt: at(2), cancelReason: '推迟' }, [])

      const mine = await store().meetings.registrationsOf('mu1', { endFrom: T0 })
      expect(mine.map((x) => x.meeting)).to.deep.equal([await store().meetings.get(sooner.id), cancelled])
      expect(mine[1].registration).to.deep.equal({ meetingId: later.id, mpUserId: 'mu1', name: '王大爷', createdAt: at(1) })
      expect((await store().meetings.registrationsOf('mu1', {})).map((x) => x.meeting.id)).to.deep.equal([over.id, sooner.id, later.id])
      expect(await store().meetings.registrationsOf('mu9', {})).to.deep.equal([])
    })

    it('holds the cap when many register at once', async () => {
      const m = await published({ publicSeats: 3 })
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => store().meetings.registerPublic({ meetingId: m.id, mpUserId: `mu${i}`, name: '群众', createdAt: at(1) }, 3)),
      )
      expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(3)
      expect(await store().meetings.publicRegistrations(m.id)).to.have.length(3)
    })
  })
}
