import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.js'
import {
  awaitsAnswer,
  changesTimeOrPlace,
  deadlineAfterEdit,
  leadsAlreadyPast,
  leaveOvertaken,
  MEETING_STATUS_LABELS,
  momentLabel,
  nudgeAllowedAt,
  rsvpClosesAt,
  rsvpOpen,
  scheduleProblems,
  stillInvited,
  type Attachment,
  type InviteeSelector,
  type MeetingInvitee,
  type MeetingRecord,
} from '../../domain/meeting.js'
import { ConflictError, RateLimitError, UnprocessableError } from '../../errors.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import { ERASED_RESIDENT } from '../../store/privacy-ports.js'
import { meetingMessage, noticeTexts } from './meeting-notices.js'
import { changeMessage, heldDeadlinesRewritten, invitationMessage, invitationRows, nudgeMessage } from './deadline-rewrites.js'
import { nudgeHeldCode, nudgeHeldWords, splitForNudge, type NudgeSplit } from '../../domain/meeting-nudge.js'
import { noticeState } from '../../domain/notice-delivery.js'
import type { AuditTrail } from '../audit.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { MeetingAccess } from './meeting-access.js'
import type { MeetingFiles } from './meeting-files.js'
import type { StaffScope } from '../../domain/staff-scope.js'
import { installationOfficeName } from '../../domain/office-name.js'
import type { Region } from '../../domain/directory.js'

/** What an organizer sets; the rest of a meeting record is the service's. */
export type MeetingDraft = Pick<
  MeetingRecord,
  'title' | 'kind' | 'startAt' | 'endAt' | 'place' | 'agenda' | 'attachments' | 'selector' | 'publicSeats' | 'rsvpDeadline'
> &
  Partial<Pick<MeetingRecord, 'contactName' | 'contactPhone'>>
