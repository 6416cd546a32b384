import { expect } from 'chai'
import { canManageMeeting as manages, remindable, type MeetingInvitee, type MeetingRecord } from '../../src/domain/meeting.js'
import {
  changesTimeOrPlace,
  checkInRefusal,
  checkInWindow,
  deadlineAfterEdit,
  dueReminder,
  leadsAlreadyPast,
  nudgeAllowedAt,
  rsvpClosesAt,
  rsvpRefusal,
  scheduleProblems,
} from '../../src/domain/meeting-timing.js'
import { momentLabel } from '../../src/domain/meeting-words.js'
import { resolveInvitees, type SelectorDirectory } from '../../src/domain/meeting-selector.js'
import { staffScope } from '../../src/domain/staff-scope.js'
import type { Region } from '../../src/domain/directory.js'
import { attendanceByPerson, meetingAttendance } from '../../src/domain/meeting-attendance.js'

const T0 = new Date('2026-11-25T01:30:00Z') // 09:30 in Asia/Shanghai
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
const HOURS = 60

function meeting(over: Partial<MeetingRecord> = {}): MeetingRecord {
  return {
    id: 'mt-1',
    shortCode: 'ABCD2345',
    title: '常委会第十次会议',
    kind: 'standing_committee',
    status: 'published',
    startAt: T0,
    endAt: at(2 * HOURS),
    place: '市人大常委会第一会议室',
    agenda: '',
    attachments: [],
    selector: { levels: ['city'] },
    publicSeats: 0,
    rsvpDeadline: null,
    districtIds: [],
    createdBy: 'sf03',
    createdAt: at(-7 * 24 * HOURS),
    updatedAt: at(-7 * 24 * HOURS),
    publishedAt: at(-7 * 24 * HOURS),
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
function invitee(over: Partial<MeetingInvitee> = {}): MeetingInvitee {
  return {
    meetingId: 'mt-1',
    personKind: 'deputy',
    personId: 'dp0001',
    name: '张伟',
    rsvp: 'pending',
    reason: null,
    rsvpAt: null,
    checkedInAt: null,
    invitedAt: null,
    ...over,
  }
}

/** Two districts: d01 with stations st001 (street s0101) and st002 (street s0102), d02 with st004; a park station with no place. */
function directory(): SelectorDirectory {
  return {
    regions: [
      { id: 'd01', name: '湛河区', kind: 'district', parentId: null },
      { id: 's0101', name: '轻工街道', kind: 'street', parentId: 'd01' },
      { id: 's0102', name: '马庄街道', kind: 'street', parentId: 'd01' },
      { id: 'd02', name: '新华区', kind: 'district', parentId: null },
      { id: 's0201', name: '新华街道', kind: 'street', parentId: 'd02' },
    ],
    stations: [
      { id: 'st001', code: 'ST001', name: '轻工站', kind: 'community', address: '', regionIds: ['s0101'], receptionDays: [] },
      { id: 'st002', code: 'ST002', name: '马庄站', kind: 'community', address: '', regionIds: ['s0102'], receptionDays: [] },
      { id: 'st004', code: 'ST004', name: '新华站', kind: 'community', address: '', regionIds: ['s0201'], receptionDays: [] },
      { id: 'st009', code: 'ST009', name: '园区站', kind: 'industrial_park', address: '', regionIds: [], receptionDays: [] },
    ],
    deputies: [
      { id: 'dp0001', name: '张伟', level: 'city', stationIds: ['st001'], active: true },
      { id: 'dp0002', name: '王芳', level: 'county', stationIds: ['st001'], active: true },
      { id: 'dp0003', name: '李强', level: 'city', stationIds: ['st002'], active: true },
      { id: 'dp0006', name: '陈静', level: 'city', stationIds: ['st004'], active: true },
      { id: 'dp0009', name: '园区代表', level: 'township', stationIds: ['st009'], active: true },
      { id: 'dp0010', name: '赵离任', level: 'city', stationIds: ['st001'], active: false },
    ],
    staff: [
      { id: 'sf01', name: '李娜', role: 'station_staff', stationIds: ['st001'], regionIds: [], active: true },
      { id: 'sf04', name: '王五', role: 'station_staff', stationIds: ['st004'], regionIds: [], active: true },
      { id: 'sf05', name: '钱七', role: 'organizer', stationIds: [], regionIds: ['d02'], active: true },
      { id: 'sf09', name: '离职', role: 'station_staff', stationIds: ['st001'], regionIds: [], active: false },
    ],
  }
}
const names = (r: ReturnType<typeof resolveInvitees>) => r.invitees.map((i) => `${i.kind}:${i.id}`)

describe('meetings: pure rules', () => {
  describe('invitee selectors', () => {
    it('narrows one group by level, station and district together, and adds named people', () => {
      expect(names(resolveInvitees({ levels: ['city'] }, directory(), null))).to.deep.equal(['deputy:dp0001', 'deputy:dp0003', 'deputy:dp0006'])
      expect(names(resolveInvitees({ levels: ['city'], districtIds: ['d01'] }, directory(), null))).to.deep.equal(['deputy:dp0001', 'deputy:dp0003'])
      expect(names(resolveInvitees({ stationIds: ['st001'], deputyIds: ['dp0006'], staffIds: ['sf01'] }, directory(), null))).to.deep.equal([
        'deputy:dp0001',
        'deputy:dp0002',
        'deputy:dp0006',
        'staff:sf01',
      ])
    })

    it('lists each person once, with the name they have now and their district and street', () => {
      const r = resolveInvitees({ stationIds: ['st001'], deputyIds: ['dp0001'] }, directory(), null)
      expect(r.invitees).to.deep.equal([
        { kind: 'deputy', id: 'dp0001', name: '张伟', placeIds: ['s0101', 'd01'] },
        { kind: 'deputy', id: 'dp0002', name: '王芳', placeIds: ['s0101', 'd01'] },
      ])
    })

    it('is a problem, never an empty meeting, when it resolves to nobody', () => {
      const r = resolveInvitees({ levels: ['national'] }, directory(), null)
      expect(r.invitees).to.deep.equal([])
      expect(r.problems).to.deep.equal([{ path: 'selector', message: '所选范围内没有任何代表或工作人员' }])
      expect(resolveInvitees({}, directory(), null).problems.map((p) => p.path)).to.deep.equal(['selector'])
    })

    it('invites nobody who has left office: never with their station or level, and a refusal when named', () => {
      expect(names(resolveInvitees({ stationIds: ['st001'] }, directory(), null))).to.deep.equal(['deputy:dp0001', 'deputy:dp0002'])
      expect(names(resolveInvitees({ levels: ['city'], districtIds: ['d01'] }, directory(), null))).not.to.include('deputy:dp0010')
      expect(resolveInvitees({ deputyIds: ['dp0001', 'dp0010'] }, directory(), null).problems).to.deep.equal([
        { path: 'selector.deputyIds[1]', message: '赵离任代表已离任' },
      ])
    })

    it('refuses every unknown or inactive id at its place, in words: by name when known, never by the id', () => {
      const r = resolveInvitees(
        { stationIds: ['st404'], districtIds: ['s0101', 'd404'], deputyIds: ['dp0001', 'dp9999'], staffIds: ['sf09', 'sf404'] },
        directory(),
        null,
      )
      expect(r.problems).to.deep.equal([
        { path: 'selector.districtIds[0]', message: '轻工街道不是区县，请在“联络站”中选择它的联络站' },
        { path: 'selector.districtIds[1]', message: '这个区县已不存在或不在您的管理范围内' },
        { path: 'selector.stationIds[0]', message: '这个联络站已不存在或不在您的管理范围内' },
        { path: 'selector.deputyIds[1]', message: '这位代表已不在代表名册中，请重新选择' },
        { path: 'selector.staffIds[0]', message: '离职的账号已停用，请重新选择' },
        { path: 'selector.staffIds[1]', message: '这位工作人员已不在系统中，请重新选择' },
      ])
    })

    it('keeps a district organizer within their districts: the group is cut, naming others is a problem', () => {
      expect(names(resolveInvitees({ levels: ['city'] }, directory(), ['d02']))).to.deep.equal(['deputy:dp0006'])
      expect(names(resolveInvitees({ staffIds: ['sf04', 'sf05'] }, directory(), ['d02']))).to.deep.equal(['staff:sf04', 'staff:sf05'])
      const r = resolveInvitees({ deputyIds: ['dp0001'], stationIds: ['st001'], staffIds: ['sf01'] }, directory(), ['d02'])
      expect(r.problems.map((p) => `${p.path} ${p.message}`)).to.deep.equal([
        'selector.stationIds[0] 不在您负责的区县范围内',
        'selector.deputyIds[0] 不在您负责的区县范围内',
        'selector.staffIds[0] 不在您负责的区县范围内',
      ])
      expect(names(resolveInvitees({ levels: ['township'] }, directory(), ['d01'])), 'a park station lies in no district').to.deep.equal([])
    })
  })

  describe('answers (RSVP)', () => {
    it('takes answers from invitees until the deadline, or the start when there is none', () => {
      expect(rsvpRefusal(meeting(), invitee(), at(-10))).to.equal(null)
      expect(rsvpRefusal(meeting(), invitee(), at(1))).to.equal('rsvp_closed')
      const withDeadline = meeting({ rsvpDeadline: at(-24 * HOURS) })
      expect(rsvpRefusal(withDeadline, invitee(), at(-24 * HOURS))).to.equal(null)
      expect(rsvpRefusal(withDeadline, invitee(), at(-24 * HOURS + 1))).to.equal('rsvp_closed')
    })

    it('refuses people not invited, drafts and cancelled meetings', () => {
      expect(rsvpRefusal(meeting(), null, at(-60))).to.equal('not_invited')
      expect(rsvpRefusal(meeting({ status: 'draft' }), invitee(), at(-60))).to.equal('not_invited')
      expect(rsvpRefusal(meeting({ status: 'cancelled' }), invitee(), at(-60))).to.equal('meeting_cancelled')
    })
  })

  describe('check-in', () => {
    it('opens a while before the start and closes at the end', () => {
      expect(checkInWindow(meeting(), 60)).to.deep.equal({ opensAt: at(-60), closesAt: at(120) })
      expect(checkInRefusal(meeting(), invitee(), at(-61), 60)).to.equal('check_in_not_open')
      expect(checkInRefusal(meeting(), invitee(), at(-60), 60)).to.equal(null)
      expect(checkInRefusal(meeting(), invitee(), at(120), 60)).to.equal(null)
      expect(checkInRefusal(meeting(), invitee(), at(121), 60)).to.equal('check_in_closed')
    })

    it('counts once, for invitees of a meeting that takes place', () => {
      expect(checkInRefusal(meeting(), invitee({ checkedInAt: at(-5) }), at(0), 60)).to.equal('already_checked_in')
      expect(checkInRefusal(meeting(), null, at(0), 60)).to.equal('not_invited')
      expect(checkInRefusal(meeting({ status: 'cancelled' }), invitee(), at(0), 60)).to.equal('meeting_cancelled')
    })
  })

  describe('reminders', () => {
    it('sends the 24 h and the 2 h reminder each once, and none after the start', () => {
      const leads = [24, 2]
      expect(dueReminder(meeting(), at(-25 * HOURS), leads)).to.equal(null)
      expect(dueReminder(meeting(), at(-24 * HOURS), leads)).to.deep.equal({ lead: 24, covers: [24] })
      expect(dueReminder(meeting({ remindersSent: [24] }), at(-3 * HOURS), leads)).to.equal(null)
      expect(dueReminder(meeting({ remindersSent: [24] }), at(-2 * HOURS), leads)).to.deep.equal({ lead: 2, covers: [2] })
      expect(dueReminder(meeting({ remindersSent: [24, 2] }), at(-1 * HOURS), leads)).to.equal(null)
      expect(dueReminder(meeting(), at(0), leads)).to.equal(null)
      expect(dueReminder(meeting({ status: 'cancelled' }), at(-2 * HOURS), leads)).to.equal(null)
    })

    it('sends one reminder, not two at once, when the job was down past both leads', () => {
      expect(dueReminder(meeting(), at(-90), [24, 2])).to.deep.equal({ lead: 2, covers: [24, 2] })
    })

    it('skips the leads already inside the time left when a start is announced', () => {
      expect(leadsAlreadyPast(at(0), at(-20 * HOURS), [24, 2])).to.deep.equal([24])
      expect(leadsAlreadyPast(at(0), at(-30 * HOURS), [24, 2])).to.deep.equal([])
    })

    it("waits ten minutes after any reminder, and the organizer's cooldown after their last round", () => {
      expect(dueReminder(meeting({ lastRemindedAt: at(-24 * HOURS - 9) }), at(-24 * HOURS), [24, 2])).to.equal(null)
      expect(dueReminder(meeting({ lastRemindedAt: at(-24 * HOURS - 10) }), at(-24 * HOURS), [24, 2])).to.deep.equal({ lead: 24, covers: [24] })
      expect(nudgeAllowedAt(meeting({ lastNudgedAt: at(-30 * HOURS) }), at(-30 * HOURS + 1), 60)).to.deep.equal(at(-29 * HOURS))
      expect(nudgeAllowedAt(meeting({ lastRemindedAt: at(-30 * HOURS) }), at(-30 * HOURS), 60)).to.deep.equal(at(-30 * HOURS + 10))
      expect(nudgeAllowedAt(meeting({ lastNudgedAt: at(-31 * HOURS) }), at(-30 * HOURS), 60)).to.equal(null)
    })

    it('reminds everyone but those who asked for leave', () => {
      const people = [invitee(), invitee({ personId: 'dp0002', rsvp: 'attend' }), invitee({ personId: 'dp0003', rsvp: 'leave', reason: '出差' })]
      expect(remindable(people).map((i) => i.personId)).to.deep.equal(['dp0001', 'dp0002'])
    })
  })

  describe('answers after the deadline', () => {
    const due = meeting({ rsvpDeadline: at(-24 * HOURS) })
    it('lets someone invited after the deadline answer until the start; those invited before keep the deadline', () => {
      expect(rsvpClosesAt(due, invitee({ invitedAt: at(-23 * HOURS) }))).to.deep.equal(T0)
      expect(rsvpClosesAt(due, invitee({ invitedAt: at(-48 * HOURS) }))).to.deep.equal(at(-24 * HOURS))
      expect(rsvpClosesAt(due, invitee({ invitedAt: null }))).to.deep.equal(at(-24 * HOURS))
      expect(rsvpRefusal(due, invitee({ invitedAt: at(-23 * HOURS) }), at(-1))).to.equal(null)
    })

    it('reopens closed answers until the start when time or place changes, unless the organizer gives a deadline; never for a meeting under way', () => {
      const now = at(-12 * HOURS)
      expect(deadlineAfterEdit(due, { ...due, place: '二楼' }, false, now)).to.equal(null)
      expect(deadlineAfterEdit(due, { ...due, place: '二楼', rsvpDeadline: at(-2 * HOURS) }, true, now)).to.deep.equal(at(-2 * HOURS))
      expect(deadlineAfterEdit(due, due, false, now), 'no change of time or place').to.deep.equal(at(-24 * HOURS))
      const open = meeting({ rsvpDeadline: at(-6 * HOURS) })
      expect(deadlineAfterEdit(open, { ...open, place: '二楼' }, false, now), 'still open: kept').to.deep.equal(at(-6 * HOURS))
      expect(deadlineAfterEdit(due, { ...due, endAt: at(3 * HOURS) }, false, at(30)), 'under way').to.deep.equal(at(-24 * HOURS))
    })

    it('judges a kept start against nothing: a meeting under way can be extended', () => {
      expect(scheduleProblems(meeting({ endAt: at(4 * HOURS) }), at(30), false)).to.deep.equal([])
      expect(scheduleProblems(meeting({ endAt: at(4 * HOURS) }), at(30), true).map((p) => p.path)).to.deep.equal(['startAt'])
    })
  })

  describe('schedules and changes', () => {
    it('refuses a meeting ending before it starts, starting in the past, or taking answers after the start', () => {
      expect(scheduleProblems(meeting(), at(-60))).to.deep.equal([])
      expect(scheduleProblems(meeting({ endAt: T0 }), at(-60)).map((p) => p.path)).to.deep.equal(['endAt'])
      expect(scheduleProblems(meeting(), at(0)).map((p) => p.path)).to.deep.equal(['startAt'])
      expect(scheduleProblems(meeting({ rsvpDeadline: at(1) }), at(-60)).map((p) => p.path)).to.deep.equal(['rsvpDeadline'])
      expect(
        scheduleProblems(meeting({ rsvpDeadline: at(-120) }), at(-60)).map((p) => p.path),
        'a deadline already past',
      ).to.deep.equal(['rsvpDeadline'])
      expect(scheduleProblems(meeting({ rsvpDeadline: at(-120) }), at(-60), true, false), 'kept as it was: not judged again').to.deep.equal([])
    })

    it('knows a change of time or place from other edits', () => {
      expect(changesTimeOrPlace(meeting(), meeting({ title: '新标题' }))).to.equal(false)
      expect(changesTimeOrPlace(meeting(), meeting({ startAt: at(30) }))).to.equal(true)
      expect(changesTimeOrPlace(meeting(), meeting({ place: '第二会议室' }))).to.equal(true)
    })

    it('writes the 5th of a month as 5日, never 05日, as every other date a deputy reads', () => {
      expect(momentLabel(new Date('2026-12-04T18:17:00Z'), 'Asia/Shanghai')).to.equal('12月5日 2:17')
    })
  })

  describe('who manages a meeting', () => {
    type Viewer = { id: string; role: string; regionIds: string[] }
    const canManageMeeting = (viewer: Viewer, m: MeetingRecord, regions?: Map<string, Region>) => manages(m, staffScope(viewer, regions))

    it("lets admins and city organizers manage all, district organizers their districts', never by who made it", () => {
      const m = meeting({ districtIds: ['d01'], createdBy: 'admin' })
      expect(canManageMeeting({ id: 'admin', role: 'admin', regionIds: [] }, m)).to.equal(true)
      expect(canManageMeeting({ id: 'sf10', role: 'organizer', regionIds: [] }, m)).to.equal(true)
      expect(canManageMeeting({ id: 'sf03', role: 'organizer', regionIds: ['d01'] }, m)).to.equal(true)
      expect(canManageMeeting({ id: 'sf05', role: 'organizer', regionIds: ['d02'] }, m)).to.equal(false)
      const madeBeforeMoving = meeting({ districtIds: ['d01'], createdBy: 'sf05' })
      expect(canManageMeeting({ id: 'sf05', role: 'organizer', regionIds: ['d02'] }, madeBeforeMoving), 'made in 湛河区, now of 新华区').to.equal(false)
      expect(canManageMeeting({ id: 'sf01', role: 'station_staff', regionIds: [] }, m)).to.equal(false)
    })

    it("lets a district organizer manage its streets' meetings, and a street organizer his street's only", () => {
      const regions = new Map(directory().regions.map((r) => [r.id, r]))
      const street = meeting({ districtIds: ['s0101'], createdBy: 'sf07' })
      expect(canManageMeeting({ id: 'sf03', role: 'organizer', regionIds: ['d01'] }, street, regions)).to.equal(true)
      expect(canManageMeeting({ id: 'sf09', role: 'organizer', regionIds: ['s0101'] }, street, regions)).to.equal(true)
      expect(canManageMeeting({ id: 'sf08', role: 'organizer', regionIds: ['s0102'] }, street, regions)).to.equal(false)
      expect(canManageMeeting({ id: 'sf09', role: 'organizer', regionIds: ['s0101'] }, meeting({ districtIds: ['d01'], createdBy: 'sf03' }), regions)).to.equal(
        false,
      )
    })

    it("lets a street organizer invite only the people of his street's stations", () => {
      expect(names(resolveInvitees({ levels: ['city', 'county'] }, directory(), ['s0102']))).to.deep.equal(['deputy:dp0003'])
      const r = resolveInvitees({ stationIds: ['st001'], districtIds: ['d01'] }, directory(), ['s0102'])
      expect(r.problems.map((p) => p.path)).to.deep.equal(['selector.districtIds[0]', 'selector.stationIds[0]'])
    })
  })

  describe('attendance', () => {
    it('counts answers and check-ins of one meeting; the rate is checked in of invited', () => {
      const counts = meetingAttendance([
        invitee({ rsvp: 'attend', checkedInAt: at(-10) }),
        invitee({ personId: 'dp0002', rsvp: 'leave' }),
        invitee({ personId: 'dp0003' }),
        invitee({ personId: 'dp0004', rsvp: 'attend' }),
      ])
      expect(counts).to.deep.equal({ invited: 4, attend: 2, leave: 1, pending: 1, checkedIn: 1, rate: 0.25, withdrawn: 0 })
      expect(meetingAttendance([]).rate).to.equal(null)
    })

    it('gives each person a rate over the meetings held, not those ahead or cancelled', () => {
      const held = meeting({ id: 'a' })
      const heldToo = meeting({ id: 'b', startAt: at(24 * HOURS) })
      const ahead = meeting({ id: 'c', startAt: at(30 * 24 * HOURS) })
      const cancelled = meeting({ id: 'd', status: 'cancelled' })
      const rows = [
        invitee({ meetingId: 'a', checkedInAt: at(0) }),
        invitee({ meetingId: 'b', rsvp: 'leave', reason: '出差' }),
        invitee({ meetingId: 'c' }),
        invitee({ meetingId: 'd' }),
        invitee({ meetingId: 'a', personId: 'dp0002', name: '王芳' }),
        invitee({ meetingId: 'b', personId: 'dp0002', name: '王芳', rsvp: 'leave', checkedInAt: at(24 * HOURS) }),
      ]
      const people = attendanceByPerson([held, heldToo, ahead, cancelled], rows, at(2 * 24 * HOURS))
      expect(people).to.deep.equal([
        { personKind: 'deputy', personId: 'dp0001', name: '张伟', invited: 2, attended: 1, excused: 1, absent: 0, rate: 0.5 },
        { personKind: 'deputy', personId: 'dp0002', name: '王芳', invited: 2, attended: 1, excused: 0, absent: 1, rate: 0.5 },
      ])
    })
  })
})
