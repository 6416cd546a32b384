/**
 * Points of a deputy's year (履职积分), by rules each office sets: so many points per meeting
 * attended, per message answered on time, per approved activity …, each with an optional
 * cap. Pure: recomputed from the record whenever it is shown, explained line by line.
 */
import type { DeputyYearRecord } from './deputy-record.js'

export const POINT_ITEMS = [
  'meeting_attended',
  'case_answered_on_time',
  'case_answered_late',
  'duty_day_served',
  'study_check_in',
  'quiz_taken',
  'ballot_cast',
  'suggestion_made',
  'suggestion_co_signed',
  'activity_approved',
] as const
export type PointItem = (typeof POINT_ITEMS)[number]

export const POINT_ITEM_LABELS: Record<PointItem, { label: string; unit: string }> = {
  meeting_attended: { label: '参加会议活动', unit: '次' },
  case_answered_on_time: { label: '按时答复群众留言', unit: '条' },
  case_answered_late: { label: '超期答复群众留言', unit: '条' },
  duty_day_served: { label: '进站接待值班', unit: '天' },
  study_check_in: { label: '学习打卡', unit: '次' },
  quiz_taken: { label: '参加知识竞赛', unit: '场' },
  ballot_cast: { label: '参加代表票决', unit: '次' },
  suggestion_made: { label: '提出代表建议', unit: '件' },
  suggestion_co_signed: { label: '附议代表建议', unit: '件' },
  activity_approved: { label: '报告履职活动（已审核）', unit: '次' },
}

export interface PointRule {
  item: PointItem
  /** Points per unit; may be a half. */
  points: number
  /** At most this many points from the item in a year; null: no cap. */
  cap: number | null
}

/** What an office starts with until its organizers change it. */
export const DEFAULT_POINT_RULES: PointRule[] = [
  { item: 'meeting_attended', points: 2, cap: null },
  { item: 'case_answered_on_time', points: 3, cap: null },
  { item: 'case_answered_late', points: 1, cap: null },
  { item: 'duty_day_served', points: 2, cap: null },
  { item: 'study_check_in', points: 1, cap: 20 },
  { item: 'quiz_taken', points: 2, cap: 10 },
  { item: 'ballot_cast', points: 2, cap: null },
  { item: 'suggestion_made', points: 5, cap: null },
  { item: 'suggestion_co_signed', points: 1, cap: 10 },
  { item: 'activity_approved', points: 3, cap: 30 },
]

/** How many of each item a year's record holds. */
export function pointCounts(r: DeputyYearRecord): Record<PointItem, number> {
  return {
    meeting_attended: r.meetings.attended,
    case_answered_on_time: r.cases.answeredOnTime,
    case_answered_late: r.cases.answeredLate,
    duty_day_served: r.duty.served,
    study_check_in: r.study.checkIns,
    quiz_taken: r.study.quizzesTaken,
    ballot_cast: r.ballots.cast,
    suggestion_made: r.suggestions?.made ?? 0,
    suggestion_co_signed: r.suggestions?.coSigned ?? 0,
    activity_approved: r.activities.approved,
  }
}

export interface PointLine {
  item: PointItem
  label: string
  count: number
  points: number
  cap: number | null
  subtotal: number
  /** The line in words: "参加会议活动 5 次 × 2 分 = 10 分". */
  explanation: string
}

const fmt = (n: number) => String(Math.round(n * 10) / 10)

/** Each rule applied to the record, in the rules' order, and the total. */
export function recordPoints(r: DeputyYearRecord, rules: PointRule[]): { total: number; lines: PointLine[] } {
  const counts = pointCounts(r)
  const lines = rules.map((rule): PointLine => {
    const { label, unit } = POINT_ITEM_LABELS[rule.item]
    const count = counts[rule.item]
    const raw = count * rule.points
    const capped = rule.cap !== null && raw > rule.cap
    const subtotal = capped ? rule.cap! : raw
    const base = `${label} ${count} ${unit} × ${fmt(rule.points)} 分 = ${fmt(raw)} 分`
    return {
      item: rule.item,
      label,
      count,
      points: rule.points,
      cap: rule.cap,
      subtotal: Math.round(subtotal * 10) / 10,
      explanation: capped ? `${base}，超过上限 ${fmt(rule.cap!)} 分，计 ${fmt(subtotal)} 分` : base,
    }
  })
  return { total: Math.round(lines.reduce((sum, l) => sum + l.subtotal, 0) * 10) / 10, lines }
}

/** Rules that cannot be applied: an item twice, a cap below zero. */
export function ruleProblems(rules: PointRule[]): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = []
  const seen = new Set<string>()
  rules.forEach((r, i) => {
    if (seen.has(r.item)) problems.push({ path: `rules[${i}].item`, message: `「${POINT_ITEM_LABELS[r.item].label}」重复` })
    seen.add(r.item)
    if (r.cap !== null && r.cap < 0) problems.push({ path: `rules[${i}].cap`, message: '上限不能小于 0' })
  })
  return problems
}
