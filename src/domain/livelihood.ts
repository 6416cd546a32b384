/**
 * 民生实事项目 (livelihood projects): 群众提、代表决、政府办、人大评. A yearly cycle per office
 * (the city, or one district): residents and deputies propose, staff curate proposals into
 * candidates, the deputies' ballot decides, the responsible unit reports each quarter, and at
 * year end deputies rate each project. Pure: no I/O, times passed in.
 */
import { deputyLevelLabel, type DeputyLevel, type Region } from './directory.js'
import { staffScope } from './staff-scope.js'

/** 'city' or a district id: whose cycle it is. */
export type LivelihoodOffice = string

/**
 * Who votes on a year's projects when the office names no roll: the deputies of the congress at the office's own
 * level (本级人大代表) — a city year the 市人大代表, a district's year the 区/县人大代表 of its stations. Deputies of
 * other levels on those stations are not that congress's members and do not decide its projects.
 */
export function defaultRoll(office: LivelihoodOffice): { levels: DeputyLevel[]; districtIds?: string[] } {
  return office === 'city' ? { levels: ['city'] } : { levels: ['county'], districtIds: [office] }
}

/** Who votes on a year's projects by default, as the office says it: 市人大代表, or a district's 区人大代表 (县人大代表). */
export function defaultRollWords(office: LivelihoodOffice, districtName: string | undefined): string {
  return defaultRoll(office)
    .levels.map((level) => deputyLevelLabel(level, districtName))
    .join('、')
}

export const CYCLE_STATUSES = ['collecting', 'voting', 'running', 'rating', 'published'] as const
export type CycleStatus = (typeof CYCLE_STATUSES)[number]
export const CYCLE_STATUS_LABELS: Record<CycleStatus, string> = {
  collecting: '征集项目',
  voting: '代表票决',
  running: '项目实施',
  rating: '人大评议',
  published: '结果已公布',
}

export interface LivelihoodCycle {
  id: string
  office: LivelihoodOffice
  year: number
  title: string
  /** The collection window (征集时间): proposals are taken from opensAt until closesAt. */
  opensAt: Date
  closesAt: Date
  status: CycleStatus
  /** How many candidates, the most votes first, become the year's projects. */
  projectCount: number
  ballotSurveyId: string | null
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

export const PROPOSAL_STATUSES = ['submitted', 'candidate', 'not_adopted'] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]

export interface LivelihoodProposal {
  id: string
  cycleId: string
  /** A resident's mini-program account, or null for a deputy's proposal. */
  mpUserId: string | null
  deputyId: string | null
  stationId: string | null
  title: string
  /** What, and where. */
  description: string
  place: string
  reason: string
  photos: string[]
  consentVersion: string
  status: ProposalStatus
  /** The candidate it became part of (several proposals may merge into one). */
  projectId: string | null
  /** Why it was not taken up, in the office's words. */
  note: string
  createdAt: Date
  updatedAt: Date
}

/** `over_places`: passed the ballot (more than half) but the year's places went to projects with more votes, or to tied ones the office chose. */
export const PROJECT_STATUSES = ['candidate', 'chosen', 'not_chosen', 'over_places'] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  candidate: '候选项目',
  chosen: '年度民生实事项目',
  not_chosen: '票决未通过',
  over_places: '得票过半，名额已满',
}

export interface LivelihoodProject {
  id: string
  cycleId: string
  title: string
  description: string
  place: string
  /** 估算投资，万元. */
  costWan: number
  unitId: string
  proposalIds: string[]
  status: ProjectStatus
  /** Votes in the ballot, once it is counted. */
  votes: number | null
  /**
   * How many corrections it has had (0 as made; absent on a candidate made before corrections were counted, which
   * counts as 0). A correction is written only over the version it was read at: of two racing, the second is refused.
   */
  version?: number
  createdAt: Date
  updatedAt: Date
}

export type Quarter = 1 | 2 | 3 | 4

export interface ProgressReport {
  projectId: string
  quarter: Quarter
  percent: number
  text: string
  photos: string[]
  postedBy: string
  postedAt: Date
}

