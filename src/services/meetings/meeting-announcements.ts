import type { Clock } from '../../clock.js'
import { awaitsAnswer, stillInvited, type InviteeSelector, type MeetingInvitee, type MeetingRecord } from '../../domain/meeting.js'
import { leadsAlreadyPast, nudgeAllowedAt, rsvpClosesAt, rsvpOpen } from '../../domain/meeting-timing.js'
import { momentLabel } from '../../domain/meeting-words.js'
import { ConflictError, RateLimitError, UnprocessableError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import { meetingMessage, noticeTexts } from './meeting-notices.js'
import { invitationMessage, invitationRows, noticesToReturning, nudgeMessage } from './deadline-rewrites.js'
import { nudgeHeldCode, nudgeHeldWords, nudgeOthers, splitForNudge, type NudgeOthers, type NudgeSplit } from '../../domain/meeting-nudge.js'
import { noticeState } from '../../domain/notice-delivery.js'
import type { QuietHours } from '../../domain/quiet-hours.js'
import type { AuditTrail } from '../audit.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { MeetingAccess } from './meeting-access.js'
import { illegal } from './meeting-edit-rules.js'
import { tellEveryone, toOf } from './meeting-change-notices.js'

/** How meetings are told to their invitees: what MeetingService (meetings.ts) is set with. */
export interface MeetingSettings {
  timeZone: string
  reminderHours: number[]
  remindCooldownMinutes: number
  /** business.officeName, what the whole installation's office is called (null: found from the directory). */
  officeName?: string | null
  /** An early meeting's reminder is due the evening before (reminder-moments.ts), as the reminders job has it. */
  quietHours?: QuietHours
}

/**
 * What reaches a meeting's invitees once the organizer sends it: publishing (the 会议通知 to everyone the selector
 * names), inviting more people to a published meeting, cancelling, and reminding those who have not answered. Each
 * notice is written to the outbox in the same transaction as the change that causes it. Creating and editing a
 * meeting is MeetingService's (meetings.ts), which is this with those.
 */
export class MeetingAnnouncements extends MeetingAccess {
  constructor(
    protected override readonly store: Pick<Store, 'directory' | 'meetings' | 'outbox'>,
    protected readonly clock: Clock,
    protected readonly settings: MeetingSettings,
    protected readonly audit: Pick<AuditTrail, 'record'>,
    places: Pick<DirectoryCache, 'scopeOf'>,
  ) {
    super(store, places)
  }

  protected quiet() {
    return this.settings.quietHours ? { hours: this.settings.quietHours, timeZone: this.settings.timeZone } : undefined
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
    const invitees = newInvitees(m.id, people, now)
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
    const invitees = newInvitees(m.id, people, now)
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

/** Each person on the meeting's list from now, not yet answered. */
const newInvitees = (meetingId: string, people: Array<{ kind: MeetingInvitee['personKind']; id: string; name: string }>, now: Date): MeetingInvitee[] =>
  people.map((p) => ({
    meetingId,
    personKind: p.kind,
    personId: p.id,
    name: p.name,
    rsvp: 'pending',
    reason: null,
    rsvpAt: null,
    checkedInAt: null,
    invitedAt: now,
  }))
