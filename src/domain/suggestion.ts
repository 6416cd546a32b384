import { messageGist } from './message-about.js'
import { maskPersonalData } from './pii-mask.js'
/**
 * 代表建议: a deputy's formal suggestion, from draft to evaluation. The record, its statuses
 * and which action each status admits. Pure: the service loads, checks here, then writes.
 */

export type SuggestionStatus =
  'draft' | 'cosigning' | 'submitted' | 'returned' | 'merged' | 'converted' | 'accepted' | 'assigned' | 'answered' | 'rehandling' | 'following' | 'closed'

export const SUGGESTION_STATUSES: SuggestionStatus[] = [
  'draft',
  'cosigning',
  'submitted',
  'returned',
  'merged',
  'converted',
  'accepted',
  'assigned',
  'answered',
  'rehandling',
  'following',
  'closed',
]

export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, string> = {
  draft: '草稿',
  cosigning: '征集附议',
  submitted: '待审查',
  returned: '已退回',
  merged: '已并案',
  converted: '已转为群众留言办理',
  accepted: '已立案待交办',
  assigned: '办理中',
  answered: '已答复待评价',
  rehandling: '重新办理',
  following: '已答复，正在办理',
  closed: '已办结',
}

export type AnswerCategory = 'resolved' | 'in_progress' | 'for_reference'
export const ANSWER_CATEGORY_LABELS: Record<AnswerCategory, string> = {
  resolved: '已解决',
  in_progress: '正在解决或列入计划',
  for_reference: '留作参考',
}

export type RatingScore = 'satisfied' | 'basically_satisfied' | 'dissatisfied'
export const RATING_SCORE_LABELS: Record<RatingScore, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
}

export type ReviewDecision = 'accept' | 'merge' | 'return' | 'convert'
export type RequestKind = 'extension' | 'change_unit'
/** `lapsed`: its moment passed before the office decided (the lead answered, or the lead changed). */
export type RequestStatus = 'pending' | 'approved' | 'denied' | 'lapsed'

export interface NamedRef {
  id: string
  name: string
}

export interface SuggestionAnswer {
  unit: NamedRef
  role: 'lead' | 'co'
  category: AnswerCategory | null
  text: string
  at: Date
  round: number
  /**
   * YYYY-MM-DD: the day by which a lead unit answering 正在解决或列入计划 promises the work done; null (or absent, in
   * answers kept before it was asked) otherwise.
   */
  plannedBy?: string | null
}

/**
 * A deputy the lead asked to co-sign (邀请附议): told so, and answers by co-signing (then in coSigners) or by
 * declining (declinedAt). Any other deputy may still co-sign from 待附议 uninvited.
 */
export interface SuggestionInvitee {
  deputyId: string
  name: string
  at: Date
  declinedAt: Date | null
}

export interface SuggestionRating {
  score: RatingScore
  comment: string
  at: Date
  round: number
}

export interface SuggestionRequest {
  id: string
  kind: RequestKind
  unit: NamedRef
  reason: string
  days: number | null
  proposedUnit: NamedRef | null
  status: RequestStatus
  at: Date
  decidedAt: Date | null
  note: string | null
}

export interface SuggestionAssignment {
  leadUnit: NamedRef
  coUnits: NamedRef[]
  /** YYYY-MM-DD, the last day (Asia/Shanghai) on which an answer is on time. */
  deadline: string
  keySupervision: boolean
  supervisionLeader: string | null
  assignedAt: Date
}

export type SuggestionActorRole = 'deputy' | 'office' | 'unit' | 'system'
export type SuggestionAction =
  | 'created'
  | 'edited'
  | 'cosign_opened'
  | 'cosigned'
  | 'cosign_withdrawn'
  | 'cosign_declined'
  | 'submitted'
  | 'accepted'
  | 'merged'
  | 'returned'
  | 'converted'
  | 'assigned'
  | 'answered'
  | 'request_made'
  | 'request_approved'
  | 'request_denied'
  | 'request_lapsed'
  | 'rated'
  | 'rehandling'
  | 'following'
  | 'closed'
  | 'published'
  | 'unpublished'
  | 'urged'
  | 'supervised'

export interface SuggestionEvent {
  at: Date
  actor: { role: SuggestionActorRole; id: string | null; name: string }
  action: SuggestionAction
  text: string
}

export interface SuggestionRecord {
  id: string
  /** "2026-0012", given at submission; null before. */
  number: string | null
  year: number
  title: string
  body: string
  attachments: Array<{ id: string; name: string }>
  deputy: NamedRef
  /** The lead deputy's district, which decides which organizers see it; null when unknown. */
  districtId: string | null
  coSigners: Array<{ deputyId: string; name: string; at: Date }>
  /** Whom the lead asked to co-sign, and whether each declined; [] when nobody was asked by name. */
  invitees: SuggestionInvitee[]
  cosignUntil: Date | null
  cases: Array<{ id: string; ticket: string; title: string }>
  status: SuggestionStatus
  review: { decision: ReviewDecision; reason: string | null; by: string; at: Date } | null
  mergedInto: string | null
  convertedCaseId: string | null
  assignment: SuggestionAssignment | null
  answers: SuggestionAnswer[]
  ratings: SuggestionRating[]
  round: number
  requests: SuggestionRequest[]
  published: boolean
  timeline: SuggestionEvent[]
  createdAt: Date
  updatedAt: Date
  /** Optimistic concurrency: an update names the version it read. */
  version: number
}