export const RATING_GRADES = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const
export type RatingGrade = (typeof RATING_GRADES)[number]
export const RATING_GRADE_LABELS: Record<RatingGrade, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' }

export interface ProjectRating {
  projectId: string
  cycleId: string
  deputyId: string
  grade: RatingGrade
  comment: string
  at: Date
}

/** A person's refusal at the yearly cap, the same whether the service or the store's write found it. */
export const proposalLimitText = (allowed: number) => `每人每年最多提出 ${allowed} 个项目建议`

/** Whether proposals are taken now: in the window, while the cycle still collects. */
export function collectionOpen(c: Pick<LivelihoodCycle, 'status' | 'opensAt' | 'closesAt'>, now: Date): boolean {
  return c.status === 'collecting' && c.opensAt <= now && now < c.closesAt
}

/** Why a proposal is refused now, in words a resident reads; null when it is taken. */
export function collectionRefusal(c: Pick<LivelihoodCycle, 'status' | 'opensAt' | 'closesAt'>, now: Date): string | null {
  if (collectionOpen(c, now)) return null
  if (c.status === 'collecting' && now < c.opensAt) return '项目征集尚未开始'
  return '项目征集已经结束'
}

/**
 * A proposal not taken up, as its proposer reads it on her page and in the notice: her state in its own sentence,
 * the office's note after 说明, so that a note such as 已列入市容部门今年计划 never reads as part of it (未列入…已列入
 * on one line).
 */
export const notTakenUpWords = (note: string) => (note ? `没有列入民生实事候选项目。说明：${note}` : '没有列入民生实事候选项目')

/** A proposal's state as the proposer reads it. */
export function proposalStateWords(p: Pick<LivelihoodProposal, 'status' | 'note'>, project: Pick<LivelihoodProject, 'title' | 'status'> | null): string {
  if (p.status === 'not_adopted') return notTakenUpWords(p.note)
  if (p.status === 'candidate' && project) {
    if (project.status === 'chosen') return `已列入年度民生实事项目「${project.title}」，正在实施`
    if (project.status === 'not_chosen') return `已作为候选项目「${project.title}」参加代表票决，未获通过`
    if (project.status === 'over_places') return `已作为候选项目「${project.title}」参加代表票决，得票过半，但年度项目名额已满，没有列入`
    return `已列为候选项目「${project.title}」，等待人大代表票决`
  }
  return '已收到，工作人员正在梳理'
}

/**
 * How a proposal's state reads to its proposer at a glance: `good` news (taken into the year), `waiting` (being
 * sorted, or up for the ballot), or `ended` (not taken up, or not chosen) — so good news is never shown in the
 * alarm red that 未列入 might be, nor the reverse.
 */
export type ProposalTone = 'good' | 'waiting' | 'ended'
export function proposalTone(p: Pick<LivelihoodProposal, 'status'>, project: Pick<LivelihoodProject, 'status'> | null): ProposalTone {
  if (p.status === 'not_adopted') return 'ended'
  if (p.status === 'candidate' && project) {
    if (project.status === 'chosen') return 'good'
    if (project.status === 'not_chosen' || project.status === 'over_places') return 'ended'
  }
  return 'waiting'
}

const DAY = 86_400_000

/**
 * The last instant of `quarter` of `year` in the business time zone, given as that zone's offset
 * in minutes at the time (Asia/Shanghai has no summer time; the caller passes it).
 */
export function quarterEnd(year: number, quarter: Quarter, offsetMinutes: number): Date {
  const nextStart = Date.UTC(quarter === 4 ? year + 1 : year, quarter === 4 ? 0 : quarter * 3, 1) - offsetMinutes * 60_000
  return new Date(nextStart - 1)
}

/** The first instant of `quarter` of `year` in the business time zone (offset as for quarterEnd). */
export function quarterStart(year: number, quarter: Quarter, offsetMinutes: number): Date {
  return new Date(Date.UTC(year, (quarter - 1) * 3, 1) - offsetMinutes * 60_000)
}

