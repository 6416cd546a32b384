import type { Clock } from '../clock.js'
import { DEPUTY_LOAD_STATUSES, type CaseRecord } from '../domain/case.js'
import { urgedCaseIds } from '../domain/case-urging.js'
import { campaignPhase, isLive, type ReadingItem } from '../domain/campaign.js'
import { awaitsAnswer } from '../domain/meeting.js'
import { rsvpClosesAt, rsvpRefusal } from '../domain/meeting-timing.js'
import { quizClosesText, type AttemptRecord, type QuizRecord } from '../domain/quiz.js'
import type { SurveyRecord } from '../domain/survey.js'
import { ANSWER_CATEGORY_LABELS, latestLeadAnswer, type SuggestionRecord } from '../domain/suggestion.js'
import { inviteeAnswer } from '../domain/suggestion-cosign.js'
import { lastOpenMoment } from '../domain/due-date-text.js'
import { localDate } from '../domain/dates.js'
import { awayDeputyLine, awayState } from '../domain/deputy-away.js'
import { deputyCaseDue, deputyCaseTodo, dueWords, meetingDayWords, type DueState } from '../domain/tasks.js'
import { spokenDeadline, spokenMoment } from '../domain/spoken-dates.js'
import type { Store } from '../store/ports.js'
import { readerOf } from './campaigns/campaign-reading.js'
import { handedToHim } from './cases/deputy-hand-ons.js'
import type { Invitation } from './meetings/meeting-invitations.js'
import type { MpPrincipal } from './accounts/mp-sessions.js'
import type { QuizTaking } from './quizzes/quiz-taking.js'
import type { SurveyResponses } from './surveys/survey-responses.js'

/** A deadline as the person reads it, worked out on the server. */
export interface Due {
  at: Date
  state: DueState
  words: string
}

export interface CaseTask {
  case: CaseRecord
  /** What the person has to do: a deputy acknowledges or replies; a resident rates the answer. */
  action: 'acknowledge' | 'reply' | 'rate'
  due: Due | null
  /** His: the act and its deadline in one line ("请在11月24日（星期二）上午10:00前受理，明天到期", deputyCaseTodo); null for a resident's. */
  todo: string | null
  /** The station pressed the deputy holding it (催办) in this round: his 待办 says 已催办. */
  urged: boolean
  /**
   * A new message (not yet acknowledged) a colleague handed him (转交): by name, and whether it was his before
   * (`back`: 交回). His 待办 says so, as his notice did, not "新留言". Null otherwise.
   */
  handedBy: { name: string; back: boolean } | null
}
export interface MeetingTask {
  invitation: Invitation
  /** Answers close then. */
  due: Due
  /** "12月8日（星期二）上午9:00": when it starts, as people say it. */
  startText: string
  /** "今天开会", "明天开会", "2天后开会". */
  dayWords: string
  /** "12月7日（星期一）下午5:00前": when answers close, when that is before the meeting starts; null when they close at its start. */
  rsvpByText: string | null
}
export interface SurveyTask {
  survey: SurveyRecord
  due: Due
  /** "12月19日前（含当日）": when it closes, as the digest says it. */
  closesText: string
}
export interface QuizTask {
  quiz: QuizRecord
  /** An attempt started and not yet submitted, to continue. */
  openAttempt: AttemptRecord | null
  due: Due
  /** "12月19日前（含当日）": when it closes, as the digest says it. */
  closesText: string
}
export interface ReadingTask {
  item: ReadingItem
  campaignTitle: string
}
/**
 * A 代表建议 waiting on him: his own answered by its unit (or its promised work reported done), to rate; or one a
 * colleague asked him by name to co-sign, not yet answered. `text` says which, in his words.
 */
export interface SuggestionTask {
  suggestion: SuggestionRecord
  action: 'rate' | 'cosign'
  text: string
}

/** A deputy's 暂停接收留言 mark while it stands (now or ahead): the dates, and his workbench's line about it. */
export interface AwayNote {
  from: string
  until: string
  /** Away today; false: the mark starts later. */
  now: boolean
  text: string
}

export interface TaskList {
  role: 'deputy' | 'resident'
  /** His 暂停接收留言 mark, now or ahead, that staff set: null when there is none (and for a resident). */
  away: AwayNote | null
  cases: CaseTask[]
  meetings: MeetingTask[]
  ballots: SurveyTask[]
  surveys: SurveyTask[]
  quizzes: QuizTask[]
  reading: ReadingTask[]
  /** A deputy's 代表建议 to rate or to answer a co-signing request of; [] for a resident. */
  suggestions: SuggestionTask[]
}

const LIST_MAX = 100

