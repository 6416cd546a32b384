import type { Clock } from '../../clock.js'
import { DEPUTY_LOAD_STATUSES, nextDeadline, type CaseRecord } from '../../domain/case.js'
import { ackLate, waitingLate } from '../../domain/case-stats.js'
import { canSeeCase } from '../../domain/case-access.js'
import { startOfLocalDate } from '../../domain/business-calendar.js'
import { localDate } from '../../domain/dates.js'
import { deputyGist } from '../../domain/deputy-gist.js'
import { composeDigest, DIGEST_EXCERPT_MAX, type Digest, type DigestAway, type DigestMeeting, type DigestQuiz, type DigestSurvey } from '../../domain/digest.js'
import { isAwayOn } from '../../domain/deputy-away.js'
import { awaitsAnswer, canFollowMeeting, rsvpClosesAt, rsvpRefusal, type MeetingRecord } from '../../domain/meeting.js'
import type { QuizRecord } from '../../domain/quiz.js'
import type { SurveyRecord } from '../../domain/survey.js'
import { inSendWindow, isQuietTime, sendWindow, type QuietHours } from '../../domain/quiet-hours.js'
import { NotFoundError, UnprocessableError } from '../../errors.js'
import type { DigestPreferences, OutboxMessage, Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { CalendarSource } from '../calendar/calendar.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { DeputyReading, ReadingDigest } from '../campaigns/reading-digest.js'
import type { SurveyResponses } from '../surveys/survey-responses.js'
import type { QuizTaking } from '../quizzes/quiz-taking.js'
import { outboxMessage } from '../delivery/outbox-message.js'

export interface DigestSettings {
  timeZone: string
  /** HH:MM local time when digests go out unless a deputy chose another. */
  sendAt: string
  /** Messages a minute each channel delivers, for the expected finishing time. */
  channelPerMinute: Record<string, number>
  /** The outbox's quiet hours: a digest time inside them would only be held until they end. */
  quietHours: QuietHours
}

export const DEFAULT_PREFERENCES: DigestPreferences = { channels: [], sendAt: null, muteWeekends: false }
/** The ways a deputy may choose for their digest: personal ones (a group is never a way to a person). */
export const DIGEST_CHANNELS = ['mp_subscribe', 'bot_private'] as const

/**
 * Preferences as stored, made to what can be kept. Older versions offered the station's WeCom
 * group, which never reaches a person: a choice of only that would leave every digest
 * undeliverable, so it is dropped, and an empty list means the office's order, as always. They
 * also took a time within quiet hours, when the digest would only wait (and a 21:30 digest held
 * till the next morning would say yesterday's date on a muted Saturday): it goes when they end.
 */
function usable(p: DigestPreferences | null | undefined, quiet: QuietHours): DigestPreferences {
  if (!p) return DEFAULT_PREFERENCES
  const channels = p.channels.filter((c) => (DIGEST_CHANNELS as readonly string[]).includes(c))
  const sendAt = p.sendAt ? keptTime(p.sendAt, quiet) : p.sendAt
  return channels.length === p.channels.length && sendAt === p.sendAt ? p : { ...p, channels, sendAt }
}
/** A time outside the send window as it can be kept: inside quiet hours, their end; just before them, the window's last minute. */
function keptTime(at: string, quiet: QuietHours): string {
  const window = sendWindow(quiet)
  if (!window || inSendWindow(at, window)) return at
  return isQuietTime(at, quiet) ? quiet.end : window.to
}
const WEEK_MS = 7 * 86_400_000
/** A notice due this long ago and not sent is stuck, not going out with the digest. */
const RELEASE_MS = 60 * 60_000
/** Deputies whose digests are made together: reading read in one go, recorded in one write. */
const CHUNK = 500

/** What is waiting for every deputy this morning, gathered with a handful of queries for all of them. */
/** What a console reader of a preview may open; the digest sent has everything of the deputy's. */
interface Seen {
  case: (c: CaseRecord) => boolean
  meeting: (m: MeetingRecord) => boolean
}

interface Gathered {
  openCases: Map<string, CaseRecord[]>
  meetings: Map<string, DigestMeeting[]>
  lastMade: Record<string, Date>
  /** Open ballots with the keys of those who voted (one read per ballot for every deputy). */
  ballots: Array<{ survey: SurveyRecord; voted: Set<string> }>
  /** Open surveys other than ballots. */
  surveys: SurveyRecord[]
  /** The open quizzes each deputy has still to do (QuizTaking.owedByDeputies: read once for every deputy, judged without a read). */
  quizzesOwed: (deputyId: string) => QuizRecord[]
}

/** What DigestService is built from (one object: the parameters are many). */
export interface DigestServiceDeps {
  store: Pick<Store, 'cases' | 'digests' | 'meetings' | 'mpUsers' | 'outbox' | 'surveys'>
  directory: DirectoryCache
  reading: ReadingDigest
  settings: DigestSettings
  clock: Clock
  responses: Pick<SurveyResponses, 'deputyKeys'>
  /** The SLA clock's calendar: 休息日不发送 means its days off, 调休 Saturdays worked and holiday weekdays off. */
  calendar: CalendarSource
  /** Which open quizzes each deputy has still to do, as 我的待办 judges it. */
  quizzes: Pick<QuizTaking, 'owedByDeputies'>
}

/**
 * The deputies' daily digest: built for everyone whose time has come, recorded once per
 * deputy per day together with its outbox message (a re-run, or a second instance, finds
 * it done), and delivered through the channels each deputy chose, in their order.
 */
export class DigestService {
  private readonly store: Pick<Store, 'cases' | 'digests' | 'meetings' | 'mpUsers' | 'outbox' | 'surveys'>
  private readonly directory: DirectoryCache
  private readonly reading: ReadingDigest
  private readonly settings: DigestSettings
  private readonly clock: Clock
  private readonly responses: Pick<SurveyResponses, 'deputyKeys'>
  private readonly calendar: CalendarSource
  private readonly quizzes: Pick<QuizTaking, 'owedByDeputies'>

  constructor(deps: DigestServiceDeps) {
    ;({
      store: this.store,
      directory: this.directory,
      reading: this.reading,
      settings: this.settings,
      clock: this.clock,
      responses: this.responses,
      calendar: this.calendar,
      quizzes: this.quizzes,
    } = deps)
  }

  /** One run of the digest job: returns how many digests were made now. */
  async buildDue(): Promise<{ day: string; made: number; skipped: number }> {
    const now = this.clock.now()
    const day = localDate(now, this.settings.timeZone)
    // Things fall due on a 调休 Saturday and wait over a holiday Monday: the office's days off, not the weekday.
    const dayOff = !(await this.calendar.current()).isWorkingDay(day)
    const [prepared, preferences, done] = await Promise.all([this.directory.prepared(), this.store.digests.allPreferences(), this.store.digests.sentOn(day)])
    const sent = new Set(done)
    const midnight = startOfLocalDate(day, this.settings.timeZone).getTime()
    const due = [...prepared.deputies.values()].filter((d) => {
      // A deputy who has left office has no work to be told of.
      if (!d.active || sent.has(d.id)) return false
      const p = usable(preferences[d.id], this.settings.quietHours)
      if (dayOff && p.muteWeekends) return false
      return now.getTime() >= midnight + minutesOf(this.sendAt(p)) * 60_000
    })
    if (!due.length) return { day, made: 0, skipped: 0 }
    const gathered = await this.gather(now)
    let made = 0
    let skipped = 0
    // A chunk of deputies at a time: their reading is read together, their digests recorded in one write.
    for (let i = 0; i < due.length; i += CHUNK) {
      const chunk = due.slice(i, i + CHUNK)
      const reading = await this.reading.forDeputies(
        chunk.map((d) => d.id),
        (id) => this.since(id, now, gathered),
      )
      const batch: Array<{ deputyId: string; message: OutboxMessage }> = []
      const told = await this.toldOnTheirOwn(
        chunk.map((d) => d.id),
        now,
        gathered,
      )
      for (const deputy of chunk) {
        const digest = await this.compose(deputy.id, deputy.name, day, now, gathered, reading.get(deputy.id)!, told)
        if (!digest) {
          skipped++
          continue
        }
        batch.push({ deputyId: deputy.id, message: this.message(deputy.id, day, digest, usable(preferences[deputy.id], this.settings.quietHours), now) })
      }
      if (batch.length) made += await this.store.digests.record(day, batch, now)
    }
    return { day, made, skipped }
  }

  /**
   * Any deputy's digest for any date, as it would read at that day's sending time; nothing is
   * recorded. Read by a console user, it holds only the messages and meetings that user may
   * open: a deputy of stations in two districts gets both districts' in the digest itself,
   * but one district's organizer previewing it never reads the other's residents' words.
   */
  async preview(deputyId: string, day: string, reader?: StaffPrincipal) {
    const deputy = (await this.directory.prepared()).deputies.get(deputyId)
    if (!deputy) throw new NotFoundError('代表不存在')
    const preferences = usable(await this.store.digests.preferences(deputyId), this.settings.quietHours)
    const at = new Date(startOfLocalDate(day, this.settings.timeZone).getTime() + minutesOf(this.sendAt(preferences)) * 60_000)
    const scope = reader && (await this.directory.scopeOf(reader))
    const viewer = reader && (await this.directory.caseViewer(reader))
    const gathered = await this.gather(at, viewer && scope && { case: (c) => canSeeCase(viewer, c), meeting: (m) => canFollowMeeting(m, scope) })
    const reading = await this.reading.forDeputies([deputyId], (id) => this.since(id, at, gathered))
    return this.compose(deputyId, deputy.name, day, at, gathered, reading.get(deputyId)!, await this.toldOnTheirOwn([deputyId], at, gathered))
  }

  /**
   * A deputy's choices as they take effect, with the times of day a digest may be sent and the station's own time
   * (stationSendAt, "07:00"): the page says 按联络站统一时间（07:00）, not a time he must guess.
   */
  async preferences(deputyId: string) {
    return {
      ...usable(await this.store.digests.preferences(deputyId), this.settings.quietHours),
      sendWindow: sendWindow(this.settings.quietHours),
      stationSendAt: this.sendAt(DEFAULT_PREFERENCES),
    }
  }

  async savePreferences(deputyId: string, preferences: DigestPreferences) {
    const window = sendWindow(this.settings.quietHours)
    if (preferences.sendAt && window && !inSendWindow(preferences.sendAt, window)) {
      const { start, end } = this.settings.quietHours
      const words = `发送时间请选 ${window.from}–${window.to}（${start} 至${start > end ? '次日 ' : ' '}${end} 夜间免打扰，不发消息）`
      throw new UnprocessableError(words, [{ path: 'body.sendAt', message: words }], 'send_time_quiet')
    }
    await this.store.digests.savePreferences(deputyId, preferences, this.clock.now())
    return { ...preferences, sendWindow: window, stationSendAt: this.sendAt(DEFAULT_PREFERENCES) }
  }

  /**
   * Where a day's digests are: counts per channel and state, and when each channel should
   * be done at its rate (9,000 digests can never all go through the bot quickly).
   */
  async delivery(day: string) {
    const byChannel: Record<string, Record<string, number>> = {}
    let cursor: string | null = null
    do {
      const page: Awaited<ReturnType<Store['outbox']['search']>> = await this.store.outbox.search({ kind: 'digest', limit: 100, cursor })
      for (const m of page.items) {
        if ((m.payload as { day?: string }).day !== day) continue
        const counts = (byChannel[m.channel] ??= {})
        counts[m.status] = (counts[m.status] ?? 0) + 1
      }
      cursor = page.nextCursor
    } while (cursor)
    const now = this.clock.now()
    return Object.entries(byChannel).map(([channel, counts]) => {
      const waiting = (counts.pending ?? 0) + (counts.sending ?? 0) + (counts.failed ?? 0)
      const perMinute = this.settings.channelPerMinute[channel]
      return {
        channel,
        counts,
        expectedDoneAt: waiting === 0 ? now.toISOString() : perMinute ? new Date(now.getTime() + Math.ceil(waiting / perMinute) * 60_000).toISOString() : null,
      }
    })
  }

  /** When a deputy's digest is made: their time, else the office's, kept out of quiet hours. */
  private sendAt(p: DigestPreferences) {
    return keptTime(p.sendAt ?? this.settings.sendAt, this.settings.quietHours)
  }

  private async gather(now: Date, seen?: Seen): Promise<Gathered> {
    const openCases = new Map<string, CaseRecord[]>()
    for (const c of await this.store.cases.listOpen()) {
      if (!c.deputyId || !DEPUTY_LOAD_STATUSES.includes(c.status) || (seen && !seen.case(c))) continue
      const list = openCases.get(c.deputyId)
      if (list) list.push(c)
      else openCases.set(c.deputyId, [c])
    }
    const weekEnd = now.getTime() + WEEK_MS
    const weekEndAt = new Date(weekEnd)
    // The week's meetings, and those further off whose answers are due within it (a meeting called ten days ahead,
    // answers due in three): he is told while he can still answer, not first on the morning after the deadline.
    // Two reads bounded by the week's end: a city that publishes its year of 接待日 is not read whole every morning.
    // A deadline already past owes nothing, and one invited late answers until the start, beyond the week.
    const [thisWeek, answersDue] = await Promise.all([
      this.store.meetings.list({ statuses: ['published'], startFrom: now, startTo: weekEndAt }),
      this.store.meetings.list({ statuses: ['published'], startFrom: weekEndAt, rsvpDeadlineFrom: now, rsvpDeadlineTo: weekEndAt }),
    ])
    const published = [...thisWeek, ...answersDue]
    const upcoming = seen ? published.filter(seen.meeting) : published
    const byId = new Map(upcoming.map((m) => [m.id, m]))
    const meetings = new Map<string, DigestMeeting[]>()
    for (const invitee of upcoming.length ? await this.store.meetings.invitees(upcoming.map((m) => m.id)) : []) {
      const meeting = byId.get(invitee.meetingId)
      // Not a meeting he is no longer expected at (moved to another station, left office): it is not his to go to.
      if (invitee.personKind !== 'deputy' || !meeting || invitee.withdrawn) continue
      // Owed only while the RSVP would take it, as 我的待办 judges it: never "please answer" past the deadline.
      const rsvpOwed = awaitsAnswer(invitee) && !rsvpRefusal(meeting, invitee, now)
      const closes = rsvpClosesAt(meeting, invitee)
      const answerOnly = meeting.startAt.getTime() >= weekEnd
      // Beyond the week only for an answer owed and due within it (someone invited late answers until the start).
      if (answerOnly && !(rsvpOwed && closes.getTime() < weekEnd)) continue
      // Listed with what he answered (已回复参加, 已请假, 还没回复): a meeting he excused himself from is still his to know of.
      const entry: DigestMeeting = {
        title: meeting.title,
        startsAt: meeting.startAt,
        place: meeting.place,
        rsvp: invitee.rsvp,
        rsvpOwed,
        checkedIn: !!invitee.checkedInAt,
        rsvpBy: closes.getTime() < meeting.startAt.getTime() ? closes : null,
        answerOnly,
      }
      const list = meetings.get(invitee.personId)
      if (list) list.push(entry)
      else meetings.set(invitee.personId, [entry])
    }
    const open = await this.store.surveys.openAt(now)
    const ballots = await Promise.all(
      open
        .filter((s) => s.kind === 'ballot')
        .map(async (survey) => ({
          survey,
          voted: new Set((await this.store.surveys.responses(survey.id)).map((r) => r.respondentKey)),
        })),
    )
    return {
      openCases,
      meetings,
      lastMade: await this.store.digests.lastMade(),
      ballots,
      surveys: open.filter((s) => s.kind !== 'ballot'),
      quizzesOwed: await this.quizzes.owedByDeputies(now),
    }
  }

  /** Ballots on whose roll the deputy is and has not voted; surveys open to them that their mini-program account has not answered. */
  private async surveysOwed(deputyId: string, g: Gathered): Promise<DigestSurvey[]> {
    const owed: DigestSurvey[] = []
    for (const { survey, voted } of g.ballots) {
      if (survey.ballot?.rollDeputyIds.includes(deputyId) && !this.responses.deputyKeys(survey, deputyId, []).some((k) => voted.has(k))) {
        owed.push({ title: survey.title, ballot: true, closesAt: survey.closesAt })
      }
    }
    if (!g.surveys.length) return owed
    const accounts = await this.store.mpUsers.listByDeputyId(deputyId)
    for (const survey of g.surveys) {
      // Addressed to named deputies: the others would be told to fill in what refuses them.
      if (survey.audienceDeputyIds && !survey.audienceDeputyIds.includes(deputyId)) continue
      let answered = false
      for (const key of this.responses.deputyKeys(survey, deputyId, accounts)) answered ||= await this.store.surveys.hasResponded(survey.id, key)
      if (!answered) owed.push({ title: survey.title, ballot: false, closesAt: survey.closesAt })
    }
    return owed
  }

  /** The open quizzes he has still to do, judged as 我的待办 judges them, on the quizzes and attempts read once for all. */
  private quizzesOwed(deputyId: string, g: Gathered): DigestQuiz[] {
    return g.quizzesOwed(deputyId).map((quiz) => ({ title: quiz.title, closesAt: quiz.closesAt }))
  }

  /** New since the deputy's last digest, or the last day for a first one. */
  private since(deputyId: string, now: Date, g: Gathered) {
    return g.lastMade[deputyId] ?? new Date(now.getTime() - 86_400_000)
  }

  /**
   * The new messages (since each deputy's last digest) whose own notice already reached him, or goes
   * out now, in the same morning release as the digest (a message written at 22:30 waits with its
   * notice till 08:00): their notice keys. The digest lists them among his work with their deadlines,
   * but does not announce them again as new. One read for all the deputies given.
   */
  private async toldOnTheirOwn(deputyIds: string[], now: Date, g: Gathered): Promise<Set<string>> {
    const keys: string[] = []
    for (const deputyId of deputyIds) {
      const since = this.since(deputyId, now, g)
      for (const c of g.openCases.get(deputyId) ?? []) if (c.createdAt > since) keys.push(newCaseNoticeKey(c.id, deputyId))
    }
    if (!keys.length) return new Set()
    const notices = await this.store.outbox.byDedupeKeys(keys)
    // Sent, or due to go in this very release (not one stuck for long: that one has not reached him).
    const goingNow = (m: OutboxMessage) => m.nextAttemptAt.getTime() <= now.getTime() && m.nextAttemptAt.getTime() > now.getTime() - RELEASE_MS
    const reaching = (m: OutboxMessage) => m.status === 'sent' || ((m.status === 'pending' || m.status === 'sending') && goingNow(m))
    return new Set(notices.filter(reaching).map((m) => m.dedupeKey))
  }

  private async compose(
    deputyId: string,
    name: string,
    day: string,
    now: Date,
    g: Gathered,
    { unread: reading, tasks }: DeputyReading,
    told: Set<string>,
  ): Promise<Digest | null> {
    const since = this.since(deputyId, now, g)
    const surveys = await this.surveysOwed(deputyId, g)
    const quizzes = this.quizzesOwed(deputyId, g)
    return composeDigest({
      deputyName: name,
      date: day,
      timeZone: this.settings.timeZone,
      cases: (g.openCases.get(deputyId) ?? []).map((c) => {
        const due = nextDeadline(c)
        return {
          ticket: c.ticket,
          topic: c.topic,
          // As his notices quote her (deputyGist): the digest is read in the same chat, forwarded and over shoulders.
          excerpt: deputyGist(c.text, DIGEST_EXCERPT_MAX),
          // 逾期 as the office counts 超期: past the reply deadline; a late 受理 is said apart (ackLate), never both.
          overdue: waitingLate(c, now),
          ackLate: ackLate(c, now),
          isNew: c.createdAt > since && !told.has(newCaseNoticeKey(c.id, deputyId)),
          due: due && { at: due, act: c.acknowledgedAt || due.getTime() !== c.ackDueAt.getTime() ? ('reply' as const) : ('acknowledge' as const) },
        }
      }),
      meetings: g.meetings.get(deputyId) ?? [],
      reading: reading.map((r) => ({ title: r.title, required: r.required })),
      tasks: tasks.map((t) => ({ campaign: t.campaignTitle, text: t.itemTitle ? `完成《${t.itemTitle}》学习打卡` : '完成学习打卡' })),
      surveys,
      quizzes,
      away: await this.awayOf(deputyId, day),
    })
  }

  /** His 暂停接收留言 mark if it covers the day, with his station to ask (the first he belongs to), for the digest's line. */
  private async awayOf(deputyId: string, day: string): Promise<DigestAway | null> {
    const prepared = await this.directory.prepared()
    const deputy = prepared.deputies.get(deputyId)
    if (!deputy || !isAwayOn(deputy.away, day)) return null
    const station = deputy.stationIds.map((id) => prepared.stations.get(id)).find((s) => !!s)
    return { until: deputy.away!.until, contact: station?.name ?? '联络站' }
  }

  private message(deputyId: string, day: string, digest: Digest, preferences: DigestPreferences, now: Date): OutboxMessage {
    return outboxMessage({
      to: { kind: 'deputy', id: deputyId },
      kind: 'digest',
      payload: { title: digest.title, text: digest.text, cardText: digest.cardText, day, channels: preferences.channels },
      dedupeKey: `digest:${deputyId}:${day}`,
      at: now,
    })
  }
}

/** The notice of a new message to the deputy it was written to (case-submission.ts: caseMessage's key). */
const newCaseNoticeKey = (caseId: string, deputyId: string) => `case:${caseId}:submitted:deputy:${deputyId}`

function minutesOf(hhmm: string) {
  const [h, m] = hhmm.split(':').map(Number)
  return h * 60 + m
}
