import type { Clock } from '../../clock.js'
import { startOfLocalDate } from '../../domain/business-calendar.js'
import { localDate } from '../../domain/dates.js'
import { deputyYearRecord, type DeputyYearRecord } from '../../domain/deputy-record.js'
import type { ElsewhereCount } from '../../domain/deputy-record-words.js'
import { allDutyDates } from '../../domain/duty-days.js'
import { recordPoints, type PointLine } from '../../domain/record-points.js'
import type { QuizRecord } from '../../domain/quiz.js'
import type { SurveyRecord } from '../../domain/survey.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { SurveyResponses } from '../surveys/survey-responses.js'
import type { PointRules } from './point-rules.js'
import type { RecordScope } from './record-scope.js'

/** The orders of the 履职档案 list: by code, the most points first, the lowest 按时答复 first (none yet last). */
export const RECORD_SORTS = ['code', 'points', 'repliedInTime'] as const
export type RecordSort = (typeof RECORD_SORTS)[number]
/** Ranked by a figure, every record of the scope is counted: up to this many deputies (a district has a few hundred). */
export const RECORDS_RANKED_MAX = 1000

const byCode = (a: DeputyYear, b: DeputyYear) => a.deputy.code.localeCompare(b.deputy.code)
const RANKED: Record<Exclude<RecordSort, 'code'>, (a: DeputyYear, b: DeputyYear) => number> = {
  points: (a, b) => b.points.total - a.points.total || byCode(a, b),
  repliedInTime: (a, b) => (a.record.cases.repliedInTimeShare ?? 2) - (b.record.cases.repliedInTimeShare ?? 2) || byCode(a, b),
}

/** Suggestions (代表建议) made and co-signed, from the suggestions area once it is wired in. */
export interface SuggestionTally {
  forDeputy(deputyId: string, year: number): Promise<{ made: number; coSigned: number }>
}

export interface DeputyYear {
  deputy: { id: string; code: string; name: string; level: string; stationIds: string[] }
  record: DeputyYearRecord
  points: { total: number; lines: PointLine[]; office: string }
  /** Of his messages, those handled by districts other than his office's, by name (a deputy of two districts' stations). */
  elsewhere: ElsewhereCount[]
}

/** The quizzes and ballots of a year, read once and shared by every deputy of a list. */
interface YearContext {
  year: number
  from: Date
  to: Date
  quizzes: QuizRecord[]
  ballots: SurveyRecord[]
}

/**
 * 履职档案: a deputy's year joined from the store — meetings, cases, duty days, study,
 * quizzes, ballots, approved activities and (when wired) suggestions — with points by the
 * rules of the deputy's office. The counting is the domain's (deputy-record.ts).
 */
export class DeputyRecords {
  constructor(
    private readonly deps: {
      store: Pick<Store, 'deputies' | 'meetings' | 'cases' | 'campaigns' | 'quizzes' | 'surveys' | 'recordActivities'>
      scope: RecordScope
      rules: Pick<PointRules, 'effective'>
      responses: Pick<SurveyResponses, 'deputyKeys'>
      clock: Clock
      timeZone: string
      suggestionTally?: SuggestionTally
    },
  ) {}

  /** This year in the office's time zone. */
  currentYear(): number {
    return Number(localDate(this.deps.clock.now(), this.deps.timeZone).slice(0, 4))
  }

  /** A deputy's own year (the mini-program). */
  async ofDeputy(deputyId: string, year: number): Promise<DeputyYear> {
    return this.compute(deputyId, await this.context(year))
  }

  /** A deputy's year for a console user who may see them; 404 otherwise. */
  async forStaff(staff: StaffPrincipal, deputyId: string, year: number): Promise<DeputyYear> {
    await this.deps.scope.deputy(staff, deputyId)
    return this.compute(deputyId, await this.context(year))
  }

  /**
   * The deputies a console user sees, a page at a time, each with the year's figures and points: by code, or (`sort`)
   * the most points first or the lowest 按时答复 first — the office's questions before 述职 (review 38 § 13). Ranked, every
   * record of the scope is counted first: refused in words past RECORDS_RANKED_MAX deputies (a province's admin).
   */
  async list(staff: StaffPrincipal, year: number, page: { offset: number; limit: number; sort?: RecordSort }) {
    const all = await this.deps.scope.deputies(staff)
    const context = await this.context(year)
    const sort = page.sort ?? 'code'
    if (sort !== 'code' && all.length > RECORDS_RANKED_MAX)
      throw new ValidationError(`您的范围里有 ${all.length} 位代表，太多了，不能按这一项排序；请按编号查看`, [
        { path: 'query.sort', message: `按积分或按时答复排序最多 ${RECORDS_RANKED_MAX} 位代表` },
      ])
    const end = page.offset + page.limit
    const items =
      sort === 'code'
        ? await Promise.all(all.slice(page.offset, end).map((d) => this.compute(d.id, context)))
        : (await Promise.all(all.map((d) => this.compute(d.id, context)))).sort(RANKED[sort]).slice(page.offset, end)
    return { items, total: all.length, nextOffset: end < all.length ? end : null }
  }

