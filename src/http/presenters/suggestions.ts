import {
  ANSWER_CATEGORY_LABELS,
  latestLeadAnswer,
  latestRating,
  promisedBy,
  RATING_SCORE_LABELS,
  SUGGESTION_STATUS_LABELS,
  type SuggestionAnswer,
  type SuggestionRecord,
} from '../../domain/suggestion.js'
import { dayTextFrom } from '../../domain/dates.js'
import { cosignStanding, cosignWords, INVITEE_ANSWER_LABELS, inviteeAnswer } from '../../domain/suggestion-cosign.js'
import { promiseDaysLate, promiseLateText, suggestionDueText, urgesSincePromise } from '../../domain/suggestion-due.js'
import { maskPersonalData } from '../../domain/pii-mask.js'

/**
 * What presenting needs besides the record: today's local date (for 还有 N 天), signed links to attachments, and the
 * office that oversees a suggestion by its name (its lead deputy's district's, or the whole installation's).
 */
export interface SuggestionView {
  today: string
  link: (url: string) => string
  office: (s: Pick<SuggestionRecord, 'districtId'>) => string
  /** When it is read: whether co-signing is still open. */
  now: Date
  /** config suggestions.minCoSigners: co-signers needed before submitting (0: none). */
  minCoSigners: number
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
  plannedBy: a.plannedBy ?? null,
})

/**
 * While it asks for co-signers: how many co-signed, how many more the rule needs, who was asked and has not answered,
 * whether submitting now leaves nobody out (`ready`), and all of it in the lead deputy's words.
 */
function presentCosign(s: SuggestionRecord, view: SuggestionView) {
  if (s.status !== 'cosigning') return null
  const st = cosignStanding(s, view.minCoSigners, view.now)
  return { needed: st.needed, cosigned: st.cosigned, missing: st.missing, waiting: st.waiting.map((i) => i.name), ready: st.ready, words: cosignWords(st) }
}

/**
 * A promise of 正在解决或列入计划: the day it is due (null when the unit gave none; byText "2027年6月30日", "6月30日" in the office's current year) and what it means for the deputy,
 * while he is yet to rate it (answered) or it is being done (following); null otherwise. While following, also how late
 * it is (`lateText` "承诺日期已过 3 天", null on time: the console's list marks it; `daysLate` 3, 0 on time) and, in his words, that the day has
 * passed and that the office pressed the unit (已催办) since the promise: what he would otherwise ask the office.
 */
function presentPromise(s: SuggestionRecord, view: SuggestionView) {
  const by = promisedBy(s)
  const byText = by ? dayTextFrom(by, view.today) : null
  if (s.status === 'following') {
    const late = promiseDaysLate(s, view.today)
    const urged = urgesSincePromise(s)
    const promised = byText ? `单位承诺${byText}前办完` : '单位答复正在解决或列入计划'
    const pressed = urged ? `${view.office(s)}已催办承办单位${urged > 1 ? ` ${urged} 次` : ''}。` : ''
    return {
      by,
      byText,
      // What he does next, and when: not a promise on the unit's behalf (办完后单位会报告，到时会告诉您) nobody here can keep.
      text: `${promised}${late ? `，${promiseLateText(late)}，还没有报告办完` : ''}。单位报告办完后，请您再评价一次。${pressed}`,
      lateText: late ? promiseLateText(late) : null,
      // The same, as a number: the deputy's list says it in his own words (承办单位承诺的日期已过 3 天).
      daysLate: late,
    }
  }
  return s.status === 'answered' && byText ? { by, byText, text: `单位承诺${byText}前办完。` } : null
}

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
    /** Whom the lead asked to co-sign, and each one's answer (waiting 还没有回复, cosigned 已附议, declined 不附议). */
    invitees: s.invitees.map((i) => {
      const answer = inviteeAnswer(s, i)
      return { deputyId: i.deputyId, name: i.name, answer, answerLabel: INVITEE_ANSWER_LABELS[answer] }
    }),
    cosign: presentCosign(s, view),
    cosignUntil: iso(s.cosignUntil),
    // Masked again as read, in full as at linking: titles stored before they were masked, or under a laxer mask.
    cases: s.cases.map((c) => ({ id: c.id, ticket: c.ticket, title: maskPersonalData(c.title) })),
    status: s.status,
    statusLabel: SUGGESTION_STATUS_LABELS[s.status],
    /** The office that reviews it and decides the units' requests, by name ("湛河区人大常委会办公室"). */
    office: view.office(s),
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
    promise: presentPromise(s, view),
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

/**
 * The pair each suggestion route file presents with (`presentOne`: presentSuggestion or presentUnitSuggestion): one
 * suggestion, or a list. Each answer reads the view once (its day, links, and the directory that names the office): a
 * list shares one.
 */
export function suggestionPresenters<T>(view: () => Promise<SuggestionView>, presentOne: (s: SuggestionRecord, view: SuggestionView) => T) {
  return {
    presentAll: async (items: readonly SuggestionRecord[]) => {
      const now = await view()
      return items.map((s) => presentOne(s, now))
    },
    present: async (s: SuggestionRecord) => presentOne(s, await view()),
  }
}