/** What a status admits, in plain words for the 409 when it does not. */
export type SuggestionStep = 'edit' | 'open_cosign' | 'cosign' | 'submit' | 'review' | 'assign' | 'answer' | 'request' | 'rate' | 'publish' | 'urge'

const ALLOWED: Record<SuggestionStep, SuggestionStatus[]> = {
  edit: ['draft'],
  open_cosign: ['draft'],
  cosign: ['cosigning'],
  submit: ['draft', 'cosigning'],
  review: ['submitted'],
  assign: ['accepted'],
  // 'following': the lead unit reports the promised work done (or a new plan), and the deputy rates again.
  answer: ['assigned', 'rehandling', 'following'],
  request: ['assigned', 'rehandling'],
  rate: ['answered'],
  publish: ['answered', 'following', 'closed'],
  // 'following': the lead unit promised the work by a day and has not reported it done; the office may press it too.
  urge: ['assigned', 'rehandling', 'following'],
}

const STEP_WORDS: Record<SuggestionStep, string> = {
  edit: '只有草稿可以修改',
  open_cosign: '只有草稿可以征集附议',
  cosign: '这条建议现在不在征集附议',
  submit: '这条建议已经提交过了',
  review: '只有待审查的建议可以审查',
  assign: '只有已立案的建议可以交办',
  answer: '这条建议现在不需要答复',
  request: '这条建议现在不在办理中',
  rate: '只有已答复的建议可以评价',
  publish: '只有已答复或已办结的建议可以公开',
  urge: '只有承办单位还在办理的建议可以催办或督办',
}

/** Null when the step fits the status, else the sentence saying why not. */
export function refusalFor(step: SuggestionStep, status: SuggestionStatus): string | null {
  return ALLOWED[step].includes(status) ? null : `${STEP_WORDS[step]}（现在：${SUGGESTION_STATUS_LABELS[status]}）`
}

/**
 * A unit's requests still waiting lapse, with the reason as their note: the office then has
 * nothing left to decide, and the unit may ask again in a later round.
 */
export function lapsePendingRequests(s: Pick<SuggestionRecord, 'requests'>, note: string, at: Date): SuggestionRequest[] {
  const pending = s.requests.filter((r) => r.status === 'pending')
  for (const r of pending) Object.assign(r, { status: 'lapsed', decidedAt: at, note })
  return pending
}

/** The statuses in which a unit still owes an answer: the deadline clock runs. */
export const HANDLING_STATUSES: SuggestionStatus[] = ['assigned', 'rehandling']

/** "2026-0012": the year and a four-digit sequence. */
export const suggestionNumber = (year: number, seq: number) => `${year}-${String(seq).padStart(4, '0')}`

/**
 * About how many characters of her words a suggestion quotes: cut at a clause's or a word's end, never inside a mask, and
 * marked "…" when there is more (messageGist): cut mid-word with no mark ("…楼顶漏水三个") it read as all she wrote.
 */
export const LINKED_CASE_TITLE_MAX = 20

/**
 * The words a suggestion quotes of a resident's message it links (cases[].title), with names, phones and house numbers
 * masked in full (maskPersonalData): co-signing deputies of any place read it, who never handle the message itself,
 * so her building, entrance or yard is not theirs to read (review 37, finding 5); the deputy's own text says the place
 * in his words. Stores write it again from the masked text when the message is anonymised, so it never outlives it.
 */
export const linkedCaseTitle = (caseText: string) => messageGist(maskPersonalData(caseText), LINKED_CASE_TITLE_MAX, { wholeWords: true })

/** The lead unit's latest answer (the one the deputy rates), if any. */
export function latestLeadAnswer(s: Pick<SuggestionRecord, 'answers'>): SuggestionAnswer | null {
  for (let i = s.answers.length - 1; i >= 0; i--) if (s.answers[i].role === 'lead') return s.answers[i]
  return null
}

export const latestRating = (s: Pick<SuggestionRecord, 'ratings'>): SuggestionRating | null => s.ratings[s.ratings.length - 1] ?? null

/** The units a suggestion is with: the lead first, then the co-units. */
export const unitIdsOf = (s: Pick<SuggestionRecord, 'assignment'>): string[] =>
  s.assignment ? [s.assignment.leadUnit.id, ...s.assignment.coUnits.map((u) => u.id)] : []

/**
 * After a rating: 不满意 in the first round sends it back once. Otherwise an answer of 正在解决或列入计划 (`category`
 * of the lead answer rated) is a promise, not the work: the suggestion stays open (`following`, 已答复，正在办理) until
 * the lead unit reports it done, and the deputy then rates that report; any other answer closes it. A rating is kept
 * per answer, so the first one (of the plan) still counts in the unit's figures until the second replaces it.
 */
export function afterRating(score: RatingScore, round: number, category: AnswerCategory | null = null): 'rehandling' | 'following' | 'closed' {
  if (score === 'dissatisfied' && round < 2) return 'rehandling'
  return category === 'in_progress' ? 'following' : 'closed'
}

/** The day the lead unit promised the work done by (its latest answer's, when that is 正在解决或列入计划), or null. */
export function promisedBy(s: Pick<SuggestionRecord, 'answers'>): string | null {
  const a = latestLeadAnswer(s)
  return a?.category === 'in_progress' ? (a.plannedBy ?? null) : null
}
