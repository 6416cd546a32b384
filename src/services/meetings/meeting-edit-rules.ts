import { installationOfficeName, organizerOfficeName } from '../../domain/office-name.js'
import type { Region } from '../../domain/directory.js'
import { MEETING_STATUS_LABELS, type Attachment, type MeetingRecord } from '../../domain/meeting.js'
import { scheduleProblems } from '../../domain/meeting-timing.js'
import type { StaffScope } from '../../domain/staff-scope.js'
import { ConflictError, UnprocessableError } from '../../errors.js'

// The rules an organizer's meeting edits are checked by, and the words a refusal says (MeetingService's).

/** What an organizer sets; the rest of a meeting record is the service's. */
export type MeetingDraft = Pick<
  MeetingRecord,
  'title' | 'kind' | 'startAt' | 'endAt' | 'place' | 'agenda' | 'attachments' | 'selector' | 'publicSeats' | 'rsvpDeadline'
> &
  Partial<Pick<MeetingRecord, 'contactName' | 'contactPhone'>>
export type MeetingPatch = Partial<MeetingDraft>

/** The fields a correction changed, before and after, for the audit trail. */
export function changedFields(before: MeetingRecord, after: MeetingRecord) {
  const fields = ['title', 'kind', 'startAt', 'endAt', 'place', 'agenda', 'attachments', 'publicSeats', 'rsvpDeadline', 'contactName', 'contactPhone'] as const
  const value = (v: unknown) => (v instanceof Date ? v.toISOString() : v)
  return Object.fromEntries(
    fields.filter((f) => JSON.stringify(value(before[f])) !== JSON.stringify(value(after[f]))).map((f) => [f, { from: value(before[f]), to: value(after[f]) }]),
  )
}

/**
 * The times an edit leaves the meeting with, and which of them it changed: only what changed is judged against now
 * (extending a meeting under way keeps its past start; a deadline sent back as it was, the whole form saved, may have
 * passed). `touched` false: the edit sends no time, and none is judged. Shared by MeetingService.edit and the edit
 * form's refusal (meeting-create-form.ts), which must judge the same times the same way.
 */
export function editedSchedule(m: Pick<MeetingRecord, 'startAt' | 'endAt' | 'rsvpDeadline'>, patch: Pick<MeetingPatch, 'startAt' | 'endAt' | 'rsvpDeadline'>) {
  const next = {
    startAt: patch.startAt ?? m.startAt,
    endAt: patch.endAt ?? m.endAt,
    rsvpDeadline: patch.rsvpDeadline === undefined ? m.rsvpDeadline : patch.rsvpDeadline,
  }
  const startChanged = !!patch.startAt && patch.startAt.getTime() !== m.startAt.getTime()
  const deadlineChanged = patch.rsvpDeadline !== undefined && (patch.rsvpDeadline?.getTime() ?? null) !== (m.rsvpDeadline?.getTime() ?? null)
  const touched = !!patch.startAt || !!patch.endAt || patch.rsvpDeadline !== undefined
  return { next, startChanged, deadlineChanged, touched }
}

export function checkSchedule(m: Pick<MeetingRecord, 'startAt' | 'endAt' | 'rsvpDeadline'>, now: Date, startChanged = true, deadlineChanged = true) {
  const problems = scheduleProblems(m, now, startChanged, deadlineChanged)
  const details = problems.map((p) => ({ path: `body.${p.path}`, message: p.message }))
  // Well-formed times that break a rule (end before start, a start already past): 422, as every
  // other form's times (DESIGN.md: 400 is for what the schema refuses).
  if (problems.some((p) => p.path !== 'rsvpDeadline')) throw new UnprocessableError('会议时间有误', details, 'bad_schedule')
  // Well-formed times, but a deadline that would close answers before they can be given (or after the start).
  if (problems.length) throw new UnprocessableError(problems[0].message, details, 'bad_rsvp_deadline')
}

/**
 * The papers an edit adds to a published meeting that is not over, for 会议材料已更新; refused in words when there is
 * nothing to announce, before anything is saved (the organizer ticked it, and would think the invitees were told).
 */
export function papersToTell(m: MeetingRecord, patch: MeetingPatch, now: Date): Attachment[] {
  if (m.status !== 'published')
    throw new ConflictError(
      '会议还没有发布，发布时会把全部会议材料一起通知参会人员',
      [{ path: 'body.tellNewPapers', message: m.status }],
      'meeting_not_published',
    )
  if (m.endAt <= now) throw new ConflictError('会议已结束，不再通知参会人员新增材料', [{ path: 'body.tellNewPapers', message: 'ended' }], 'meeting_ended')
  const had = new Set(m.attachments.map((a) => a.url))
  const added = (patch.attachments ?? []).filter((a) => !had.has(a.url))
  if (!added.length)
    throw new UnprocessableError(
      '这次没有新增会议材料，不用通知参会人员',
      [{ path: 'body.attachments', message: '请先添加新的会议材料，再勾选通知参会人员' }],
      'no_new_papers',
    )
  return added
}

/** A contact's name alone reaches nobody: it is recorded only with a phone (the phone alone will do). */
export function checkContact(m: Partial<Pick<MeetingRecord, 'contactName' | 'contactPhone'>>) {
  if (m.contactName && !m.contactPhone)
    throw new UnprocessableError(
      '填写了会务联系人，请同时填写联系电话',
      [{ path: 'body.contactPhone', message: '请填写会务联系人的电话' }],
      'contact_without_phone',
    )
}

/**
 * The office whose organizer made the meeting, as an invitee would call it: a district's or street's, or for
 * an admin or a whole-installation organizer the installation's own (a district's Liaison is not the city's).
 */
export function organizerOf(scope: StaffScope, officeName: string | null, regions: ReadonlyMap<string, Region>): string {
  const region = scope.kind === 'regions' ? scope.tree.get(scope.regionIds[0]) : undefined
  return organizerOfficeName(region, installationOfficeName(officeName, regions.values()))
}

export const illegal = (m: MeetingRecord) =>
  new ConflictError(`会议当前为「${MEETING_STATUS_LABELS[m.status]}」，不能执行此操作`, [{ path: 'status', message: m.status }], 'illegal_state')

/** The same ids, in any order. */
export const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id))
