import { latestLeadAnswer, latestRating, type NamedRef, type RatingScore, type SuggestionRecord } from './suggestion.js'

export interface SuggestionTally {
  total: number
  answered: number
  onTime: number
  onTimeShare: number | null
  resolvedShare: number | null
  satisfaction: Record<RatingScore, number>
  satisfiedShare: number | null
}

const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null)

/** Accumulates one unit's (or everyone's) figures, then shares them out. */
function tally(records: SuggestionRecord[], answeredOn: (at: Date) => string): SuggestionTally {
  const satisfaction: Record<RatingScore, number> = { satisfied: 0, basically_satisfied: 0, dissatisfied: 0 }
  let answered = 0
  let onTime = 0
  let resolved = 0
  for (const s of records) {
    const answer = latestLeadAnswer(s)
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
    onTimeShare: share(onTime, answered),
    resolvedShare: share(resolved, answered),
    satisfaction,
    satisfiedShare: share(satisfaction.satisfied + satisfaction.basically_satisfied, rated),
  }
}

/**
 * Per lead unit and in total, for the suggestions assigned in a year: how many answered,
 * on time (the first lead answer on or before the deadline, as it stands after extensions),
 * resolved, and how the deputies rated them. `answeredOn` turns a time into its local date.
 */
export function suggestionStats(
  records: SuggestionRecord[],
  answeredOn: (at: Date) => string,
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
    .map((e) => ({ unit: e.unit, ...tally(e.records, answeredOn) }))
    .sort((a, b) => b.total - a.total || a.unit.name.localeCompare(b.unit.name))
  return { units, totals: tally(assigned, answeredOn) }
}
