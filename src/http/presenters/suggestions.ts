import {
  ANSWER_CATEGORY_LABELS,
  latestLeadAnswer,
  latestRating,
  RATING_SCORE_LABELS,
  SUGGESTION_STATUS_LABELS,
  type SuggestionAnswer,
  type SuggestionRecord,
} from '../../domain/suggestion.js'
import { suggestionDueText } from '../../domain/suggestion-due.js'
import { maskPersonalData } from '../../domain/pii-mask.js'

/** What presenting needs besides the record: today's local date (for 还有 N 天) and signed links to attachments. */
export interface SuggestionView {
  today: string
  link: (url: string) => string
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)
const unit = (u: { id: string; name: string }) => ({ id: u.id, name: u.name })

const presentAnswer = (a: SuggestionAnswer) => ({
  unit: unit(a.unit),
  role: a.role,
  category: a.category,
  categoryLabel: a.category ? ANSWER_CATEGORY_LABELS[a.category] : null,
  text: a.text,
  at: a.at.toISOString(),
  round: a.round,
})

/** The whole record, as the deputies, the office and the units read it (docs/api/suggestions.md). */
export function presentSuggestion(s: SuggestionRecord, view: SuggestionView) {
  const rating = latestRating(s)
  const a = s.assignment
  return {
    id: s.id,
    number: s.number,
    title: s.title,
    body: s.body,
    attachments: s.attachments.map((f) => ({ id: f.id, name: f.name, url: view.link(f.id) })),
    deputy: unit(s.deputy),
    coSigners: s.coSigners.map((c) => ({ deputyId: c.deputyId, name: c.name, at: c.at.toISOString() })),
    cosignUntil: iso(s.cosignUntil),
    // Masked again as read: titles stored before they were masked at linking.
    cases: s.cases.map((c) => ({ id: c.id, ticket: c.ticket, title: maskPersonalData(c.title) })),
    status: s.status,
    statusLabel: SUGGESTION_STATUS_LABELS[s.status],
    year: s.year,
    review: s.review ? { decision: s.review.decision, reason: s.review.reason, by: s.review.by, at: s.review.at.toISOString() } : null,
    mergedInto: s.mergedInto,
    convertedCaseId: s.convertedCaseId,
    assignment: a
      ? {
          leadUnit: unit(a.leadUnit),
          coUnits: a.coUnits.map(unit),
          deadline: a.deadline,
          dueText: ['assigned', 'rehandling'].includes(s.status) ? suggestionDueText(a.deadline, view.today) : null,
          keySupervision: a.keySupervision,
          supervisionLeader: a.supervisionLeader,
          assignedAt: a.assignedAt.toISOString(),
        }
      : null,
    answers: s.answers.map(presentAnswer),
    rating: rating
      ? { score: rating.score, scoreLabel: RATING_SCORE_LABELS[rating.score], comment: rating.comment, at: rating.at.toISOString(), round: rating.round }
      : null,
    round: s.round,
    requests: s.requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      unit: unit(r.unit),
      reason: r.reason,
      days: r.days,
      proposedUnit: r.proposedUnit ? unit(r.proposedUnit) : null,
      status: r.status,
      at: r.at.toISOString(),
      decidedAt: iso(r.decidedAt),
      note: r.note,
    })),
    published: s.published,
    timeline: s.timeline.map((e) => ({ at: e.at.toISOString(), actor: { role: e.actor.role, name: e.actor.name }, action: e.action, text: e.text })),
  }
}

/**
 * For a handling unit's staff: the record without the opening words of the residents' messages
 * it came from (a name or place slips through masking); which messages, by ticket, still shows.
 */
export function presentUnitSuggestion(s: SuggestionRecord, view: SuggestionView) {
  return { ...presentSuggestion(s, view), cases: s.cases.map((c) => ({ id: c.id, ticket: c.ticket })) }
}

/** A published suggestion for anyone: the deputy's name is public, residents and their cases are not. */
export function presentPublicSuggestion(s: SuggestionRecord) {
  const answer = latestLeadAnswer(s)
  const rating = latestRating(s)
  return {
    id: s.id,
    number: s.number,
    year: s.year,
    title: s.title,
    body: s.body,
    deputy: { name: s.deputy.name },
    leadUnit: s.assignment ? { name: s.assignment.leadUnit.name } : null,
    coUnits: s.assignment ? s.assignment.coUnits.map((u) => ({ name: u.name })) : [],
    answer: answer
      ? {
          category: answer.category,
          categoryLabel: answer.category ? ANSWER_CATEGORY_LABELS[answer.category] : null,
          text: answer.text,
          at: answer.at.toISOString(),
        }
      : null,
    rating: rating ? { scoreLabel: RATING_SCORE_LABELS[rating.score] } : null,
  }
}