export type MeetingPatch = Partial<MeetingDraft>

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const newShortCode = () => Array.from(randomBytes(8), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')

/**
 * Organizers' side of meetings: create, edit, publish, cancel, and remind those who have
 * not answered. Every notice is written to the outbox in the same transaction as the
 * change that causes it, one per invitee, with a dedupe key per meeting, change and person.
 * Who may see and change which meeting, and whom a selector names, is MeetingAccess's (meeting-access.ts).
 */
export class MeetingService extends MeetingAccess {
  constructor(
    protected override readonly store: Pick<Store, 'directory' | 'meetings' | 'outbox'>,
    private readonly clock: Clock,
    /** `officeName`: business.officeName, what the whole installation's office is called (null: found from the directory). */
    private readonly settings: { timeZone: string; reminderHours: number[]; remindCooldownMinutes: number; officeName?: string | null },
    private readonly audit: Pick<AuditTrail, 'record'>,
    private readonly places: Pick<DirectoryCache, 'scopeOf' | 'prepared'>,
    /** Uploaded files among the attachments must be ones the organizer uploaded (or the meeting had), and are kept once saved. */
    private readonly files: Pick<MeetingFiles, 'checkAttachments' | 'keep'> | null = null,
  ) {
    super(store, places)
  }

  async create(staff: StaffPrincipal, draft: MeetingDraft): Promise<MeetingRecord> {
    const now = this.clock.now()
    checkSchedule(draft, now)
    checkContact(draft)
    this.files?.checkAttachments(draft.attachments, staff.id)
    const scope = await this.scopeOf(staff)
    await this.resolve(scope, draft.selector)
    const record: MeetingRecord = {
      id: `mt-${randomUUID()}`,
      shortCode: newShortCode(),
      ...draft,
      contactName: draft.contactName ?? null,
      contactPhone: draft.contactPhone ?? null,
      status: 'draft',
      // An organizer's meeting is their districts' or streets'; a city-level one belongs to the districts it invites.
      districtIds: scope.kind === 'regions' ? [...scope.regionIds] : [...(draft.selector.districtIds ?? [])],
      // Named once: with no contact recorded, invitees are told to call the office that made it.
      organizer: organizerOf(scope, this.settings.officeName ?? null, (await this.places.prepared()).regions),
      createdBy: staff.id,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
      cancelledAt: null,
      cancelReason: null,
      changeSeq: 0,
      remindersSent: [],
      nudgeRounds: 0,
      lastRemindedAt: null,
      lastNudgedAt: null,
      audienceDistrictIds: [],
      version: 1,
    }
    await this.files?.keep(draft.attachments, now)
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.store.meetings.create(attempt ? { ...record, shortCode: newShortCode() } : record)
      } catch (err) {
        // 32^8 codes: a clash is rare, and another draw settles it.
        if (!(err instanceof ConflictError) || attempt >= 3) throw err
      }
    }
  }

  /**
   * After publishing, the invitees stay as resolved; a new time or place is announced to all of them. Papers added
   * to a published meeting are announced only when the organizer asks (`tellNewPapers`): one 会议材料已更新 to each
   * invitee not on leave, naming every paper this save added, never one message per file. `papersTold`: how many
   * invitees that is (0 when all are on leave), for the organizer to read after saving; null when not asked.
   */
  async edit(
    staff: StaffPrincipal,
    id: string,
    patch: MeetingPatch,
    options: { tellNewPapers?: boolean } = {},
  ): Promise<{ meeting: MeetingRecord; papersTold: number | null }> {
    const { m, scope } = await this.managed(staff, id)
    if (m.status === 'cancelled') throw illegal(m)
    if (patch.attachments) this.files?.checkAttachments(patch.attachments, staff.id, m.attachments)
    if (patch.selector && m.status !== 'draft')
      throw new ConflictError('会议已发布，参会人员不能再修改', [{ path: 'body.selector', message: m.status }], 'invitees_fixed')
    const now = this.clock.now()
    const newPapers = options.tellNewPapers ? papersToTell(m, patch, now) : []
    const next: MeetingRecord = { ...m, ...patch, updatedAt: now }
    if (patch.contactName !== undefined || patch.contactPhone !== undefined) checkContact(next)
    // Only what changed is judged against now: extending a meeting under way keeps its past start.
    const startChanged = !!patch.startAt && patch.startAt.getTime() !== m.startAt.getTime()
    // A deadline sent back as it was (the whole form saved) is not judged again: it may have passed.
    const deadlineChanged = patch.rsvpDeadline !== undefined && (patch.rsvpDeadline?.getTime() ?? null) !== (m.rsvpDeadline?.getTime() ?? null)
    if (patch.startAt || patch.endAt || patch.rsvpDeadline !== undefined) checkSchedule(next, now, startChanged, deadlineChanged)
    // Residents who took a seat keep it: the places are not cut below those taken (nobody would tell them).
    if (patch.publicSeats !== undefined && patch.publicSeats < m.publicSeats) {
      const taken = (await this.store.meetings.publicRegistrations(m.id)).length
      if (patch.publicSeats < taken)
        throw new ConflictError(
          `已有 ${taken} 位市民报名旁听，旁听名额不能少于 ${taken} 个`,
          [{ path: 'body.publicSeats', message: `不能少于已报名的 ${taken} 人` }],
          'public_seats_taken',
        )
    }
    // Once it has ended, a new time or place would tell every invitee of a meeting that is over.
    if (m.status === 'published' && m.endAt <= now && changesTimeOrPlace(m, next))
      throw new ConflictError('会议已结束，不能再修改时间或地点', [], 'meeting_ended')
    if (patch.selector) await this.resolve(scope, patch.selector)
    // One the office made belongs to the districts it invites (as at creation): when the office
    // invites other districts, their organizers run it, no longer those of the old ones.
    if (patch.selector && scope.kind === 'city' && sameIds(m.districtIds, m.selector.districtIds ?? []))
      next.districtIds = [...(patch.selector.districtIds ?? [])]
    if (patch.attachments) await this.files?.keep(patch.attachments, now, m.attachments)
    let saved: MeetingRecord
    let papersMessages: OutboxMessage[]
    if (m.status !== 'published' || !changesTimeOrPlace(m, next)) {
      // Only the deadline moved: a 会议通知 or 提醒未回复 still waiting is written again with the new one.
      const rewritten = deadlineChanged ? await heldDeadlinesRewritten(this.store, m, next, now, this.settings.timeZone) : []
      papersMessages = await this.papersNotices(next, newPapers, now)
      saved = await this.store.meetings.update(next, [...rewritten, ...papersMessages])
    } else {
      next.changeSeq = m.changeSeq + 1
      // The change notice asks everyone to confirm again: answers closed by the deadline reopen.
      next.rsvpDeadline = deadlineAfterEdit(m, next, patch.rsvpDeadline !== undefined, now)
      // Reminders count from the new start, except those the change notice itself makes untrue.
      if (next.startAt.getTime() !== m.startAt.getTime()) next.remindersSent = leadsAlreadyPast(next.startAt, now, this.settings.reminderHours)
      const texts = noticeTexts(next, this.settings.timeZone, now)
      const messages = await this.tellEveryone(
        next,
        'meeting.changed',
        // It carries the deadline it names, so that a held one is written again if only that moves (deadline-rewrites.ts);
        // and what each had answered, which still stands (a leave is not "confirm again").
        (i) => changeMessage(next, i, rsvpClosesAt(next, i), rsvpOpen(next, i, now), this.settings.timeZone, now),
        texts.changedForPublic(),
        `change:${next.changeSeq}`,
        now,
      )
      // Written after the change is numbered: the papers' message carries it, and is not taken for one it made untrue.
      papersMessages = await this.papersNotices(next, newPapers, now)
      saved = await this.store.meetings.update(next, [...messages, ...papersMessages])
    }
    // A correction after publishing is on the record: what each field was and became, and whether the new papers were announced.
    if (m.status === 'published')
      await this.audit.record(
        staff,
        'meeting.corrected',
        { kind: 'meeting', id: m.id },
        { changes: changedFields(m, saved), ...(newPapers.length ? { newPapersTold: true } : {}) },
      )
    return { meeting: saved, papersTold: options.tellNewPapers ? papersMessages.length : null }
  }

  /**
   * 会议材料已更新 to each invitee who has not excused himself (one who asked leave and came after all is there
   * again): one message a person for all the papers of this save; the same papers announced again reach nobody twice.
   */
  private async papersNotices(m: MeetingRecord, papers: Attachment[], now: Date): Promise<OutboxMessage[]> {
    if (!papers.length) return []
    const text = noticeTexts(m, this.settings.timeZone, now).papersAdded(papers.map((a) => a.name))
    const change = `papers:${createHash('sha256')
      .update(
        papers
          .map((a) => a.url)
          .sort()
          .join('\n'),
      )
      .digest('hex')
      .slice(0, 16)}`
    const invitees = await this.store.meetings.invitees([m.id])
    return invitees
      .filter((i) => stillInvited(i) && (i.rsvp !== 'leave' || leaveOvertaken(i)))
      .map((i) => meetingMessage(m, 'meeting.papers', toOf(i), text, change, now))
  }

  /**
   * Invites more people to a published meeting: those the selector names who are not yet
   * invited get the notice, nobody already invited hears it twice; audited.
   */
  async addInvitees(staff: StaffPrincipal, id: string, selector: InviteeSelector): Promise<{ meeting: MeetingRecord; added: MeetingInvitee[] }> {
    const { m, scope } = await this.managed(staff, id)
    if (m.status === 'draft') throw new ConflictError('会议尚未发布，请直接修改参会人员', [{ path: 'status', message: m.status }], 'meeting_not_published')
    if (m.status !== 'published') throw illegal(m)
    const now = this.clock.now()
    if (m.startAt <= now) throw new ConflictError('会议已开始，不能再增加参会人员', [], 'meeting_started')
    const people = await this.resolve(scope, selector)
    const invitees: MeetingInvitee[] = people.map((p) => ({
      meetingId: m.id,
      personKind: p.kind,
      personId: p.id,
      name: p.name,
      rsvp: 'pending',
      reason: null,
      rsvpAt: null,
      checkedInAt: null,
      invitedAt: now,
    }))
    const already = new Set((await this.store.meetings.invitees([m.id])).map((i) => `${i.personKind}:${i.personId}`))
    const fresh = people.filter((p) => !already.has(`${p.kind}:${p.id}`))
    // The selector keeps naming everyone invited: the added people by name.
    const named = (have: string[] | undefined, kind: 'deputy' | 'staff') => [
      ...new Set([...(have ?? []), ...fresh.filter((p) => p.kind === kind).map((p) => p.id)]),
    ]
    const next: MeetingRecord = {
      ...m,
      selector: { ...m.selector, deputyIds: named(m.selector.deputyIds, 'deputy'), staffIds: named(m.selector.staffIds, 'staff') },
      updatedAt: now,
      audienceDistrictIds: [...new Set([...m.audienceDistrictIds, ...placesOf(people)])].sort(),
    }
    // Someone invited after the deadline may answer until the start, and is told so.
    const closesAt = rsvpClosesAt(next, { invitedAt: now })
    // The same dedupe key as at publishing: someone invited then is never told twice.
    const messages = people.map((p) => invitationMessage(next, p, closesAt, this.settings.timeZone, now))
    const result = await this.store.meetings.addInvitees(next, invitees, messages)
    await this.audit.record(staff, 'meeting.invitees_added', { kind: 'meeting', id: m.id }, { added: result.added.map((i) => `${i.personKind}:${i.personId}`) })
    return result
  }

  async publish(staff: StaffPrincipal, id: string): Promise<MeetingRecord> {
    const { m, scope } = await this.managed(staff, id)
    if (m.status !== 'draft') throw illegal(m)
    const now = this.clock.now()
    if (m.startAt <= now)
      throw new UnprocessableError('会议开始时间已过，请先修改时间再发布', [{ path: 'startAt', message: m.startAt.toISOString() }], 'meeting_in_past')
    // The notice would ask for an answer by a time already gone: the draft's deadline is changed first.
    if (m.rsvpDeadline && m.rsvpDeadline <= now)
      throw new UnprocessableError(
        '回复截止时间已经过去，请先修改回复截止时间再发布',
        [{ path: 'rsvpDeadline', message: m.rsvpDeadline.toISOString() }],
        'bad_rsvp_deadline',
      )
    const people = await this.resolve(scope, m.selector)
    const invitees: MeetingInvitee[] = people.map((p) => ({
      meetingId: m.id,
      personKind: p.kind,
      personId: p.id,
      name: p.name,
      rsvp: 'pending',
      reason: null,
      rsvpAt: null,
      checkedInAt: null,
      invitedAt: now,
    }))
    // A meeting announced 20 hours ahead gets no "24 小时后" reminder: the notice told the time.
    const next: MeetingRecord = {
      ...m,
      status: 'published',
      publishedAt: now,
      updatedAt: now,
      remindersSent: leadsAlreadyPast(m.startAt, now, this.settings.reminderHours),
      audienceDistrictIds: placesOf(people),
    }
    const messages = people.map((p) => invitationMessage(next, p, rsvpClosesAt(next), this.settings.timeZone, now))
    const saved = await this.store.meetings.update(next, messages, invitees)
    await this.audit.record(staff, 'meeting.published', { kind: 'meeting', id: m.id }, { invited: invitees.length })
    return saved
  }

  async cancel(staff: StaffPrincipal, id: string, reason: string | null): Promise<MeetingRecord> {
    const { m } = await this.managed(staff, id)
    if (m.status === 'cancelled') throw illegal(m)
    const now = this.clock.now()
    const next: MeetingRecord = { ...m, status: 'cancelled', cancelledAt: now, cancelReason: reason, updatedAt: now }
    // A draft was never announced: nobody needs to hear it is off.
    const texts = noticeTexts(next, this.settings.timeZone, now)
    const messages =
      m.status === 'published'
        ? await this.tellEveryone(
            next,
            'meeting.cancelled',
            (i) => meetingMessage(next, 'meeting.cancelled', toOf(i), texts.cancelled(reason), 'cancelled', now),
            texts.cancelledForPublic(reason),
            'cancelled',
            now,
          )
        : []
    const saved = await this.store.meetings.update(next, messages)
    if (m.status === 'published') await this.audit.record(staff, 'meeting.cancelled', { kind: 'meeting', id: m.id }, { reason })
    return saved
  }

  /**
   * "Please answer" to every invitee who has not, while answers are open, and whose notice has
   * gone out and had time to be read (meeting-nudge.ts): one round per call. Nobody of them yet:
   * 409 saying why, nothing queued. `held` says why the others were left out.
   */
  async remindNonResponders(staff: StaffPrincipal, id: string): Promise<{ reminded: number; round: number | null; held: string | null }> {
    const { m } = await this.managed(staff, id)
    if (m.status !== 'published') throw illegal(m)
    const now = this.clock.now()
    // Those who may still answer: everyone before the deadline, after it only people invited late.
    // Whoever checked in answered by coming (awaitsAnswer): not asked.
    const waiting = (await this.store.meetings.invitees([m.id])).filter((i) => awaitsAnswer(i) && rsvpOpen(m, i, now))
    if (!waiting.length && !rsvpOpen(m, null, now)) throw new ConflictError('回复已截止，无需催促', [], 'rsvp_closed')
    const allowedAt = nudgeAllowedAt(m, now, this.settings.remindCooldownMinutes)
    if (allowedAt) {
      throw new RateLimitError(
        `刚刚已提醒过，请在 ${momentLabel(allowedAt, this.settings.timeZone)} 以后再催促`,
        Math.ceil((allowedAt.getTime() - now.getTime()) / 1000),
        [{ path: 'retryAt', message: allowedAt.toISOString() }],
        'remind_cooldown',
      )
    }
    if (!waiting.length) return { reminded: 0, round: null, held: null }
    const split = await this.nudgeSplit(m, waiting, now)
    const held = nudgeHeldWords(split, this.settings.timeZone)
    if (!split.ready.length) throw new ConflictError(held!, [], nudgeHeldCode(split))
    const round = m.nudgeRounds + 1
    const messages = split.ready.map((i) => nudgeMessage(m, { kind: i.personKind, id: i.personId }, rsvpClosesAt(m, i), round, this.settings.timeZone, now))
    await this.store.meetings.update({ ...m, nudgeRounds: round, lastNudgedAt: now, lastRemindedAt: now, updatedAt: now }, messages)
    await this.audit.record(staff, 'meeting.reminded', { kind: 'meeting', id: m.id }, { reminded: messages.length, round })
    return { reminded: split.ready.length, round, held }
  }

  /**
   * How long a sent notice is given to be read before its invitee may be asked to answer: the time
   * an organizer waits between two rounds (remindCooldownMinutes).
   */
  get noticeReadMinutes(): number {
    return this.settings.remindCooldownMinutes
  }

  /** Which of these invitees a round may ask now, by their notice's outbox row (meeting-nudge.ts). */
  private async nudgeSplit(m: MeetingRecord, invitees: MeetingInvitee[], now: Date): Promise<NudgeSplit> {
    const rows = await invitationRows(this.store, m, invitees)
    return splitForNudge(invitees, (i) => noticeState(rows.get(`${i.personKind}:${i.personId}`)), now, this.noticeReadMinutes)
  }

  /**
   * A change or cancellation for everyone who expects to be there: each invitee (their own
   * text, as their answers may close at another time), and each resident holding a public
   * seat (公民旁听) in the mini-program; a place whose holder erased their data reaches nobody.
   */
  private async tellEveryone(
    m: MeetingRecord,
    kind: 'meeting.changed' | 'meeting.cancelled',
    inviteeMessage: (i: MeetingInvitee) => OutboxMessage,
    publicText: string,
    change: string,
    at: Date,
  ): Promise<OutboxMessage[]> {
    const [invitees, seats] = await Promise.all([this.store.meetings.invitees([m.id]), this.store.meetings.publicRegistrations(m.id)])
    return [
      // One who left office or moved station since is no longer expected there: he hears nothing of it.
      ...invitees.filter(stillInvited).map(inviteeMessage),
      ...seats
        .filter((r) => !r.mpUserId.startsWith(`${ERASED_RESIDENT}:`))
        .map((r) => meetingMessage(m, kind, { kind: 'mp_user', id: r.mpUserId }, publicText, change, at)),
    ]
  }
}

