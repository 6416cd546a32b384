import { randomBytes, randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.js'
import {
  awaitsAnswer,
  changesTimeOrPlace,
  deadlineAfterEdit,
  leadsAlreadyPast,
  momentLabel,
  nudgeAllowedAt,
  rsvpClosesAt,
  rsvpOpen,
  stillInvited,
  type InviteeSelector,
  type MeetingInvitee,
  type MeetingRecord,
} from '../../domain/meeting.js'
import { ConflictError, RateLimitError, UnprocessableError } from '../../errors.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import { meetingMessage, noticeTexts } from './meeting-notices.js'
import { changeMessage, heldDeadlinesRewritten, invitationMessage, invitationRows, noticesToReturning, nudgeMessage } from './deadline-rewrites.js'
import { nudgeHeldCode, nudgeHeldWords, nudgeOthers, splitForNudge, type NudgeOthers, type NudgeSplit } from '../../domain/meeting-nudge.js'
import { noticeState } from '../../domain/notice-delivery.js'
import type { QuietHours } from '../../domain/quiet-hours.js'
import type { AuditTrail } from '../audit.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { MeetingAccess } from './meeting-access.js'
import type { MeetingFiles } from './meeting-files.js'
import {
  changedFields,
  checkContact,
  checkSchedule,
  illegal,
  organizerOf,
  papersToTell,
  sameIds,
  type MeetingDraft,
  type MeetingPatch,
} from './meeting-edit-rules.js'
import { papersNotices, tellEveryone, toOf } from './meeting-change-notices.js'

// What an organizer sets is typed in meeting-edit-rules.ts; these names stay importable from here.
export type { MeetingDraft, MeetingPatch } from './meeting-edit-rules.js'

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
    /**
     * `officeName`: business.officeName, what the whole installation's office is called (null: found from the directory).
     * `quietHours`: an early meeting's reminder is due the evening before (reminder-moments.ts), as the reminders job has it.
     */
    private readonly settings: {
      timeZone: string
      reminderHours: number[]
      remindCooldownMinutes: number
      officeName?: string | null
      quietHours?: QuietHours
    },
    private readonly audit: Pick<AuditTrail, 'record'>,
    private readonly places: Pick<DirectoryCache, 'scopeOf' | 'prepared'>,
    /** Uploaded files among the attachments must be ones the organizer uploaded (or the meeting had), and are kept once saved. */
    private readonly files: Pick<MeetingFiles, 'checkAttachments' | 'keep'> | null = null,
  ) {
    super(store, places)
  }

  private quiet() {
    return this.settings.quietHours ? { hours: this.settings.quietHours, timeZone: this.settings.timeZone } : undefined
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
      papersMessages = await papersNotices(this.store, this.settings.timeZone, next, newPapers, now)
      saved = await this.store.meetings.update(next, [...rewritten, ...papersMessages])
    } else {
      next.changeSeq = m.changeSeq + 1
      // The change notice asks everyone to confirm again: answers closed by the deadline reopen.
      next.rsvpDeadline = deadlineAfterEdit(m, next, patch.rsvpDeadline !== undefined, now)
      // Reminders count from the new start, except those the change notice itself makes untrue.
      if (next.startAt.getTime() !== m.startAt.getTime()) next.remindersSent = leadsAlreadyPast(next.startAt, now, this.settings.reminderHours, this.quiet())
      const texts = noticeTexts(next, this.settings.timeZone, now)
      const messages = await tellEveryone(
        this.store,
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
      papersMessages = await papersNotices(this.store, this.settings.timeZone, next, newPapers, now)
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
   * Invites more people to a published meeting: those the selector names who are not yet
   * invited get the notice, nobody already invited hears it twice; audited. One on the list marked
   * 已调到… (he moved away) whom the organizer names again is expected again: the mark goes, he may
   * answer until the start, he is sent the 会议通知 again, and the list now names him (his next move keeps him).
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
    const listed = await this.store.meetings.invitees([m.id])
    // Those marked no longer expected count as not yet invited: naming them again brings them back.
    const already = new Set(listed.filter(stillInvited).map((i) => `${i.personKind}:${i.personId}`))
    const marked = new Set(listed.filter((i) => !stillInvited(i)).map((i) => `${i.personKind}:${i.personId}`))
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
    // The same dedupe key as at publishing: someone invited then is never told twice. One brought back gets the next
    // writing of his 会议通知, unless one still waits to go (the store writes it only if he is still marked when it commits).
    const back = invitees.filter((i) => marked.has(`${i.personKind}:${i.personId}`))
    const messages = [
      ...invitees
        .filter((i) => !marked.has(`${i.personKind}:${i.personId}`))
        .map((i) => invitationMessage(next, toOf(i), closesAt, this.settings.timeZone, now)),
      ...(await noticesToReturning(this.store, next, back, now, this.settings.timeZone, { retell: true })),
    ]
    const result = await this.store.meetings.addInvitees(next, invitees, messages)
    const added = [...result.added, ...result.restored]
    await this.audit.record(staff, 'meeting.invitees_added', { kind: 'meeting', id: m.id }, { added: added.map((i) => `${i.personKind}:${i.personId}`) })
    return { meeting: result.meeting, added }
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
      remindersSent: leadsAlreadyPast(m.startAt, now, this.settings.reminderHours, this.quiet()),
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
        ? await tellEveryone(
            this.store,
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
    const invitees = await this.store.meetings.invitees([m.id])
    const waiting = invitees.filter((i) => awaitsAnswer(i) && rsvpOpen(m, i, now))
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
    const { split, others } = await this.nudgeSplit(m, invitees, waiting, now)
    const held = nudgeHeldWords(split, this.settings.timeZone, others)
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

  /** Which of the waiting invitees a round may ask now, by their notice's outbox row, and what the others were told (meeting-nudge.ts). */
  private async nudgeSplit(m: MeetingRecord, all: MeetingInvitee[], waiting: MeetingInvitee[], now: Date): Promise<{ split: NudgeSplit; others: NudgeOthers }> {
    const rows = await invitationRows(this.store, m, all)
    const noticeOf = (i: MeetingInvitee) => noticeState(rows.get(`${i.personKind}:${i.personId}`))
    return { split: splitForNudge(waiting, noticeOf, now, this.noticeReadMinutes), others: nudgeOthers(all, waiting, noticeOf, m.publishedAt) }
  }
}

/** The districts and streets of the people invited: whose organizers follow the meeting. */
const placesOf = (people: Array<{ placeIds: string[] }>) => [...new Set(people.flatMap((p) => p.placeIds))].sort()