/** What TaskListService is built from (one object: the parameters are many). */
export interface TaskListServiceDeps {
  store: Pick<Store, 'campaigns' | 'cases' | 'deputies' | 'meetings' | 'surveys' | 'suggestions'>
  responses: Pick<SurveyResponses, 'respondentKey'>
  quizzes: Pick<QuizTaking, 'owedTo'>
  clock: Clock
  settings: { timeZone: string }
}

/**
 * 我的待办: everything waiting for the person in the mini-program, gathered from each area
 * with the same rules those areas apply. A deputy: their open cases by deadline, meetings to
 * answer, ballots on whose roll they are, surveys and quizzes open to them, required reading
 * not yet opened. A resident: replies to rate, surveys and quizzes open to residents, required
 * reading of the campaigns they follow.
 */
export class TaskListService {
  private readonly store: Pick<Store, 'campaigns' | 'cases' | 'deputies' | 'meetings' | 'surveys' | 'suggestions'>
  private readonly responses: Pick<SurveyResponses, 'respondentKey'>
  private readonly quizzes: Pick<QuizTaking, 'owedTo'>
  private readonly clock: Clock
  private readonly settings: { timeZone: string }

  constructor(deps: TaskListServiceDeps) {
    ;({ store: this.store, responses: this.responses, quizzes: this.quizzes, clock: this.clock, settings: this.settings } = deps)
  }

  async forPerson(p: MpPrincipal): Promise<TaskList> {
    const now = this.clock.now()
    const { timeZone } = this.settings
    const due = (at: Date): Due => ({ at, ...dueWords(at, now, timeZone) })
    // A close at 00:00 ends the day before: its days are counted to that day, as its words say. Said as the quiz
    // beside it is ("11月30日（星期一）晚上6:00前"): one way of saying a time on one page.
    const closing = (at: Date) => ({ due: { at, ...dueWords(lastOpenMoment(at, timeZone), now, timeZone) }, closesText: spokenDeadline(at, timeZone, now) })
    const [cases, meetings, open, quizzes, reading, away, suggestions] = await Promise.all([
      this.cases(p, now, timeZone),
      this.meetings(p, now, due, timeZone),
      this.store.surveys.openAt(now),
      this.quizzes.owedTo(p, { at: now }),
      this.reading(p),
      this.away(p, localDate(now, timeZone)),
      this.suggestions(p, now, timeZone),
    ])
    const owed = await Promise.all(open.map(async (s) => ((await this.owes(p, s)) ? s : null)))
    const surveys = owed.filter((s): s is SurveyRecord => !!s)
    return {
      role: p.deputyId ? 'deputy' : 'resident',
      away,
      cases,
      meetings,
      ballots: surveys.filter((s) => s.kind === 'ballot').map((s) => ({ survey: s, ...closing(s.closesAt) })),
      surveys: surveys.filter((s) => s.kind !== 'ballot').map((s) => ({ survey: s, ...closing(s.closesAt) })),
      // Done once a paper is in, or when none can be started: QuizTaking.owedTo judges it, for the digest too.
      // Its close said as the quiz page says it (quizClosesText), not as a survey's.
      quizzes: quizzes.map(({ quiz, openAttempt }) => ({ quiz, openAttempt, ...closing(quiz.closesAt), closesText: quizClosesText(quiz, timeZone, now) })),
      reading,
      suggestions,
    }
  }

  /**
   * His own suggestions answered and waiting for his rating (else he learns of it only by opening 我的建议), and
   * those he was asked by name to co-sign and has not answered while co-signing is open. A few at a time: co-signing
   * ones are read across the city (a few hundred suggestions a year) and sorted out here.
   */
  private async suggestions(p: MpPrincipal, now: Date, timeZone: string): Promise<SuggestionTask[]> {
    if (!p.deputyId) return []
    const me = p.deputyId
    const [answered, cosigning] = await Promise.all([
      this.store.suggestions.all({ deputyId: me, statuses: ['answered'] }),
      this.store.suggestions.all({ cosignOpenAt: now, notDeputyId: me }),
    ])
    const rate = answered
      .filter((s) => s.deputy.id === me)
      .map((s): SuggestionTask => {
        const a = latestLeadAnswer(s)
        // A second rating in the round: the unit reported the promised work done (following).
        const again = s.ratings.some((r) => r.round === s.round)
        const category = a?.category ? ANSWER_CATEGORY_LABELS[a.category] : ''
        const text = again
          ? `${a?.unit.name ?? '承办单位'}报告已经办完（${category}），请再评价一次`
          : `${a?.unit.name ?? '承办单位'}已答复（${category}），请评价`
        return { suggestion: s, action: 'rate', text }
      })
    const asked = cosigning
      .filter((s) => s.invitees.some((i) => i.deputyId === me && inviteeAnswer(s, i) === 'waiting'))
      .map((s): SuggestionTask => ({
        suggestion: s,
        action: 'cosign',
        text: `${s.deputy.name}代表请您附议，请在${spokenDeadline(s.cosignUntil!, timeZone, now)}回复`,
      }))
    return [...rate, ...asked]
  }