const toOf = (i: MeetingInvitee) => ({ kind: i.personKind, id: i.personId })

/** The districts and streets of the people invited: whose organizers follow the meeting. */
const placesOf = (people: Array<{ placeIds: string[] }>) => [...new Set(people.flatMap((p) => p.placeIds))].sort()

/** The fields a correction changed, before and after, for the audit trail. */
function changedFields(before: MeetingRecord, after: MeetingRecord) {
  const fields = ['title', 'kind', 'startAt', 'endAt', 'place', 'agenda', 'attachments', 'publicSeats', 'rsvpDeadline', 'contactName', 'contactPhone'] as const
  const value = (v: unknown) => (v instanceof Date ? v.toISOString() : v)
  return Object.fromEntries(
    fields.filter((f) => JSON.stringify(value(before[f])) !== JSON.stringify(value(after[f]))).map((f) => [f, { from: value(before[f]), to: value(after[f]) }]),
  )
}

function checkSchedule(m: Pick<MeetingRecord, 'startAt' | 'endAt' | 'rsvpDeadline'>, now: Date, startChanged = true, deadlineChanged = true) {
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
function papersToTell(m: MeetingRecord, patch: MeetingPatch, now: Date): Attachment[] {
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
function checkContact(m: Partial<Pick<MeetingRecord, 'contactName' | 'contactPhone'>>) {
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
function organizerOf(scope: StaffScope, officeName: string | null, regions: ReadonlyMap<string, Region>): string {
  const region = scope.kind === 'regions' ? scope.tree.get(scope.regionIds[0]) : undefined
  if (!region) return installationOfficeName(officeName, regions.values())
  return region.kind === 'street' ? `${region.name}人大工委` : `${region.name}人大常委会办公室`
}

const illegal = (m: MeetingRecord) =>
  new ConflictError(`会议当前为「${MEETING_STATUS_LABELS[m.status]}」，不能执行此操作`, [{ path: 'status', message: m.status }], 'illegal_state')

/** The same ids, in any order. */
const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id))
