/**
 * When a 述职评议's ratings may be read, by anyone (the deputy and the office alike). 不记名 would not hold if the
 * ratings could be watched moving while a resident rated just after a visit, so they stay sealed until the close;
 * until then only the count of raters (turnout) is told. Closed with fewer than APPRAISAL_MIN_SHOWN raters they stay
 * sealed: with two or three raters one 不满意 points at a person. Pure.
 */
import type { SurveyPhase } from './survey.js'
import type { SurveyResults } from './survey-tally.js'

/** Fewer raters than this and the ratings are never shown, closed or not: the count alone. */
export const APPRAISAL_MIN_SHOWN = 5

/** Why the ratings are held back: not begun, still running, or closed with too few raters. */
export type AppraisalSeal = 'not_started' | 'in_progress' | 'too_few'

export function appraisalSeal(phase: SurveyPhase, raters: number): AppraisalSeal | null {
  if (phase === 'scheduled') return 'not_started'
  if (phase === 'open') return 'in_progress'
  return raters < APPRAISAL_MIN_SHOWN ? 'too_few' : null
}

/** What the office reads in place of the ratings, in plain words. */
export const APPRAISAL_SEAL_WORDS: Record<AppraisalSeal, string> = {
  not_started: '评议还没有开始，结束后显示评分',
  in_progress: '评议进行中，结束后显示评分',
  too_few: `参加评议的不足 ${APPRAISAL_MIN_SHOWN} 人，为保护评议人，不显示评分`,
}

/**
 * The results as they may be read: when sealed, the count of raters is kept and nothing per question or article
 * (no average, no option count, no comment count).
 */
export function readableAppraisalResults(phase: SurveyPhase, results: SurveyResults): { results: SurveyResults; seal: AppraisalSeal | null } {
  const seal = appraisalSeal(phase, results.responses)
  return seal ? { results: { responses: results.responses, questions: [], articles: [] }, seal } : { results, seal }
}

/**
 * What the office may still do about an appraisal's turnout: extend it while it runs (or before it starts), and reopen
 * it once when it closed with too few raters to show anything (a second reopening would let an office keep it open
 * until the ratings suit it). Closed with enough raters, it is over: the ratings are out.
 */
export function appraisalActions(phase: SurveyPhase, raters: number, reopened: boolean): { canExtend: boolean; canReopen: boolean } {
  const seal = appraisalSeal(phase, raters)
  return { canExtend: phase !== 'closed', canReopen: seal === 'too_few' && !reopened }
}

/**
 * The turnout against the threshold, said to the office while it can still act on it (review 38 § 4: nothing said
 * while it ran that 5 raters were needed): "已有 2 人参加，至少 5 人参加才能显示评分，还差 3 人。" Null once the ratings
 * are shown.
 */
export function appraisalTurnoutText(phase: SurveyPhase, raters: number, reopened: boolean): string | null {
  const short = APPRAISAL_MIN_SHOWN - raters
  if (phase === 'scheduled') return `评议还没有开始。至少 ${APPRAISAL_MIN_SHOWN} 人参加，评议结束后才显示评分。`
  if (phase === 'open')
    return short > 0
      ? `已有 ${raters} 人参加，至少 ${APPRAISAL_MIN_SHOWN} 人参加才能显示评分，还差 ${short} 人。人数不够可以点“延长评议”。`
      : `已有 ${raters} 人参加，已经够 ${APPRAISAL_MIN_SHOWN} 人，评议结束后显示评分。`
  if (short <= 0) return null
  return reopened
    ? `只有 ${raters} 人参加，不足 ${APPRAISAL_MIN_SHOWN} 人，不显示评分。这次评议已经重新开放过一次，不能再开放。`
    : `只有 ${raters} 人参加，不足 ${APPRAISAL_MIN_SHOWN} 人，不显示评分。可以点“重新开放”，定一个新的结束日期，请更多群众参加（只能重新开放一次）。`
}
