import { dateText } from '../kit/time'

/** The 代表建议 record as GET …/suggestions/:id answers it (docs/api/suggestions.md). */
export interface UnitRef {
  id: string
  name: string
}
export interface SuggestionRequest {
  id: string
  kind: 'extension' | 'change_unit'
  unit: UnitRef
  reason: string
  days: number | null
  proposedUnit: UnitRef | null
  status: 'pending' | 'approved' | 'denied' | 'lapsed'
  decidedAt: string | null
  note: string | null
}
export interface Suggestion {
  id: string
  number: string | null
  title: string
  body: string
  attachments: Array<{ id: string; name: string; url: string }>
  deputy: { id: string; name: string }
  coSigners: Array<{ deputyId: string; name: string; at: string }>
  cosignUntil: string | null
  /** No `title` for a unit's staff: they never read residents' words. */
  cases: Array<{ id: string; ticket: string; title?: string }>
  status: string
  statusLabel: string
  /** The office that reviews it and decides the units' requests, by name ("湛河区人大常委会办公室"; absent from an older server). */
  office?: string
  year: number
  review: { decision: string; reason: string | null; by: string; at: string } | null
  mergedInto: string | null
  convertedCaseId: string | null
  assignment: {
    leadUnit: UnitRef
    coUnits: UnitRef[]
    deadline: string
    dueText: string
    keySupervision: boolean
    supervisionLeader: string | null
    assignedAt: string
  } | null
  answers: Array<{
    unit: UnitRef
    role: 'lead' | 'co'
    category: string | null
    categoryLabel: string | null
    text: string
    at: string
    round: number
    /** YYYY-MM-DD the lead unit promised the work done by, with 正在解决或列入计划 (absent from an older server). */
    plannedBy?: string | null
  }>
  /**
   * A promise of 正在解决或列入计划 while answered or being done (following): its day and what it means; while following,
   * `lateText` "承诺日期已过 3 天" once its day has passed without the unit's report (null on time; absent from an older server).
   */
  promise?: { by: string | null; byText: string | null; text: string; lateText?: string | null; daysLate?: number } | null
  rating: { score: string; scoreLabel: string; comment: string | null; at: string; round: number } | null
  round: number
  requests: SuggestionRequest[]
  published: boolean
  timeline: Array<{ at: string; actor: { role: string; name: string }; action: string; text: string }>
}

/** The statuses in the order a suggestion moves through them, for the filters. */
export const SUGGESTION_STATUSES = [
  { value: 'submitted', label: '待审查' },
  { value: 'accepted', label: '已立案待交办' },
  { value: 'assigned', label: '办理中' },
  { value: 'answered', label: '已答复待评价' },
  { value: 'rehandling', label: '重新办理' },
  { value: 'following', label: '已答复，正在办理' },
  { value: 'closed', label: '已办结' },
  { value: 'returned', label: '已退回' },
  { value: 'merged', label: '已并案' },
  { value: 'converted', label: '已转为群众留言办理' },
]

/** What a unit may be asked to do next shows in colour; finished ones are grey. */
export const STATUS_THEME: Record<string, 'warning' | 'primary' | 'success' | 'default' | 'danger'> = {
  submitted: 'warning',
  accepted: 'warning',
  assigned: 'primary',
  rehandling: 'danger',
  answered: 'success',
  following: 'primary',
  closed: 'default',
  returned: 'default',
  merged: 'default',
  converted: 'default',
}

/** The lead unit's answer says how far the matter went. */
export const ANSWER_CATEGORIES = [
  { value: 'resolved', label: '已解决' },
  { value: 'in_progress', label: '正在解决或列入计划' },
  { value: 'for_reference', label: '留作参考' },
]

/** "已超期 3 天" is red, "今天到期" orange, the rest plain. */
export const dueTheme = (dueText: string | undefined) =>
  !dueText ? 'default' : dueText.startsWith('已超期') ? 'danger' : dueText === '今天到期' ? 'warning' : 'default'

/**
 * A suggestion's 办理期限 with its year always ("2026年12月7日"), as 办理经过 and the units' letters write it: a deadline
 * is often months off or in the past, and "12月7日" beside "期限 2026年12月7日" read as two different days.
 */
export const deadlineText = (date: string | null | undefined) => dateText(date, 0)

/** A share 0–1 as "83%"; nothing to divide yet is "暂无". */
export const percent = (share: number | null | undefined) => (share === null || share === undefined ? '暂无' : `${Math.round(share * 100)}%`)

/** A date plus N calendar months, as the default deadline of three months (YYYY-MM-DD, local). */
export function monthsFrom(today: Date, months: number): string {
  const d = new Date(today.getFullYear(), today.getMonth() + months, today.getDate())
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