  /** Whether this person is asked to answer the survey and has not: a ballot only its roll, a survey for named deputies only them, anything else whoever may open it. */
  private async owes(p: MpPrincipal, s: SurveyRecord): Promise<boolean> {
    if (s.kind === 'ballot' && !(p.deputyId && s.ballot?.rollDeputyIds.includes(p.deputyId))) return false
    // A survey for named deputies refuses everyone else (not_in_audience), residents included.
    if (s.audienceDeputyIds && !(p.deputyId && s.audienceDeputyIds.includes(p.deputyId))) return false
    return !(await this.store.surveys.hasResponded(s.id, this.responses.respondentKey(s, p)))
  }

  /** His 暂停接收留言 mark as his workbench says it, while it stands: he is told it, not only the residents. */
  private async away(p: MpPrincipal, today: string): Promise<AwayNote | null> {
    if (!p.deputyId) return null
    const away = (await this.store.deputies.get(p.deputyId))?.away
    const text = awayDeputyLine(away, today)
    return away && text ? { from: away.from, until: away.until, now: awayState(away, today) === 'now', text } : null
  }

  private async cases(p: MpPrincipal, now: Date, timeZone: string): Promise<CaseTask[]> {
    if (p.deputyId) {
      const page = await this.store.cases.search({ deputyId: p.deputyId, statuses: [...DEPUTY_LOAD_STATUSES], order: 'due', limit: LIST_MAX })
      // One read for all his open cases; an urge made to whoever held one before him presses him not.
      const [urges, handed] = await Promise.all([this.store.cases.latestUrges(page.items.map((c) => c.id)), handedToHim(this.store, p.deputyId, page.items)])
      const urged = urgedCaseIds(urges, p.deputyId)
      return page.items.map((c): CaseTask => {
        // 已超期 only past the reply deadline, as the office counts it; a late 受理 in its own words (deputyCaseDue).
        const due = deputyCaseDue(c, now, timeZone)
        return {
          case: c,
          action: c.acknowledgedAt && c.status !== 'assigned' ? 'reply' : 'acknowledge',
          due,
          todo: deputyCaseTodo(c, now, timeZone, due),
          urged: urged.has(c.id),
          handedBy: handed.get(c.id) ?? null,
        }
      })
    }
    const page = await this.store.cases.search({ residentId: p.id, statuses: ['replied'], limit: LIST_MAX })
    return page.items.map((c): CaseTask => ({ case: c, action: 'rate', due: null, todo: null, urged: false, handedBy: null }))
  }

  private async meetings(p: MpPrincipal, now: Date, due: (at: Date) => Due, timeZone: string): Promise<MeetingTask[]> {
    if (!p.deputyId) return []
    const invitations = await this.store.meetings.invitationsOf({ kind: 'deputy', id: p.deputyId }, { statuses: ['published'], endFrom: now })
    // Whoever checked in answered by coming (awaitsAnswer): his 待办 does not ask the man sitting in the room.
    return invitations
      .filter((x) => awaitsAnswer(x.invitation) && !rsvpRefusal(x.meeting, x.invitation, now))
      .map((x) => {
        const closes = rsvpClosesAt(x.meeting, x.invitation)
        return {
          invitation: x,
          due: due(closes),
          startText: spokenMoment(x.meeting.startAt, timeZone, now),
          dayWords: meetingDayWords(x.meeting.startAt, now, timeZone),
          rsvpByText: closes.getTime() < x.meeting.startAt.getTime() ? spokenDeadline(closes, timeZone, now) : null,
        }
      })
  }

  /** Required items that reached the person and that they have not opened, newest first. */
  private async reading(p: MpPrincipal): Promise<ReadingTask[]> {
    const reader = readerOf(p)
    const reach = await this.store.campaigns.reachFor(reader, {})
    if (!reach.length) return []
    const ids = reach.map((r) => r.itemId)
    const read = new Set((await this.store.campaigns.readsFor(reader, ids)).map((r) => r.itemId))
    const unread = (await this.store.campaigns.getItems(ids.filter((id) => !read.has(id)))).filter((i) => i.required && isLive(i))
    const campaigns = await this.store.campaigns.getMany([...new Set(unread.map((i) => i.campaignId))])
    // Once a campaign has ended its reading is no longer asked of anyone (the digest's rule too).
    const titles = new Map(campaigns.filter((c) => campaignPhase(c, this.clock.now()) !== 'ended').map((c) => [c.id, c.title]))
    const items = unread.filter((i) => titles.has(i.campaignId))
    return items
      .sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime() || a.id.localeCompare(b.id))
      .map((item) => ({ item, campaignTitle: titles.get(item.campaignId)! }))
  }
}
