/**
 * Running tallies: each response adds small counters (per option, per rating value, sums
 * for averages) in the same transaction that stores it, so results read a few dozen
 * counters instead of scanning 100,000 responses. Pure.
 */
import type { Question, SurveyRecord, SurveyResponse } from './survey.js'

/** One counter bump. `scope` is '' for everyone, `d:<district>` or `s:<station>` for the filters of named surveys. */
export interface TallyIncrement {
  scope: string
  questionId: string
  bucket: string
  count: number
  sum: number
}
export type TallyRow = TallyIncrement

/** Pseudo-questions: every response, and comments per article. */
export const RESPONSES = '_responses'
export const ARTICLES = '_articles'
/** Per question: how many answered it, and the sum of their numbers (averages). */
export const ANSWERED = '_answered'

export const scopeOf = (filter: { districtId?: string | null; stationId?: string | null }) =>
  filter.stationId ? `s:${filter.stationId}` : filter.districtId ? `d:${filter.districtId}` : ''

/**
 * What one response adds. Named surveys also count per district and station (the filters);
 * anonymous ones only in total, so that a small station's counts cannot point at a person.
 */
export function tallyIncrements(
  s: Pick<SurveyRecord, 'questions' | 'anonymous'>,
  r: Pick<SurveyResponse, 'answers' | 'comments' | 'stationId' | 'districtId'>,
): TallyIncrement[] {
  const scopes = ['']
  if (!s.anonymous) {
    if (r.districtId) scopes.push(`d:${r.districtId}`)
    if (r.stationId) scopes.push(`s:${r.stationId}`)
  }
  const bumps: Array<Omit<TallyIncrement, 'scope'>> = [{ questionId: RESPONSES, bucket: '', count: 1, sum: 0 }]
  for (const q of s.questions) {
    const v = r.answers[q.id]
    if (v === undefined) continue
    bumps.push({ questionId: q.id, bucket: ANSWERED, count: 1, sum: typeof v === 'number' ? v : 0 })
    if (q.type === 'single' || q.type === 'multiple')
      for (const o of Array.isArray(v) ? v : [v]) bumps.push({ questionId: q.id, bucket: String(o), count: 1, sum: 0 })
    if (q.type === 'rating') bumps.push({ questionId: q.id, bucket: String(v), count: 1, sum: v as number })
  }
  for (const c of r.comments) bumps.push({ questionId: ARTICLES, bucket: c.articleId, count: 1, sum: 0 })
  // Each counter written out field by field: every answer runs this, and spreading into a new object was most of its time.
  const out: TallyIncrement[] = []
  for (const scope of scopes) for (const b of bumps) out.push({ scope, questionId: b.questionId, bucket: b.bucket, count: b.count, sum: b.sum })
  return out
}

/** Sums increments that hit the same counter (a batch of responses, or one response's own). */
export function mergeIncrements(increments: TallyIncrement[]): TallyIncrement[] {
  // Found by scope, question and bucket in turn, not by a key joined from the three: a group of fifty
  // answers merges hundreds, and making and hashing a string for each was most of this function's time.
  const merged: TallyIncrement[] = []
  const byScope = new Map<string, Map<string, Map<string, TallyIncrement>>>()
  for (const i of increments) {
    let byQuestion = byScope.get(i.scope)
    if (!byQuestion) byScope.set(i.scope, (byQuestion = new Map()))
    let byBucket = byQuestion.get(i.questionId)
    if (!byBucket) byQuestion.set(i.questionId, (byBucket = new Map()))
    const at = byBucket.get(i.bucket)
    if (at) {
      at.count += i.count
      at.sum += i.sum
    } else {
      const first = { ...i }
      byBucket.set(i.bucket, first)
      merged.push(first)
    }
  }
  return merged
}

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0)

export interface OptionCount {
  id: string
  label: string
  count: number
  percent: number
}
export interface QuestionResult {
  questionId: string
  type: Question['type']
  title: string
  answered: number
  options: OptionCount[]
  average: number | null
  distribution: Array<{ value: number; count: number; percent: number }>
}
export interface SurveyResults {
  responses: number
  questions: QuestionResult[]
  articles: Array<{ articleId: string; number: string; comments: number }>
}

