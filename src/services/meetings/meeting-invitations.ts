import type { Clock } from '../../clock.js'
import {
  awaitsAnswer,
  stillInvited,
  withdrawalLabel,
  type MeetingInvitee,
  type MeetingRecord,
  type PersonRef,
  type PublicRegistration,
} from '../../domain/meeting.js'
import { checkInOpen, checkInOpensAt, checkInRefusal, rsvpClosesAt, rsvpRefusal, type CheckInRefusal, type RsvpRefusal } from '../../domain/meeting-timing.js'
import { lateCheckInWords, meetingContactWords, spokenMeetingTime } from '../../domain/meeting-words.js'
import { ENDED_KEPT_DAYS, standingAfterStart } from '../../domain/meeting-standing.js'
import { spokenClose, spokenMoment, spokenWhenAhead } from '../../domain/spoken-dates.js'
import { AppError, ConflictError, ForbiddenError, NotFoundError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import { StoreConflict } from '../../store/conflicts.js'

/**
 * A meeting someone may not see, as they are told it: not there (taken away, a draft, a wrong link), or, answered from
 * the chat, not theirs (they learn nothing more). Opening one that is there but not theirs says NOT_INVITED.
 */
export const MEETING_NOT_FOUND = '找不到这次会议，可能已经撤下了，或者链接有误。如有疑问，请问问会务工作人员'
/**
 * A scan at the door by someone not on the list (or of a code that opens nothing he is on): what
 * helps him there is the staff beside the door, not "the link may be wrong". It still says
 * nothing of the meeting itself.
 */
export const NOT_ON_THE_LIST = '参会名单里没有您，不能用这个二维码签到。如果您是来参会的，请找会场的会务工作人员。'
/** A meeting page for 公民旁听 that is not there, or does not take the public. */
export const NO_PUBLIC_SEATS = '找不到这次会议，或这次会议不接受旁听报名'
/**
 * A deputy who opens a meeting (a forwarded link) he is not invited to: what is true, and nothing of the meeting itself.
 * The link already told him it exists (its id is a random uuid); a draft or a wrong link is still 找不到 (404).
 */
export const NOT_INVITED = '这次会议没有邀请您，所以看不到会议的内容。如有疑问，请问问会务工作人员'

export type RsvpAnswer = { response: 'attend'; reason?: string | null } | { response: 'leave'; reason: string }

export interface Invitation {
  meeting: MeetingRecord
  invitation: MeetingInvitee
}

/**
 * The invitees' side: their meetings, their answers (from the mini-program or the bot),
 * and check-in by scanning the meeting's code. A meeting someone is not invited to is said
 * to be not theirs (403, NOT_INVITED) when opened, and tells them nothing of itself.
 */
export class MeetingInvitations {
  constructor(
    private readonly store: Pick<Store, 'meetings'>,
    private readonly clock: Clock,
    private readonly settings: { timeZone: string; checkInOpensMinutesBefore: number },
  ) {}

  /** Published or cancelled meetings not yet over, earliest first; none he is no longer expected at (moved away, left office). */
  async upcoming(person: PersonRef): Promise<Invitation[]> {
    const invitations = await this.store.meetings.invitationsOf(person, { statuses: ['published', 'cancelled'], endFrom: this.clock.now() })
    return invitations.filter((x) => stillInvited(x.invitation))
  }

  /**
   * His list in the mini-program: upcoming() and, before them, the meetings that ended in the last ENDED_KEPT_DAYS days:
   * a missing check-in is noticed after the meeting, and 补签 asked for then, from its page. A cancelled meeting is not
   * kept past the time it would have ended (nothing happened that he could act on).
   */
  async recentAndUpcoming(person: PersonRef): Promise<Invitation[]> {
    const now = this.clock.now()
    const since = new Date(now.getTime() - ENDED_KEPT_DAYS * 86_400_000)
    const invitations = await this.store.meetings.invitationsOf(person, { statuses: ['published', 'cancelled'], endFrom: since })
    return invitations.filter((x) => stillInvited(x.invitation) && (x.meeting.status === 'published' || x.meeting.endAt >= now))
  }

  /**
   * "忘记签到了怎么办" in the chat: his meetings whose check-in has opened, begun or ended in the last ENDED_KEPT_DAYS days,
   * latest first, each with what is true and what to do, as his meeting page says it (standingAfterStart); empty when
   * there is none.
   */
  async checkInStandings(person: PersonRef): Promise<Array<{ meeting: MeetingRecord; state: string; todo: string | null }>> {
    const now = this.clock.now()
    const { timeZone, checkInOpensMinutesBefore } = this.settings
    const begun = (await this.recentAndUpcoming(person)).filter(
      (x) => x.meeting.status === 'published' && now.getTime() >= checkInOpensAt(x.meeting, checkInOpensMinutesBefore).getTime(),
    )
    return begun.reverse().map(({ meeting, invitation }) => {
      const standing = standingAfterStart(meeting, invitation, timeZone, now)
      if (standing) return { meeting, state: standing.state, todo: standing.todo }
      // Opened for scanning, not yet begun.
      return invitation.checkedInAt
        ? { meeting, state: '您已签到', todo: null }
        : { meeting, state: `签到已经开始，会议${spokenWhenAhead(meeting.startAt, timeZone, now)}开始`, todo: '到会后请扫会场的签到二维码签到' }
    })
  }

  async detail(person: PersonRef, meetingId: string): Promise<Invitation> {
    const m = await this.store.meetings.get(meetingId)
    if (!m || m.status === 'draft') throw new NotFoundError(MEETING_NOT_FOUND)
    const invitation = await this.store.meetings.invitation(m.id, person)
    if (!invitation) throw new ForbiddenError(NOT_INVITED, 'not_invited')
    return { meeting: m, invitation }
  }

  /** What the invitee may do now: answer, and check in at the door (whatever they answered). */
  windows(x: Invitation): { rsvpOpen: boolean; checkInOpen: boolean } {
    const now = this.clock.now()
    return { rsvpOpen: !rsvpRefusal(x.meeting, x.invitation, now), checkInOpen: checkInOpen(x.meeting, now, this.settings.checkInOpensMinutesBefore) }
  }

  async respond(person: PersonRef, meetingId: string, answer: RsvpAnswer): Promise<Invitation> {
    const m = await this.store.meetings.get(meetingId)
    const invitation = m ? await this.store.meetings.invitation(m.id, person) : null
    const now = this.clock.now()
    const refusal = m ? rsvpRefusal(m, invitation, now) : 'not_invited'
    if (refusal) throw this.rsvpError(refusal, m, invitation, now)
    const reason = answer.response === 'leave' ? answer.reason : null
    const answered = await this.store.meetings.respond(m!.id, person, { rsvp: answer.response, reason, at: now })
    if (!answered) throw new NotFoundError(MEETING_NOT_FOUND)
    return { meeting: m!, invitation: answered }
  }

  /** The bot's "参加" / "请假 原因" without a meeting named: the one meeting still waiting for this person's answer. */
  async respondToNext(person: PersonRef, answer: RsvpAnswer): Promise<Invitation> {
    const now = this.clock.now()
    // One who checked in has answered by coming (awaitsAnswer): "参加" goes to the meeting that still waits.
    const waiting = (await this.upcoming(person)).filter((x) => awaitsAnswer(x.invitation) && !rsvpRefusal(x.meeting, x.invitation, now))
    if (!waiting.length) throw new NotFoundError('目前没有需要您回复的会议通知', 'no_meeting_awaiting')
    // Two or more waiting: which one he means is his to say, never guessed (a 请假 once went to the other meeting).
    if (waiting.length > 1)
      throw new ConflictError(
        `您有 ${waiting.length} 个会议等您回复，请说明是哪一个`,
        waiting.map((x) => ({ path: 'meetingId', message: x.meeting.id })),
        'several_meetings_awaiting',
      )
    return this.respond(person, waiting[0].meeting.id, answer)
  }

  /**
   * Attendance, once, within the window. `ref` is the meeting's id with the code from its
   * QR code, or the code alone (scene m=<code>): the code is what proves the scan.
   */
  async checkIn(person: PersonRef, ref: string, code: string | null): Promise<Invitation> {
    const m = ref.startsWith('mt-') ? await this.store.meetings.get(ref) : await this.store.meetings.getByShortCode(ref.toUpperCase())
    const invitation = m ? await this.store.meetings.invitation(m.id, person) : null
    // Someone not invited (or a draft) learns nothing, not even that the meeting exists: 404 before the code is judged.
    if (!invitation || m!.status === 'draft') throw new NotFoundError(NOT_ON_THE_LIST)
    const scanned = ref.startsWith('mt-') ? code?.toUpperCase() === m!.shortCode : true
    if (!scanned) throw new ConflictError('请扫描会场的签到二维码', [{ path: 'body.code', message: '签到码不符' }], 'wrong_check_in_code')
    const now = this.clock.now()
    const refusal = checkInRefusal(m!, invitation, now, this.settings.checkInOpensMinutesBefore)
    if (refusal) throw this.checkInError(refusal, m, invitation, now)
    // Moved away or left office since the read above: the write refuses (StoreConflict), said with the mark as it is now.
    const done = await this.store.meetings.checkIn(m!.id, person, now).catch(async (err: unknown) => {
      if (!(err instanceof StoreConflict) || err.conflict !== 'no_longer_invited') throw err
      throw this.checkInError('no_longer_invited', m, await this.store.meetings.invitation(m!.id, person), now)
    })
    if (!done) throw this.checkInError('already_checked_in', m, null, now)
    return { meeting: m!, invitation: (await this.store.meetings.invitation(m!.id, person))! }
  }

  /** A place for public attendance (公民旁听), while places are left and the meeting is ahead. */
  async registerPublic(mpUserId: string, meetingId: string, name: string) {
    const m = await this.openToPublic(meetingId)
    if (m.startAt <= this.clock.now()) throw new ConflictError('会议已开始，不能再报名旁听', [], 'meeting_started')
    return this.store.meetings.registerPublic({ meetingId: m.id, mpUserId, name, createdAt: this.clock.now() }, m.publicSeats)
  }

  /**
   * 不去了: her place given back for the next resident (idempotent: none held, nothing to give back). Only ever her own
   * (mpUserId is the caller). Once the meeting has begun the seat helps nobody, and the list at the door stays as it was.
   */
  async cancelPublic(mpUserId: string, meetingId: string) {
    const m = await this.openToPublic(meetingId)
    if (m.startAt <= this.clock.now()) throw new ConflictError('会议已经开始，旁听报名不能再取消了', [], 'meeting_started')
    await this.store.meetings.cancelPublic(m.id, mpUserId)
    return this.publicMeeting(m.id, mpUserId)
  }

  /**
   * A meeting's page for 公民旁听, read by anyone: the meeting with the places taken and, for the resident reading it
   * (mpUserId; null for someone not signed in), her own place, null when she has none. Only ever hers: the page she
   * opens from 您已报名 says her place instead of the form, and nobody learns who else took one.
   */
  async publicMeeting(meetingId: string, mpUserId: string | null): Promise<{ meeting: MeetingRecord; taken: number; registration: PublicRegistration | null }> {
    const meeting = await this.openToPublic(meetingId)
    const places = await this.store.meetings.publicRegistrations(meeting.id)
    const registration = mpUserId ? (places.find((r) => r.mpUserId === mpUserId) ?? null) : null
    return { meeting, taken: places.length, registration }
  }

  /** A published meeting open to the public. */
  private async openToPublic(meetingId: string): Promise<MeetingRecord> {
    const m = await this.store.meetings.get(meetingId)
    if (!m || m.status !== 'published' || m.publicSeats <= 0) throw new NotFoundError(NO_PUBLIC_SEATS)
    return m
  }

  /** Meetings ahead that take the public (公民旁听), earliest first, each with the places taken. */
  async publicAhead(): Promise<Array<{ meeting: MeetingRecord; taken: number }>> {
    const ahead = await this.store.meetings.list({ statuses: ['published'], startFrom: this.clock.now() })
    const open = ahead.filter((m) => m.publicSeats > 0)
    return Promise.all(open.map(async (meeting) => ({ meeting, taken: await this.publicSeatsTaken(meeting.id) })))
  }

  /** A resident's public places at meetings not yet over, in whatever state (a cancelled one says so), earliest first. */
  registrations(mpUserId: string) {
    return this.store.meetings.registrationsOf(mpUserId, { endFrom: this.clock.now() })
  }

  async publicSeatsTaken(meetingId: string) {
    return (await this.store.meetings.publicRegistrations(meetingId)).length
  }

  private rsvpError(refusal: RsvpRefusal, m: MeetingRecord | null, invitation: MeetingInvitee | null, now: Date): AppError {
    switch (refusal) {
      case 'not_invited':
        return new NotFoundError(MEETING_NOT_FOUND)
      case 'meeting_cancelled':
        return new ConflictError('会议已取消，无需回复', [], 'meeting_cancelled')
      case 'no_longer_invited':
        // He moved to another station (or left office) before it: the meeting is no longer his to answer.
        return new ConflictError(
          invitation?.withdrawn?.to ? `您已调到${invitation.withdrawn.to}，不在这次会议的参会名单上了，无需回复` : '您已不在这次会议的参会名单上了，无需回复',
          [],
          'no_longer_invited',
        )
      case 'rsvp_closed':
        // The contact is given apart too: the bot says it again after words of its own ("如又能参加，…").
        // The close said as his notice said it (spokenClose): "回复已于11月25日（星期三）晚上6:00截止".
        return new ConflictError(
          `回复已于${spokenClose(rsvpClosesAt(m!, invitation), this.settings.timeZone, now)}截止，如需请假，${meetingContactWords(m!)}`,
          [{ path: 'contact', message: meetingContactWords(m!) }],
          'rsvp_closed',
        )
    }
  }

  /**
   * Each refusal says what is true now and what to do; one of more than one sentence ends each with 。, the last too (it
   * is read as a paragraph on the check-in page, not as a short notice). An invitee's refusals name the meeting
   * (details: meetingId) so the page at the door can open it or, for a second scan, show the
   * check-in that stands.
   */
  private checkInError(refusal: CheckInRefusal, m: MeetingRecord | null, invitation: MeetingInvitee | null, now: Date): AppError {
    const tz = this.settings.timeZone
    const meeting = m ? [{ path: 'meetingId', message: m.id }] : []
    switch (refusal) {
      case 'not_invited':
        return new NotFoundError(NOT_ON_THE_LIST)
      case 'meeting_cancelled':
        return new ConflictError('这次会议已经取消，不用签到。', meeting, 'meeting_cancelled')
      case 'already_checked_in':
        return new ConflictError('您已签到，无需重复签到', meeting, 'already_checked_in')
      case 'no_longer_invited': {
        // He moved away (or left office) before it: not expected here, so his scan is not counted. What can still be done
        // is said, and by whom: before the start the office can name him again (增加参会人员), and then he scans; once it
        // has begun nobody can add him or enter him (补签), so he is not sent to staff at the door who cannot help.
        const why = invitation?.withdrawn ? withdrawalLabel(invitation.withdrawn) : '已调离'
        const head = `您${why}，不在这次会议的参会名单上了，扫码签到不会记入`
        const contact = meetingContactWords(m!)
        if (invitation?.withdrawn?.reason !== 'left_office' && now < m!.startAt)
          return new ConflictError(
            `${head}。如果您仍要参加，请在会议开始前${contact.replace(/^请/, '')}，请工作人员把您重新加入参会名单，加入后再扫一次码。`,
            meeting,
            'no_longer_invited',
          )
        const begun = now >= m!.startAt ? '会议已经开始，不能再加入名单，也不能补签。' : ''
        return new ConflictError(`${head}。${begun}如有疑问，${contact}。`, meeting, 'no_longer_invited')
      }
      case 'check_in_not_open': {
        // A clock time, not "60 minutes before": the deputy at the door, or the day before, knows when to come back.
        // Said as his notice says times (spokenMoment, spokenMeetingTime), the meeting's time in a sentence of its own:
        // it carries its own brackets (（星期四）), so never inside another pair.
        const opensAt = spokenMoment(checkInOpensAt(m!, this.settings.checkInOpensMinutesBefore), tz, now)
        return new ConflictError(
          `还没到签到时间，${opensAt}开始签到。会议时间：${spokenMeetingTime(m!.startAt, m!.endAt, tz, now)}。到时请再扫一次会场的签到二维码。`,
          meeting,
          'check_in_not_open',
        )
      }
      case 'check_in_closed':
        // Whom to ask, by name and phone (or the office by name), for a 补签: the door's staff have gone by now.
        return new ConflictError(
          `会议已于${spokenClose(m!.endAt, tz, now)}结束，签到已关闭。如果您到了会，${lateCheckInWords(m!)}。`,
          meeting,
          'check_in_closed',
        )
    }
  }
}
