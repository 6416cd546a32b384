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
