import {
  leaveOvertaken,
  MEETING_KIND_LABELS,
  MEETING_STATUS_LABELS,
  replyLabel,
  withdrawalLabel,
  type Attachment,
  type MeetingInvitee,
  type MeetingRecord,
  type PublicRegistration,
} from '../../domain/meeting.js'
import { rsvpClosesAt } from '../../domain/meeting-timing.js'
import { meetingContactWords, spokenMeetingTime } from '../../domain/meeting-words.js'
import type { MeetingAttendance, PersonAttendance } from '../../domain/meeting-attendance.js'
import { CHECK_IN_WAY_LABELS, checkInWay, STAFF_ENTRY_LABELS, staffEntryNotice, type StaffEntry } from '../../domain/meeting-staff-entry.js'
import { cameWords, MEETING_PHASE_LABELS, meetingPhase, standingAfterStart } from '../../domain/meeting-standing.js'
import type { NoticeState } from '../../domain/notice-delivery.js'
import { localDate } from '../../domain/dates.js'
import { spokenClose, spokenDeadline, spokenMoment, spokenTime } from '../../domain/spoken-dates.js'
import type { ReadingTime } from './cases.js'

// Presenters name every field they return. Invitees never see the short code (it is what
// the check-in QR code proves), the selector or who organized it.

const iso = (d: Date | null) => d?.toISOString() ?? null

/**
 * The link an attachment opens with now: a file the office uploaded, signed for a while for this
 * reader (MeetingFiles.link); a link to another site as it was given.
 */
export type AttachmentLink = (a: Attachment) => string

/**
 * When a meeting is, as the workbench and the daily digest say it (spoken-dates.ts), with the year when it
 * is not this year's: `startText` "11月26日（星期四）上午9:30"; `endText` the time of day it ends ("上午11:30"),
 * with its day too when it ends on another. The mini-program shows these, never a date of its own making.
 */
export const meetingTimeTexts = (m: Pick<MeetingRecord, 'startAt' | 'endAt'>, { timeZone, now }: ReadingTime) => ({
  startText: spokenMoment(m.startAt, timeZone, now),
  endText: localDate(m.startAt, timeZone) === localDate(m.endAt, timeZone) ? spokenTime(m.endAt, timeZone) : spokenMoment(m.endAt, timeZone, now),
})

/** What it is, whether it holds, and when and where: for staff lists and residents' places alike. */
const meetingHeadline = (m: MeetingRecord) => ({
  title: m.title,
  kindLabel: MEETING_KIND_LABELS[m.kind],
  status: m.status,
  statusLabel: MEETING_STATUS_LABELS[m.status],
  startAt: m.startAt.toISOString(),
  endAt: m.endAt.toISOString(),
  place: m.place,
})

export const presentMeetingSummary = (m: MeetingRecord) => ({
  id: m.id,
  kind: m.kind,
  ...meetingHeadline(m),
  publicSeats: m.publicSeats,
  createdAt: m.createdAt.toISOString(),
})

/** The organizers' view: each attachment's `url` is what the meeting keeps (sent back when it is edited), `viewUrl` opens it. */
export const presentMeeting = (m: MeetingRecord, link: AttachmentLink) => ({
  ...presentMeetingSummary(m),
  shortCode: m.shortCode,
  agenda: m.agenda,
  attachments: m.attachments.map((a) => ({ name: a.name, url: a.url, viewUrl: link(a) })),
  selector: {
    levels: m.selector.levels ?? [],
    stationIds: m.selector.stationIds ?? [],
    districtIds: m.selector.districtIds ?? [],
    deputyIds: m.selector.deputyIds ?? [],
    staffIds: m.selector.staffIds ?? [],
  },
  rsvpDeadline: iso(m.rsvpDeadline),
  rsvpClosesAt: rsvpClosesAt(m).toISOString(),
  // Whom invitees call (the organizer's own entry, shown to invitees in their notices): null when none.
  contactName: m.contactName,
  contactPhone: m.contactPhone,
  organizer: m.organizer,
  districtIds: m.districtIds,
  // The invitees' districts and streets, whatever the name says (domain/meeting.ts).
  audienceDistrictIds: m.audienceDistrictIds,
  createdBy: m.createdBy,
  updatedAt: m.updatedAt.toISOString(),
  publishedAt: iso(m.publishedAt),
  cancelledAt: iso(m.cancelledAt),
  cancelReason: m.cancelReason,
  changeCount: m.changeSeq,
  reminderRounds: m.nudgeRounds,
  lastRemindedAt: iso(m.lastRemindedAt),
})

const checkInWayLabel = (i: MeetingInvitee) => {
  const way = checkInWay(i)
  return way ? CHECK_IN_WAY_LABELS[way] : null
}