/** Counts and percentages per option (of those who answered the question), rating distributions and averages. */
export function surveyResults(s: Pick<SurveyRecord, 'questions' | 'articles'>, rows: TallyRow[]): SurveyResults {
  const counter = new Map(rows.map((r) => [`${r.questionId}\u0000${r.bucket}`, r]))
  const get = (q: string, b: string) => counter.get(`${q}\u0000${b}`)
  const questions = s.questions.map((q): QuestionResult => {
    const answered = get(q.id, ANSWERED)
    const n = answered?.count ?? 0
    const options = q.options.map((o) => ({ id: o.id, label: o.label, count: get(q.id, o.id)?.count ?? 0, percent: 0 }))
    for (const o of options) o.percent = percent(o.count, n)
    const numeric = q.type === 'rating' || q.type === 'number'
    const average = numeric && n ? Math.round((answered!.sum / n) * 100) / 100 : null
    const distribution =
      q.type === 'rating'
        ? Array.from({ length: q.scale ?? 5 }, (_, i) => {
            const count = get(q.id, String(i + 1))?.count ?? 0
            return { value: i + 1, count, percent: percent(count, n) }
          })
        : []
    return { questionId: q.id, type: q.type, title: q.title, answered: n, options, average, distribution }
  })
  const articles = s.articles.map((a) => ({ articleId: a.id, number: a.number, comments: get(ARTICLES, a.id)?.count ?? 0 }))
  return { responses: get(RESPONSES, '')?.count ?? 0, questions, articles }
}

export interface BallotProject extends OptionCount {
  passes: boolean
  chosen: boolean
  /** Passed with as many votes as another across the last place: neither chosen nor left out by the count (see BallotTie). */
  tied: boolean
}

/**
 * Projects that passed with equal votes across the last place: the count cannot say which of
 * them take the places left, so none of them is chosen by it. The office decides (主任会议) and
 * says so when it confirms the result; until then nobody is told they lost.
 */
export interface BallotTie {
  votes: number
  /** The places still open after the projects with more votes. */
  places: number
  /** The place the tie starts at (第2名并列…). */
  rank: number
  projectIds: string[]
}
export interface BallotOutcome {
  /** The deputies the roll counts: see `ballotOutcome`. */
  roll: number
  ballotsCast: number
  /** The fewest votes a project passes with: more than half of the rule's base. */
  minVotes: number
  projects: BallotProject[]
  chosen: Array<{ id: string; label: string; votes: number }>
  tie: BallotTie | null
}

/**
 * Results by votes: a project passes with more than half of the base the rule names (the
 * roll, or the ballots cast); of those, the most voted are chosen, up to `maxChosen`.
 * Projects with equal votes across the last place are never settled by list order: all of them
 * are `tied` and none chosen, and `tie` says how many places they share (the order of the
 * candidate list only orders equal counts on the sheet). `roll`: the deputies the roll counts, when some
 * on it have left office since it was fixed (the whole roll otherwise).
 */
export function ballotOutcome(s: Pick<SurveyRecord, 'questions' | 'ballot'>, rows: TallyRow[], roll = s.ballot!.rollDeputyIds.length): BallotOutcome {
  const q = s.questions[0]
  const rules = s.ballot!
  const counter = new Map(rows.filter((r) => r.questionId === q.id).map((r) => [r.bucket, r.count]))
  const cast = rows.find((r) => r.questionId === '_responses' && r.bucket === '')?.count ?? 0
  const base = rules.passRule === 'roll_majority' ? roll : cast
  const projects: BallotProject[] = q.options
    .map((o) => {
      const count = counter.get(o.id) ?? 0
      return { id: o.id, label: o.label, count, percent: percent(count, cast), passes: count * 2 > base, chosen: false, tied: false }
    })
    .sort((a, b) => b.count - a.count)
  const passing = projects.filter((p) => p.passes)
  const places = rules.maxChosen ?? passing.length
  let tie: BallotTie | null = null
  if (passing.length > places && places > 0 && passing[places - 1]!.count === passing[places]!.count) {
    const votes = passing[places]!.count
    const above = passing.filter((p) => p.count > votes)
    const level = passing.filter((p) => p.count === votes)
    for (const p of level) p.tied = true
    tie = { votes, places: places - above.length, rank: above.length + 1, projectIds: level.map((p) => p.id) }
  }
  for (const p of passing.slice(0, places)) p.chosen = !p.tied
  return {
    roll,
    ballotsCast: cast,
    // Both rules are "more than half": of 4, 3 votes; of 5, 3 votes.
    minVotes: Math.floor(base / 2) + 1,
    projects,
    chosen: projects.filter((p) => p.chosen).map((p) => ({ id: p.id, label: p.label, votes: p.count })),
    tie,
  }
}

/**
 * A tie across the last place in words, for the console and the refusal to confirm:
 * 「第2名并列：A、B 各 3 票，只剩 1 个名额，需主任会议决定」.
 */
export function tieWords(tie: BallotTie, labelOf: (id: string) => string): string {
  const names = tie.projectIds.map(labelOf).join('、')
  return `票数相同，需主任会议决定：第${tie.rank}名并列，${names} 各 ${tie.votes} 票，只剩 ${tie.places} 个名额`
}
