import { HANDLING_STATUSES, latestLeadAnswer, latestRating, type NamedRef, type RatingScore, type SuggestionRecord } from './suggestion.js'

export interface SuggestionTally {
  total: number
  answered: number
  onTime: number
  /** Still with the units and past the deadline (the list's 只看已超期), answered before or not. */
  overdue: number
  /** 按期率: on time of those answered or past the deadline without an answer (a late one waiting counts as not on time). */
  onTimeShare: number | null
  resolvedShare: number | null
  satisfaction: Record<RatingScore, number>
  satisfiedShare: number | null
}

const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null)

/** Accumulates one unit's (or everyone's) figures, then shares them out. */
function tally(records: SuggestionRecord[], answeredOn: (at: Date) => string, today: string): SuggestionTally {
  const satisfaction: Record<RatingScore, number> = { satisfied: 0, basically_satisfied: 0, dissatisfied: 0 }
  let answered = 0
  let onTime = 0
  let resolved = 0
  let overdue = 0
  let lateUnanswered = 0
  for (const s of records) {
    const answer = latestLeadAnswer(s)
    // Only answered ones counted, a unit 33 days late on a 重点督办 read 按期率 100%: waiting past the deadline is late already.
    if (s.assignment && HANDLING_STATUSES.includes(s.status) && s.assignment.deadline < today) {
      overdue++
      if (!answer) lateUnanswered++
    }
    if (answer) {
      answered++
      if (answer.category === 'resolved') resolved++
      // The first lead answer decides timeliness: a re-handling does not make a late unit punctual.
      const first = s.answers.find((a) => a.role === 'lead')!
      if (s.assignment && answeredOn(first.at) <= s.assignment.deadline) onTime++
    }
    const rating = latestRating(s)
    if (rating) satisfaction[rating.score]++
  }
  const rated = satisfaction.satisfied + satisfaction.basically_satisfied + satisfaction.dissatisfied
  return {
    total: records.length,
    answered,
    onTime,
    overdue,
    onTimeShare: share(onTime, answered + lateUnanswered),
    resolvedShare: share(resolved, answered),
    satisfaction,
    satisfiedShare: share(satisfaction.satisfied + satisfaction.basically_satisfied, rated),
  }
}

/**
 * Per lead unit and in total, for the suggestions assigned in a year: how many answered,
 * on time (the first lead answer on or before the deadline, as it stands after extensions),
 * overdue (still being handled past the deadline on `today`, YYYY-MM-DD), resolved, and how
 * the deputies rated them. `answeredOn` turns a time into its local date.
 */
export function suggestionStats(
  records: SuggestionRecord[],
  answeredOn: (at: Date) => string,
  today: string,
): { units: Array<{ unit: NamedRef } & SuggestionTally>; totals: SuggestionTally } {
  const assigned = records.filter((s) => s.assignment)
  const byUnit = new Map<string, { unit: NamedRef; records: SuggestionRecord[] }>()
  for (const s of assigned) {
    const lead = s.assignment!.leadUnit
    const entry = byUnit.get(lead.id) ?? { unit: lead, records: [] }
    entry.records.push(s)
    byUnit.set(lead.id, entry)
  }
  const units = [...byUnit.values()]
    .map((e) => ({ unit: e.unit, ...tally(e.records, answeredOn, today) }))
    .sort((a, b) => b.total - a.total || a.unit.name.localeCompare(b.unit.name))
  return { units, totals: tally(assigned, answeredOn, today) }
}
