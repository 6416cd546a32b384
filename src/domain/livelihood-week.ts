/**
 * 民生实事 in the weekly report: where each year of 民生实事项目 that a report's place follows
 * stands, and what needs doing this week, in sentences an office reads aloud. Pure: the service
 * gathers the cycles and their records, this writes the words (kept in the report's snapshot).
 */
import { localDate, monthDayText } from './dates.js'
import { lastOpenMoment } from './due-date-text.js'
import {
  collectionOpen,
  CYCLE_STATUS_LABELS,
  lateQuartersText,
  overdueQuarters,
  ratingResults,
  type CycleStatus,
  type LivelihoodCycle,
  type LivelihoodProject,
  type LivelihoodProposal,
  type ProgressReport,
  type ProjectRating,
  type Quarter,
} from './livelihood.js'
import { daysBetween } from './suggestion-due.js'
import { offsetMs } from './zone-offset.js'

/** Said for an office with no year under way: the report's one line about it. */
export const NO_YEAR_YET = '今年的民生实事项目尚未开始征集'

/**
 * The cycles a week's report speaks of, of one office, oldest year first: the report's year's;
 * the next year's, whose proposals are collected late in the year before; and last year's while
 * its results are not yet published (the year-end rating runs into January).
 */
export function cyclesInPlay<C extends Pick<LivelihoodCycle, 'year' | 'status'>>(cycles: C[], year: number): C[] {
  return cycles.filter((c) => c.year === year || c.year === year + 1 || (c.year === year - 1 && c.status !== 'published')).sort((a, b) => a.year - b.year)
}

/** One cycle and the records the section reads of it. */
export interface CycleFacts {
  cycle: LivelihoodCycle
  proposals: Array<Pick<LivelihoodProposal, 'status' | 'createdAt'>>
  projects: Array<Pick<LivelihoodProject, 'id' | 'title' | 'unitId' | 'status'>>
  reports: Array<Pick<ProgressReport, 'projectId' | 'quarter' | 'percent'>>
  ratings: Array<Pick<ProjectRating, 'projectId' | 'deputyId' | 'grade'>>
  /** The deputies' ballot (a survey), when the cycle has one and it can be read. */
  ballot: { opensAt: Date; closesAt: Date; rollSize: number } | null
}

export interface LivelihoodWeekInput {
  /** The offices the report's place follows, its own first (a district's, then the city's). */
  offices: Array<{ officeName: string; cycles: CycleFacts[] }>
  weekStart: Date
  weekEnd: Date
  now: Date
  timeZone: string
  /** Days after a quarter's end before its progress is late (config livelihood.reportGraceDays). */
  graceDays: number
  /** A responsible unit's name (an unknown unit stands for itself). */
  unitName: (unitId: string) => string
}

export interface LivelihoodProjectLine {
  title: string
  unitName: string
  /** The latest quarter reported, or null when none is. */
  latest: { quarter: Quarter; percent: number } | null
  /** The latest progress in words: 第3季度完成 60%, or 还没有填报进展. */
  progress: string
  /** Quarters whose report is late (the rule of the unit's reminder: quarter's end plus the grace days). */
  late: Quarter[]
  /** Ratings while deputies rate, the result once published; null before. */
  rating: string | null
}

export interface LivelihoodYear {
  title: string
  year: number
  stage: CycleStatus
  stageLabel: string
  /** Where the year stands, in one or two sentences. */
  summary: string
  /** What needs doing this week, the most pressing first; empty when nothing does. */
  attention: string[]
  /** The year's chosen projects, once the ballot has chosen them. */
  projects: LivelihoodProjectLine[]
}

export interface LivelihoodOffice {
  officeName: string
  /** NO_YEAR_YET when the office has no year under way; null when it has. */
  none: string | null
  years: LivelihoodYear[]
}

export interface LivelihoodSection {
  offices: LivelihoodOffice[]
}

/**
 * The weekly report's 民生实事 part. Each year is told as it stands when the report is made (a
 * cycle keeps no history of its stages); only the proposals are counted by the report's week.
 */