export const presentInvitee = (i: MeetingInvitee) => ({
  personKind: i.personKind,
  personId: i.personId,
  name: i.name,
  rsvp: i.rsvp,
  // Who never answered, or asked for leave, but came reads 已签到出席 (domain/meeting.ts replyLabel); `rsvp` stays what he answered.
  rsvpLabel: replyLabel(i),
  // Asked for leave and came after all: the reason is no longer his answer, and beside 已签到出席 it would read as if he
  // were excused (the printed sheet leaves it blank too, meeting-reports.ts).
  reason: leaveOvertaken(i) ? null : i.reason,
  rsvpAt: iso(i.rsvpAt),
  checkedInAt: iso(i.checkedInAt),
  // How presence was known, in words: 扫码签到 (his own scan) or 工作人员登记 (补签); null without a check-in.
  checkedInVia: checkInWay(i),
  checkedInViaLabel: checkInWayLabel(i),
  staffEntry: presentStaffEntry(i.staffEntry),
  // No longer expected: left office or moved away before the meeting (rsvpLabel then says 已离任 / 已调到…); null while invited.
  withdrawn: i.withdrawn ? { reason: i.withdrawn.reason, label: withdrawalLabel(i.withdrawn), at: i.withdrawn.at.toISOString() } : null,
})

/** Attendance or leave staff recorded (补签, 代请假): what, why, by whom and when (the answer it replaced stays inside). */
const presentStaffEntry = (e: StaffEntry | null | undefined) =>
  e ? { kind: e.kind, label: STAFF_ENTRY_LABELS[e.kind], note: e.note, staffName: e.staffName, at: e.at.toISOString() } : null

/** When someone was added after publishing (they had less time to answer), else null. */
const invitedLate = (m: MeetingRecord, i: MeetingInvitee) => (i.invitedAt && m.publishedAt && i.invitedAt > m.publishedAt ? i.invitedAt.toISOString() : null)

/** Whether the notice reached the person: 已送达 / 待发送 / 未能送达 with the reason. */
export const presentNotice = (n: NoticeState) => ({ state: n.state, label: n.label, reason: n.reason, sentAt: iso(n.sentAt) })

export const presentTable = (t: {
  meeting: MeetingRecord
  invitees: MeetingInvitee[]
  counts: MeetingAttendance
  publicTaken: number
  notices: Map<MeetingInvitee, NoticeState>
  manages: boolean
  canAddInvitees: boolean
  remindable: number
  remindHeld: string | null
}) => ({
  meeting: presentMeetingSummary(t.meeting),
  // Whether the viewer may record attendance or leave (补签, 代请假): a followed meeting is read-only.
  manages: t.manages,
  // Published, not yet begun, and the viewer manages it: 增加参会人员 is offered.
  canAddInvitees: t.canAddInvitees,
  // How many 提醒未回复 would remind now (no answer yet, answers still open to them, their notice out and read); 0 hides the button.
  remindable: t.remindable,
  // Why the others who have not answered are not reminded now (their notice not out yet, just out, or undelivered), in words; null: none.
  remindHeld: t.remindHeld,
  counts: { ...t.counts },
  publicSeats: { cap: t.meeting.publicSeats, taken: t.publicTaken },
  items: t.invitees.map((i) => ({ ...presentInvitee(i), invitedLateAt: invitedLate(t.meeting, i), notice: presentNotice(t.notices.get(i)!) })),
})

export const presentPersonAttendance = (p: PersonAttendance) => ({
  personKind: p.personKind,
  personId: p.personId,
  name: p.name,
  invited: p.invited,
  attended: p.attended,
  excused: p.excused,
  absent: p.absent,
  rate: p.rate,
})

/**
 * An invitee's view of a meeting, with their own answer and what they may do now (`windows`, judged by the
 * service), and its times in words (meetingTimeTexts): until when he may answer, and when he checked in
 * ("11月26日（星期四）上午9:20", as every moment on his pages).
 */