  /** Names of deputies, for lists of their reports. */
  async names(ids: string[]): Promise<Array<{ id: string; name: string }>> {
    const found = await Promise.all([...new Set(ids)].map((id) => this.deps.store.deputies.get(id)))
    return found.filter((d) => d !== null).map((d) => ({ id: d.id, name: d.name }))
  }

  private async context(year: number): Promise<YearContext> {
    const { store, timeZone } = this.deps
    const from = startOfLocalDate(`${year}-01-01`, timeZone)
    const to = startOfLocalDate(`${year + 1}-01-01`, timeZone)
    const inYear = (opensAt: Date, closesAt: Date) => opensAt < to && closesAt >= from
    const quizzes: QuizRecord[] = []
    for (let cursor: string | null = null; ;) {
      const page = await store.quizzes.search({ limit: 200, cursor })
      quizzes.push(...page.items.filter((q) => !q.draft && inYear(q.opensAt, q.closesAt)))
      if (!(cursor = page.nextCursor)) break
    }
    const ballots: SurveyRecord[] = []
    for (let cursor: string | null = null; ;) {
      const page = await store.surveys.search({ kind: 'ballot', limit: 200, cursor })
      ballots.push(...page.items.filter((s) => !s.draft && s.opensAt >= from && s.opensAt < to))
      if (!(cursor = page.nextCursor)) break
    }
    return { year, from, to, quizzes, ballots }
  }

  private async compute(deputyId: string, c: YearContext): Promise<DeputyYear> {
    const { store, clock, timeZone } = this.deps
    const deputy = await store.deputies.get(deputyId)
    if (!deputy) throw new NotFoundError('代表不存在')
    const now = clock.now()
    const person = { kind: 'deputy' as const, id: deputyId }
    // A meeting he was no longer expected at (moved away, left office before it) is no absence of his, unless he came.
    const invitations = (await store.meetings.invitationsOf(person, { statuses: ['published'], endFrom: c.from })).filter(
      (i) => i.meeting.startAt < c.to && (!i.invitation.withdrawn || i.invitation.checkedInAt),
    )
    const cases = await store.cases.listForStats({ deputyId, createdFrom: c.from, createdTo: c.to })
    const campaignIds = [...new Set([...(await store.campaigns.reachFor(person, {})).map((r) => r.campaignId), ...(await store.campaigns.followedBy(person))])]
    const checkIns = (await store.campaigns.checkInsFor(person, campaignIds)).filter((x) => x.at >= c.from && x.at < c.to)
    const attempts = (await Promise.all(c.quizzes.map((q) => store.quizzes.attemptsOf(q.id, person))))
      .flat()
      .filter((a) => a.startedAt >= c.from && a.startedAt < c.to)
    const onRoll = c.ballots.filter((b) => b.ballot?.rollDeputyIds.includes(deputyId))
    const ballots = await Promise.all(
      onRoll.map(async (b) => {
        const keys = this.deps.responses.deputyKeys(b, deputyId, [])
        return { cast: (await Promise.all(keys.map((k) => store.surveys.hasResponded(b.id, k)))).some(Boolean) }
      }),
    )
    const activities = await store.recordActivities.ofDeputy(deputyId, `${c.year}-01-01`, `${c.year}-12-31`)
    const suggestions = this.deps.suggestionTally ? await this.deps.suggestionTally.forDeputy(deputyId, c.year) : null
    const record = deputyYearRecord({
      deputyId,
      year: c.year,
      today: localDate(now, timeZone),
      now,
      invitations,
      cases,
      // The deputy's own record: their days at every station, those he sat at a station before he moved too, a day at two stations once.
      dutyDates: allDutyDates(deputy),
      checkIns: checkIns.length,
      attempts,
      ballots,
      suggestions,
      activities,
    })
    const office = await this.deps.scope.officeOf(deputy)
    const rules = await this.deps.rules.effective(office)
    // 统计分析 of his district counts its own messages: the record says how many of his are another district's, so the
    // two can be laid side by side (review 38 § 13: 共 16 件 against 13). Not for a deputy of the city's office.
    const elsewhere = office
      ? await Promise.all(
          Object.entries(record.cases.byDistrict)
            .filter(([id]) => id !== office)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(async ([id, handled]) => ({ name: await this.deps.scope.regionName(id), handled })),
        )
      : []
    return {
      deputy: { id: deputy.id, code: deputy.code, name: deputy.name, level: deputy.level, stationIds: deputy.stationIds },
      record,
      points: { ...recordPoints(record, rules.rules), office: rules.office },
      elsewhere,
    }
  }
}