export function livelihoodWeek(input: LivelihoodWeekInput): LivelihoodSection {
  return {
    offices: input.offices.map((o) => ({
      officeName: o.officeName,
      none: o.cycles.length ? null : NO_YEAR_YET,
      years: o.cycles.map((facts) => yearPart(facts, input)),
    })),
  }
}

function yearPart(facts: CycleFacts, input: LivelihoodWeekInput): LivelihoodYear {
  const { cycle } = facts
  return { title: cycle.title, year: cycle.year, stage: cycle.status, stageLabel: CYCLE_STATUS_LABELS[cycle.status], ...tell(facts, input) }
}

type Told = Pick<LivelihoodYear, 'summary' | 'attention' | 'projects'>

function tell(facts: CycleFacts, input: LivelihoodWeekInput): Told {
  switch (facts.cycle.status) {
    case 'collecting':
      return collecting(facts, input)
    case 'voting':
      return voting(facts, input)
    case 'running':
      return running(facts, input)
    case 'rating':
      return rating(facts, input)
    case 'published':
      return published(facts, input)
  }
}

/** "12月3日" of an instant in the business time zone. */
const monthDay = (at: Date, timeZone: string) => monthDayText(localDate(at, timeZone))

/** "12月19日截止，还有 5 天": a close at 00:00 is the end of the day before, as every deadline is said. */
function closing(closesAt: Date, now: Date, timeZone: string): string {
  const last = lastOpenMoment(closesAt, timeZone)
  const left = daysBetween(localDate(now, timeZone), localDate(last, timeZone))
  return `${monthDay(last, timeZone)}截止，${left === 0 ? '今天是最后一天' : `还有 ${left} 天`}`
}

function collecting({ cycle, proposals, projects }: CycleFacts, { weekStart, weekEnd, now, timeZone }: LivelihoodWeekInput): Told {
  const thisWeek = proposals.filter((p) => p.createdAt >= weekStart && p.createdAt < weekEnd).length
  const unsorted = proposals.filter((p) => p.status === 'submitted').length
  const candidates = projects.filter((p) => p.status === 'candidate').length
  const sorted = candidates ? `，已梳理出候选项目 ${candidates} 个` : ''
  if (now < cycle.opensAt)
    return { summary: `准备征集项目：${monthDay(cycle.opensAt, timeZone)}开始征集，${closing(cycle.closesAt, now, timeZone)}。`, attention: [], projects: [] }
  if (collectionOpen(cycle, now)) {
    return {
      summary: `正在征集项目：本周收到建议 ${thisWeek} 条，累计收到 ${proposals.length} 条${sorted}；${closing(cycle.closesAt, now, timeZone)}。`,
      attention: unsorted ? [`有 ${unsorted} 条建议等待梳理（列入候选项目，或说明不列入的理由）。`] : [],
      projects: [],
    }
  }
  const closed = `项目征集已于${monthDay(lastOpenMoment(cycle.closesAt, timeZone), timeZone)}截止：累计收到建议 ${proposals.length} 条${sorted}。`
  const next = unsorted
    ? `还有 ${unsorted} 条建议没有梳理，梳理完才能提交代表票决。`
    : candidates < 2
      ? '候选项目至少要有两个，才能提交代表票决。'
      : '可以提交代表票决了。'
  return { summary: closed, attention: [next], projects: [] }
}

function voting({ cycle, projects, ballot }: CycleFacts, { now, timeZone }: LivelihoodWeekInput): Told {
  const candidates = projects.filter((p) => p.status === 'candidate').length
  const what = `从 ${candidates} 个候选项目中选出 ${cycle.projectCount} 个`
  if (!ballot) return { summary: `代表票决正在进行：${what}。`, attention: [], projects: [] }
  if (now < ballot.opensAt)
    return {
      summary: `代表票决将于${monthDay(ballot.opensAt, timeZone)}开始，${closing(ballot.closesAt, now, timeZone)}：${what}。`,
      attention: [],
      projects: [],
    }
  if (now < ballot.closesAt) return { summary: `代表票决正在进行：${what}，${closing(ballot.closesAt, now, timeZone)}。`, attention: [], projects: [] }
  return {
    summary: `代表票决已于${monthDay(lastOpenMoment(ballot.closesAt, timeZone), timeZone)}结束：${what}。`,
    attention: ['票决已经结束，请确认票决结果，确定年度项目。'],
    projects: [],
  }
}