export const presentInvitation = (
  { meeting: m, invitation: i }: { meeting: MeetingRecord; invitation: MeetingInvitee },
  windows: { rsvpOpen: boolean; checkInOpen: boolean },
  link: AttachmentLink,
  at: ReadingTime,
) => ({
  id: m.id,
  title: m.title,
  kind: m.kind,
  kindLabel: MEETING_KIND_LABELS[m.kind],
  status: m.status,
  statusLabel: MEETING_STATUS_LABELS[m.status],
  startAt: m.startAt.toISOString(),
  endAt: m.endAt.toISOString(),
  place: m.place,
  agenda: m.agenda,
  attachments: m.attachments.map((a) => ({ name: a.name, url: link(a) })),
  ...meetingTimeTexts(m, at),
  rsvpClosesAt: rsvpClosesAt(m, i).toISOString(),
  // Until when he may answer, as his chat notice and his workbench say it: "11月24日（星期二）前（含当日）" for a close at
  // 00:00, never "11月25日（星期三）凌晨0:00", which reads as if Wednesday were still his; once closed, "11月24日（星期二）".
  rsvpByText: spokenDeadline(rsvpClosesAt(m, i), at.timeZone, at.now),
  rsvpClosedText: spokenClose(rsvpClosesAt(m, i), at.timeZone, at.now),
  // The bare moment, for a page from before rsvpByText (it builds "请在 … 前回复" from it).
  rsvpClosesText: spokenMoment(rsvpClosesAt(m, i), at.timeZone, at.now),
  rsvpOpen: windows.rsvpOpen,
  checkInOpen: windows.checkInOpen,
  cancelReason: m.cancelReason,
  rsvp: i.rsvp,
  // Asked for leave and came after all: 已签到出席, and the leave's reason is no longer his answer.
  rsvpLabel: replyLabel(i),
  reason: leaveOvertaken(i) ? null : i.reason,
  rsvpAt: iso(i.rsvpAt),
  checkedInAt: iso(i.checkedInAt),
  checkedInText: i.checkedInAt ? spokenMoment(i.checkedInAt, at.timeZone, at.now) : null,
  // How he came (scan, or staff's 补签), and in words: "已到会，12月1日（星期二）上午9:20签到", "已到会（工作人员为您补签）" (staff's time is not his).
  checkedInVia: checkInWay(i),
  cameText: cameWords(i, at.timeZone, at.now),
  // Staff recorded it for them (补签 from the paper sheet, or a leave asked of the office): said in words.
  staffEntryNotice: i.staffEntry ? staffEntryNotice(i.staffEntry) : null,
  // 未开始 / 进行中 / 已结束: once begun, an answer and (after the end) a scan no longer help.
  phase: meetingPhase(m, at.now),
  phaseLabel: MEETING_PHASE_LABELS[meetingPhase(m, at.now)],
  // Once begun: what is true for him ("…没有您的签到记录"), the one thing to do ("如果您到了会，请联系…为您补签"), and whether
  // he is expected and not signed in (noCheckIn); null (false) before.
  ...standingTexts(m, i, at),
  // Whom he calls once answers are closed, in the words his notices use ("请联系王丽（电话 …）"), and the phone to tap.
  contactWords: meetingContactWords(m),
  contactName: m.contactName,
  contactPhone: m.contactPhone,
})

const standingTexts = (m: MeetingRecord, i: MeetingInvitee, { timeZone, now }: ReadingTime) => {
  const standing = standingAfterStart(m, i, timeZone, now)
  return { standingText: standing?.state ?? null, todoText: standing?.todo ?? null, noCheckIn: standing?.missing ?? false }
}

/** "忘记签到了怎么办" for the chat: one meeting of his begun lately, when it was, what is true and what to do. */
export const presentCheckInStanding = (
  { meeting: m, state, todo }: { meeting: MeetingRecord; state: string; todo: string | null },
  { timeZone, now }: ReadingTime,
) => ({
  id: m.id,
  title: m.title,
  time: spokenMeetingTime(m.startAt, m.endAt, timeZone, now),
  state,
  todo,
})

/** What a resident sees of a meeting open to the public (公民旁听), its times in words (meetingTimeTexts). */
export const presentPublicMeeting = (m: MeetingRecord, taken: number, at: ReadingTime) => ({
  id: m.id,
  title: m.title,
  kindLabel: MEETING_KIND_LABELS[m.kind],
  startAt: m.startAt.toISOString(),
  endAt: m.endAt.toISOString(),
  ...meetingTimeTexts(m, at),
  place: m.place,
  publicSeats: m.publicSeats,
  seatsLeft: Math.max(0, m.publicSeats - taken),
})

/** A resident's place at a meeting open to public attendance. */
export const presentPublicRegistration = (r: PublicRegistration) => ({ meetingId: r.meetingId, name: r.name, createdAt: r.createdAt.toISOString() })

/** A resident's place with the meeting as it is now: moved, or cancelled (said in words); its times in words. */
export const presentMyRegistration = ({ meeting: m, registration: r }: { meeting: MeetingRecord; registration: PublicRegistration }, at: ReadingTime) => ({
  ...presentPublicRegistration(r),
  ...meetingHeadline(m),
  ...meetingTimeTexts(m, at),
  cancelReason: m.cancelReason,
})

/** Who a selector would invite: counts by kind and the first names, enough to check the choice at a glance. */
export const presentInviteePreview = (people: Array<{ kind: 'deputy' | 'staff'; id: string; name: string }>, alreadyInvited?: number) => ({
  count: people.length,
  /** Named by the selector but on the meeting's list already (the preview of additions only). */
  ...(alreadyInvited === undefined ? {} : { alreadyInvited }),
  deputies: people.filter((p) => p.kind === 'deputy').length,
  staff: people.filter((p) => p.kind === 'staff').length,
  people: people.slice(0, 200).map(({ kind, id, name }) => ({ kind, id, name })),
})
