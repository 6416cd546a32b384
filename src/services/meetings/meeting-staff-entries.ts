import type { Clock } from '../../clock.js'
import { withdrawalLabel, type MeetingInvitee, type MeetingRecord, type PersonRef } from '../../domain/meeting.js'
import { checkInOpensAt } from '../../domain/meeting-timing.js'
import { momentLabel } from '../../domain/meeting-words.js'
import { staffEntryRefusal, withoutStaffEntry, withStaffEntry, type StaffEntryKind, type StaffEntryRefusal } from '../../domain/meeting-staff-entry.js'
import { ConflictError, NotFoundError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import { StoreConflict } from '../../store/conflicts.js'
import type { AuditTrail } from '../audit.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { meetingMessage, noticeTexts } from './meeting-notices.js'
import type { MeetingService } from './meetings.js'

/**
 * Staff record attendance (补签) or leave (代请假) for an invitee who could not do it in the
 * mini-program or the bot, and undo such a record; only staff who manage the meeting (a
 * followed meeting is read-only). Each is audited: who, when, for whom, why.
 */
export class MeetingStaffEntries {
  constructor(
    private readonly store: Pick<Store, 'meetings'>,
    private readonly meetings: Pick<MeetingService, 'managed'>,
    private readonly clock: Clock,
    private readonly audit: Pick<AuditTrail, 'record'>,
    /** The deputies' check-in window opens this long before the start: staff record attendance from then too. */
    private readonly settings: { timeZone: string; checkInOpensMinutesBefore: number },
  ) {}

  async record(staff: StaffPrincipal, meetingId: string, person: PersonRef, kind: StaffEntryKind, note: string): Promise<MeetingInvitee> {
    const { m } = await this.meetings.managed(staff, meetingId)
    const invitee = await this.invitee(meetingId, person)
    const now = this.clock.now()
    const refusal = staffEntryRefusal(m, invitee, kind, now, this.settings.checkInOpensMinutesBefore)
    if (refusal) throw refusalError(refusal, invitee, m, kind, now, this.settings)
    const next = withStaffEntry(invitee, { kind, note, staffId: staff.id, staffName: staff.name, at: now })
    // Either is news to him (his page said 没有签到记录, or his answer was not 请假): he is told, in the same write as the
    // entry, on the channels of his other meeting notices. A leave asked by phone is confirmed; one he never asked for
    // is not found only on a page, and he hears whom to call to change it.
    const texts = noticeTexts(m, this.settings.timeZone, now)
    const to = { kind: person.kind, id: person.id }
    // `entryAt`: which entry it tells of. One undone and entered again (another reason) is another entry: the notice of
    // the first is not sent (superseded.ts), though the kind recorded is the same again.
    const entry = { entryAt: now.toISOString() }
    const told = [
      kind === 'attended'
        ? meetingMessage(m, 'meeting.attendance_recorded', to, texts.attendanceRecorded(staff.name), `attended:${now.toISOString()}`, now, entry)
        : meetingMessage(m, 'meeting.leave_recorded', to, texts.leaveRecorded(note), `leave:${now.toISOString()}`, now, entry),
    ]
    // Moved away or left office since the read above: the write refuses (StoreConflict), said with the mark as it is now.
    const written = await this.store.meetings.rewriteInvitee(invitee, next, told).catch(async (err: unknown) => {
      if (!(err instanceof StoreConflict) || err.conflict !== 'no_longer_invited') throw err
      throw refusalError('no_longer_invited', await this.invitee(meetingId, person), m, kind, now, this.settings)
    })
    if (!written) throw changedMeanwhile()
    await this.audit.record(staff, kind === 'attended' ? 'meeting.attendance_recorded' : 'meeting.leave_recorded', target(meetingId), {
      person: `${person.kind}:${person.id}`,
      name: invitee.name,
      note,
    })
    return next
  }

  async undo(staff: StaffPrincipal, meetingId: string, person: PersonRef): Promise<MeetingInvitee> {
    const { m } = await this.meetings.managed(staff, meetingId)
    if (m.status === 'cancelled') throw new ConflictError('会议已取消，不能修改登记', [], 'meeting_cancelled')
    const invitee = await this.invitee(meetingId, person)
    const next = withoutStaffEntry(invitee)
    if (typeof next === 'string') throw new ConflictError('没有工作人员代为登记的记录可撤销（本人签到或回复不能撤销）', [], 'nothing_recorded')
    if (!(await this.store.meetings.rewriteInvitee(invitee, next))) throw changedMeanwhile()
    const entry = invitee.staffEntry!
    await this.audit.record(staff, 'meeting.entry_undone', target(meetingId), {
      person: `${person.kind}:${person.id}`,
      name: invitee.name,
      kind: entry.kind,
      recordedBy: entry.staffId,
      recordedAt: entry.at.toISOString(),
    })
    return next
  }

  private async invitee(meetingId: string, person: PersonRef): Promise<MeetingInvitee> {
    const invitee = await this.store.meetings.invitation(meetingId, person)
    if (!invitee) throw new NotFoundError('此人不在本次会议的参会人员中', 'not_invited')
    return invitee
  }
}

const target = (meetingId: string) => ({ kind: 'meeting', id: meetingId })

const changedMeanwhile = () => new ConflictError('此人的回复或签到刚刚有变化，请刷新后再试', [], 'invitee_changed')

function refusalError(
  refusal: StaffEntryRefusal,
  invitee: MeetingInvitee,
  m: MeetingRecord,
  kind: StaffEntryKind,
  now: Date,
  settings: { timeZone: string; checkInOpensMinutesBefore: number },
): ConflictError {
  switch (refusal) {
    case 'meeting_not_published':
      return new ConflictError('会议尚未发布，不能登记', [], 'meeting_not_published')
    case 'meeting_cancelled':
      return new ConflictError('会议已取消，不能登记', [], 'meeting_cancelled')
    case 'no_longer_invited':
      return new ConflictError(noLongerInvitedWords(invitee, m, kind, now), [], 'no_longer_invited')
    case 'check_in_not_open':
      return new ConflictError(
        `还没到签到时间：${momentLabel(checkInOpensAt(m, settings.checkInOpensMinutesBefore), settings.timeZone)} 开始签到（会议开始前 ${settings.checkInOpensMinutesBefore} 分钟），到时才能登记到会`,
        [],
        'check_in_not_open',
      )
    case 'already_checked_in':
      return new ConflictError(`${invitee.name}已签到，无需再登记`, [], 'already_checked_in')
    case 'already_recorded':
      return new ConflictError(`已为${invitee.name}登记${invitee.staffEntry?.kind === 'attended' ? '到会' : '请假'}，如需更改请先撤销`, [], 'already_recorded')
  }
}

/**
 * Why nothing is recorded for one marked 已离任 / 已调到…: he is not expected there, as his own scan is told. Before the
 * start one who moved may still be named again (增加参会人员 brings him back), and then recorded.
 */
function noLongerInvitedWords(invitee: MeetingInvitee, m: MeetingRecord, kind: StaffEntryKind, now: Date): string {
  const why = invitee.withdrawn ? withdrawalLabel(invitee.withdrawn) : '已调离'
  const head = `${invitee.name}${why}，不在本次会议名单中，${kind === 'attended' ? '不能登记到会' : '不用登记请假'}`
  const canComeBack = kind === 'attended' && invitee.withdrawn?.reason !== 'left_office' && now.getTime() < m.startAt.getTime()
  return canComeBack ? `${head}。如仍请这位代表参会，请先点“增加参会人员”重新加入名单，再登记到会` : head
}