/** The chosen projects with their latest progress; `late` by the unit reminder's rule (progress.ts remindOverdue). */
function chosenLines(facts: CycleFacts, input: LivelihoodWeekInput, judgeLate: boolean): Array<LivelihoodProjectLine & { id: string }> {
  const offsetMinutes = offsetMs(input.now.getTime(), input.timeZone) / 60_000
  return facts.projects
    .filter((p) => p.status === 'chosen')
    .map((p) => {
      const mine = facts.reports.filter((r) => r.projectId === p.id)
      const newest = mine.reduce<(typeof mine)[number] | null>((a, r) => (!a || r.quarter > a.quarter ? r : a), null)
      const late = judgeLate
        ? overdueQuarters(
            facts.cycle.year,
            mine.map((r) => r.quarter),
            input.now,
            offsetMinutes,
            input.graceDays,
          )
        : []
      return {
        id: p.id,
        title: p.title,
        unitName: input.unitName(p.unitId),
        latest: newest ? { quarter: newest.quarter, percent: newest.percent } : null,
        progress: newest ? `第${newest.quarter}季度完成 ${newest.percent}%` : '还没有填报进展',
        late,
        rating: null,
      }
    })
}

const strip = ({ id: _id, ...line }: LivelihoodProjectLine & { id: string }): LivelihoodProjectLine => line

function running(facts: CycleFacts, input: LivelihoodWeekInput): Told {
  const lines = chosenLines(facts, input, true)
  const late = lines.filter((l) => l.late.length)
  const state = !lines.length ? '还没有年度项目。' : late.length ? `其中 ${late.length} 个项目的进展没有按时填报。` : '各项目的进展都已按时填报。'
  return {
    summary: `项目正在实施：共 ${lines.length} 个年度项目，${state}`,
    attention: late.map((l) => `「${l.title}」（${l.unitName}）${lateQuartersText(l.late)}，请督促承办单位尽快填报。`),
    projects: lines.map(strip),
  }
}

function rating(facts: CycleFacts, input: LivelihoodWeekInput): Told {
  const lines = chosenLines(facts, input, false)
  const deputies = new Set(facts.ratings.map((r) => r.deputyId)).size
  const roll = facts.ballot?.rollSize ? `，应参加评议的代表 ${facts.ballot.rollSize} 位` : ''
  return {
    summary: `人大评议正在进行：已有 ${deputies} 位代表参加评议${roll}。`,
    attention: deputies ? [] : ['还没有代表参加评议，请提醒代表评议。'],
    projects: lines.map((l) => {
      const n = facts.ratings.filter((r) => r.projectId === l.id).length
      return strip({ ...l, rating: n ? `已收到评议 ${n} 份` : '还没有收到评议' })
    }),
  }
}

function published(facts: CycleFacts, input: LivelihoodWeekInput): Told {
  const lines = chosenLines(facts, input, false)
  const results = ratingResults(
    lines.map((l) => l.id),
    facts.ratings,
  )
  return {
    summary: `评议结果已公布：共 ${lines.length} 个年度项目。`,
    attention: [],
    projects: lines.map((l) => {
      const r = results.find((x) => x.projectId === l.id)
      const words = r?.ratings
        ? `满意 ${r.shares.satisfied}%，基本满意 ${r.shares.basically_satisfied}%，不满意 ${r.shares.unsatisfied}%（${r.ratings} 份评议）`
        : '没有代表评议'
      return strip({ ...l, rating: words })
    }),
  }
}
