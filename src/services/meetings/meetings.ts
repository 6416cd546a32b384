import { randomBytes, randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.js'
import type { MeetingRecord } from '../../domain/meeting.js'
import { changesTimeOrPlace, deadlineAfterEdit, leadsAlreadyPast, rsvpClosesAt, rsvpOpen } from '../../domain/meeting-timing.js'
import { ConflictError } from '../../errors.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import { noticeTexts } from './meeting-notices.js'
import { changeMessage, heldDeadlinesRewritten } from './deadline-rewrites.js'
import type { AuditTrail } from '../audit.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { MeetingFiles } from './meeting-files.js'
import {
  changedFields,
  checkContact,
  checkSchedule,
  editedSchedule,
  illegal,
  organizerOf,
  papersToTell,
  sameIds,
  type MeetingDraft,
  type MeetingPatch,
} from './meeting-edit-rules.js'
import { papersNotices, tellEveryone } from './meeting-change-notices.js'
import { MeetingAnnouncements, type MeetingSettings } from './meeting-announcements.js'

// What an organizer sets is typed in meeting-edit-rules.ts; these names stay importable from here.
export type { MeetingDraft, MeetingPatch } from './meeting-edit-rules.js'

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const newShortCode = () => Array.from(randomBytes(8), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')

/**
 * Organizers' side of meetings: create, edit, publish, cancel, and remind those who have
 * not answered. Every notice is written to the outbox in the same transaction as the
 * change that causes it, one per invitee, with a dedupe key per meeting, change and person.
 * Who may see and change which meeting, and whom a selector names, is MeetingAccess's (meeting-access.ts);
 * what a published meeting sends its invitees (publish, add, cancel, remind) is MeetingAnnouncements' (meeting-announcements.ts).
 */
export class MeetingService extends MeetingAnnouncements {
  constructor(
    store: Pick<Store, 'directory' | 'meetings' | 'outbox'>,
    clock: Clock,
    settings: MeetingSettings,
    audit: Pick<AuditTrail, 'record'>,
    private readonly places: Pick<DirectoryCache, 'scopeOf' | 'prepared'>,
    /** Uploaded files among the attachments must be ones the organizer uploaded (or the meeting had), and are kept once saved. */
    private readonly files: Pick<MeetingFiles, 'checkAttachments' | 'keep'> | null = null,
  ) {
    super(store, clock, settings, audit, places)
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
    // Only what changed is judged against now (editedSchedule): extending a meeting under way keeps its past start.
    const { startChanged, deadlineChanged, touched } = editedSchedule(m, patch)
    if (touched) checkSchedule(next, now, startChanged, deadlineChanged)
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
}
