import type { Clock } from '../../clock.js'
import { awaitsAnswer, leaveOvertaken, replyLabel, type MeetingInvitee, type MeetingRecord } from '../../domain/meeting.js'
import { rsvpOpen } from '../../domain/meeting-timing.js'
import { attendanceByPerson, meetingAttendance } from '../../domain/meeting-attendance.js'
import { CHECK_IN_WAY_LABELS, checkInWay, STAFF_ENTRY_LABELS } from '../../domain/meeting-staff-entry.js'
import { personPlaces } from '../../domain/meeting-selector.js'
import { noticeOnceAnswered, noticeState, type NoticeState } from '../../domain/notice-delivery.js'
import { nudgeHeldWords, nudgeOthers, splitForNudge } from '../../domain/meeting-nudge.js'
import { invitationRows } from './deadline-rewrites.js'
import type { Store } from '../../store/ports.js'
import { csvSheet, sheetTime } from '../csv-sheet.js'
import type { MeetingService } from './meetings.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import type { StaffScope } from '../../domain/staff-scope.js'

const ROLE_LABELS = { deputy: '代表', staff: '工作人员' } as const

/** The sheet's 签到 column: how presence was known, or 未签到. */
function checkInWordsOf(i: MeetingInvitee): string {
  const way = checkInWay(i)
  return way ? CHECK_IN_WAY_LABELS[way] : '未签到'
}

/**
 * What organizers read about a meeting's people: the live answer table, attendance per
 * meeting and per person over a period, and the sign-in sheet as CSV for Excel.
 */
export class MeetingReports {
  constructor(
    private readonly store: Pick<Store, 'directory' | 'meetings' | 'outbox'>,
    private readonly meetings: MeetingService,
    private readonly clock: Clock,
    private readonly settings: { timeZone: string },
    /** Where each download of the sign-in sheet is recorded. */
    private readonly audit: Pick<AuditTrail, 'record'> | null = null,
  ) {}

  /**
   * Answers as they come in, with the counts; public places taken too; and for each person
   * whether the meeting notice reached them (its outbox row: 已送达, 待发送, 未能送达 and why; 已回复 once they answered).
   */
  async table(staff: StaffPrincipal, id: string) {
    const scope = await this.meetings.scopeOf(staff)
    const meeting = await this.meetings.visible(staff, id, scope)
    const invitees = await this.ofConcern(staff, scope, [meeting], await this.store.meetings.invitees([meeting.id]))
    const publicTaken = meeting.publicSeats ? (await this.store.meetings.publicRegistrations(meeting.id)).length : 0
    // Its last writing, if the deadline was moved while it waited; the 会议变更, if a change made it untrue (deadline-rewrites.ts).
    const rows = await invitationRows(this.store, meeting, invitees)
    const notices = new Map<MeetingInvitee, NoticeState>(
      invitees.map((i) => {
        const notice = noticeState(rows.get(`${i.personKind}:${i.personId}`))
        return [i, i.rsvp === 'pending' && !i.checkedInAt ? notice : noticeOnceAnswered(notice)]
      }),
    )
    const manages = this.meetings.manages(staff, meeting, scope)
    // Judged by the server's clock, not the browser's: more people may be invited until the start.
    const now = this.clock.now()
    const canAddInvitees = manages && meeting.status === 'published' && meeting.startAt > now
    // Those 提醒未回复 would remind: no answer yet and not come (awaitsAnswer), still able to give one (none once the meeting began),
    // and their notice out long enough to have been read; why the others would not be, in words.
    const silent = manages && meeting.status === 'published' ? invitees.filter((i) => awaitsAnswer(i) && rsvpOpen(meeting, i, now)) : []
    const split = splitForNudge(silent, (i) => notices.get(i)!, now, this.meetings.noticeReadMinutes)
    const remindable = split.ready.length
    const remindHeld = nudgeHeldWords(
      split,
      this.settings.timeZone,
      nudgeOthers(invitees, silent, (i) => notices.get(i)!, meeting.publishedAt),
    )
    return { meeting, invitees, counts: meetingAttendance(invitees), publicTaken, notices, manages, canAddInvitees, remindable, remindHeld }
  }

  /** Each deputy's (and staff member's) attendance over meetings that started in [from, to), within the caller's meetings. */
  async byPerson(staff: StaffPrincipal, period: { from?: Date; to?: Date; deputyId?: string }) {
    const scope = await this.meetings.scopeOf(staff)
    const meetings = await this.store.meetings.list({
      ...this.meetings.filterOf(staff, scope),
      statuses: ['published'],
      startFrom: period.from,
      startTo: period.to,
    })
    let invitees = await this.ofConcern(staff, scope, meetings, await this.store.meetings.invitees(meetings.map((m) => m.id)))
    if (period.deputyId) invitees = invitees.filter((i) => i.personKind === 'deputy' && i.personId === period.deputyId)
    return { meetings: meetings.length, people: attendanceByPerson(meetings, invitees, this.clock.now()) }
  }

  /**
   * The invitees the staff member answers for: everyone of the meetings they manage; of a
   * city-level meeting they follow, only the people of their own districts or streets.
   */
  private async ofConcern(staff: StaffPrincipal, scope: StaffScope, meetings: MeetingRecord[], invitees: MeetingInvitee[]): Promise<MeetingInvitee[]> {
    const followed = new Set(meetings.filter((m) => !this.meetings.manages(staff, m, scope)).map((m) => m.id))
    if (!followed.size) return invitees
    const places = personPlaces(await this.store.directory.snapshot())
    return invitees.filter((i) => !followed.has(i.meetingId) || places(i.personKind, i.personId).some((d) => scope.covers(d)))
  }

  /** The sign-in sheet: UTF-8 with a byte-order mark and CRLF lines, so Excel opens the Chinese as Chinese. */
  async csv(staff: StaffPrincipal, id: string): Promise<{ title: string; csv: string }> {
    const { meeting, invitees } = await this.table(staff, id)
    const tz = this.settings.timeZone
    const row = (i: MeetingInvitee) => [
      i.name,
      ROLE_LABELS[i.personKind],
      replyLabel(i),
      // One who asked leave and came after all reads 已签到出席: the leave no longer stands, nor its reason beside it.
      leaveOvertaken(i) ? '' : (i.reason ?? ''),
      sheetTime(i.rsvpAt, tz),
      // How presence was known, in words (扫码签到, 工作人员登记), where the sheet once said only 已签到.
      checkInWordsOf(i),
      sheetTime(i.checkedInAt, tz),
      // 补签 and 代请假 count as a check-in and a leave; the sheet says who recorded them, and why.
      i.staffEntry ? `${STAFF_ENTRY_LABELS[i.staffEntry.kind]}：${i.staffEntry.note}（${i.staffEntry.staffName}）` : '',
    ]
    const csv = await csvSheet([['姓名', '身份', '回复', '请假原因', '回复时间', '签到', '签到时间', '工作人员登记'], ...invitees.map(row)])
    await this.audit?.record(staff, 'meeting.attendance_exported', { kind: 'meeting', id: meeting.id }, { rows: invitees.length })
    return { title: meeting.title, csv }
  }
}
