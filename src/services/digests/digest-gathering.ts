import type { Clock } from '../../clock.js'
import { DEPUTY_LOAD_STATUSES, nextDeadline, type CaseRecord } from '../../domain/case.js'
import { ackLate, waitingLate } from '../../domain/case-stats.js'
import { deputyGist } from '../../domain/deputy-gist.js'
import { composeDigest, DIGEST_EXCERPT_MAX, type Digest, type DigestAway, type DigestMeeting, type DigestQuiz, type DigestSurvey } from '../../domain/digest.js'
import { isAwayOn } from '../../domain/deputy-away.js'
import { awaitsAnswer, type MeetingRecord } from '../../domain/meeting.js'
import { rsvpClosesAt, rsvpRefusal } from '../../domain/meeting-timing.js'
import type { QuizRecord } from '../../domain/quiz.js'
import type { SurveyRecord } from '../../domain/survey.js'
import type { QuietHours } from '../../domain/quiet-hours.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import type { CalendarSource } from '../calendar/calendar.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { DeputyReading, ReadingDigest } from '../campaigns/reading-digest.js'
import type { SurveyResponses } from '../surveys/survey-responses.js'
import type { QuizTaking } from '../quizzes/quiz-taking.js'

export interface DigestSettings {
  timeZone: string
  /** HH:MM local time when digests go out unless a deputy chose another. */
  sendAt: string
  /** Messages a minute each channel delivers, for the expected finishing time. */
  channelPerMinute: Record<string, number>
  /** The outbox's quiet hours: a digest time inside them would only be held until they end. */
  quietHours: QuietHours
}

const WEEK_MS = 7 * 86_400_000
/** A notice due this long ago and not sent is stuck, not going out with the digest. */
const RELEASE_MS = 60 * 60_000
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
 * What goes into a deputy's digest: his open messages, his meetings of the week, the ballots, surveys and quizzes
 * he owes, his 暂停接收留言, read for all the deputies at once; DigestService (digests.ts) makes and sends it.
 */
export class DigestGathering {
  protected readonly store: Pick<Store, 'cases' | 'digests' | 'meetings' | 'mpUsers' | 'outbox' | 'surveys'>
  protected readonly directory: DirectoryCache
  protected readonly reading: ReadingDigest
  protected readonly settings: DigestSettings
  protected readonly clock: Clock
  protected readonly responses: Pick<SurveyResponses, 'deputyKeys'>
  protected readonly calendar: CalendarSource
  protected readonly quizzes: Pick<QuizTaking, 'owedByDeputies'>

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

  protected async gather(now: Date, seen?: Seen): Promise<Gathered> {
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
  protected since(deputyId: string, now: Date, g: Gathered) {
    return g.lastMade[deputyId] ?? new Date(now.getTime() - 86_400_000)
  }

  /**
   * The new messages (since each deputy's last digest) whose own notice already reached him, or goes
   * out now, in the same morning release as the digest (a message written at 22:30 waits with its
   * notice till 08:00): their notice keys. The digest lists them among his work with their deadlines,
   * but does not announce them again as new. One read for all the deputies given.
   */
  protected async toldOnTheirOwn(deputyIds: string[], now: Date, g: Gathered): Promise<Set<string>> {
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

  protected async compose(
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
        const [overdue, ackLateNow] = [waitingLate(c, now), ackLate(c, now)]
        return {
          ticket: c.ticket,
          topic: c.topic,
          // As his notices quote her (deputyGist): the digest is read in the same chat, forwarded and over shoulders.
          excerpt: deputyGist(c.text, DIGEST_EXCERPT_MAX),
          // 逾期 as the office counts 超期: past the reply deadline; a late 受理 is said apart (ackLate), never both.
          overdue,
          ackLate: ackLateNow,
          // The deadline it is late against, as his workbench counts its days (deputyCaseDue): the answer's once that passed.
          lateSince: overdue ? c.replyDueAt : ackLateNow ? c.ackDueAt : undefined,
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
}

/** The notice of a new message to the deputy it was written to (case-submission.ts: caseMessage's key). */
const newCaseNoticeKey = (caseId: string, deputyId: string) => `case:${caseId}:submitted:deputy:${deputyId}`