/** Why progress for a quarter is refused at `now`, in words a unit reads; null once the quarter has begun. */
export function quarterNotBegun(year: number, quarter: Quarter, now: Date, offsetMinutes: number): string | null {
  if (now >= quarterStart(year, quarter, offsetMinutes)) return null
  return `${year}年第${quarter}季度还没有开始（${year}年${(quarter - 1) * 3 + 1}月1日起），不能提前填报进展`
}

/** When a quarter not reported becomes overdue: its end plus the grace days. */
export function reportDue(year: number, quarter: Quarter, offsetMinutes: number, graceDays: number): Date {
  return new Date(quarterEnd(year, quarter, offsetMinutes).getTime() + 1 + graceDays * DAY)
}

/**
 * Late quarters said as the weekly report says them ("第1、2、3季度的进展还没有填报"), for the 民生实事 page's column beside
 * it: the same words on both (review 38 § 5). Null when none is late.
 */
export function lateQuartersText(late: readonly Quarter[]): string | null {
  return late.length ? `第${late.join('、')}季度的进展还没有填报` : null
}

/** The quarters of `year` whose report is overdue at `now` and missing from `reported`. */
export function overdueQuarters(year: number, reported: Quarter[], now: Date, offsetMinutes: number, graceDays: number): Quarter[] {
  return ([1, 2, 3, 4] as Quarter[]).filter((q) => !reported.includes(q) && now >= reportDue(year, q, offsetMinutes, graceDays))
}

export interface RatingResult {
  projectId: string
  ratings: number
  counts: Record<RatingGrade, number>
  /** Shares in whole percent, the three adding up to 100 when anyone rated. */
  shares: Record<RatingGrade, number>
  /** 满意 and 基本满意 together. */
  satisfiedShare: number
}

/** Each project's ratings as counts and shares (largest-remainder rounding, so shares add up to 100). */
export function ratingResults(projectIds: string[], ratings: Pick<ProjectRating, 'projectId' | 'grade'>[]): RatingResult[] {
  return projectIds.map((projectId) => {
    const counts = { satisfied: 0, basically_satisfied: 0, unsatisfied: 0 } as Record<RatingGrade, number>
    for (const r of ratings) if (r.projectId === projectId) counts[r.grade]++
    const total = RATING_GRADES.reduce((n, g) => n + counts[g], 0)
    const shares = { satisfied: 0, basically_satisfied: 0, unsatisfied: 0 } as Record<RatingGrade, number>
    if (total) {
      const exact = RATING_GRADES.map((g) => ({ g, v: (counts[g] * 100) / total }))
      for (const e of exact) shares[e.g] = Math.floor(e.v)
      let left = 100 - RATING_GRADES.reduce((n, g) => n + shares[g], 0)
      for (const e of [...exact].sort((a, b) => b.v - Math.floor(b.v) - (a.v - Math.floor(a.v)))) {
        if (left-- <= 0) break
        shares[e.g]++
      }
    }
    return { projectId, ratings: total, counts, shares, satisfiedShare: total ? shares.satisfied + shares.basically_satisfied : 0 }
  })
}

/**
 * The office whose 民生实事 years a district or street follows: a street's 工委 has no year of its
 * own, it follows its district's (and, as every place does, the city's). `regions` is the region tree.
 */
export function followedOffice(regionId: string, regions: ReadonlyMap<string, Pick<Region, 'kind' | 'parentId'>>): string | null {
  const region = regions.get(regionId)
  return region?.kind === 'street' ? region.parentId : regionId
}

/** Which office's cycles a console user manages: null for every office (admins, city organizers). */
/** Whether `staff` runs the office's 民生实事 year (merges proposals, moves it on), not only reads it. */
export function runsOffice(staff: { role: string; regionIds: string[] }, office: string): boolean {
  const managed = managedOffices(staff)
  return managed === null || managed.includes(office)
}

export function managedOffices(staff: { role: string; regionIds: string[] }): string[] | null {
  const scope = staffScope(staff)
  return scope.kind === 'city' ? null : [...scope.regionIds]
}
