import type { CaseRecord } from './case.js'

/**
 * The highest score that says 群众不满意: the rating words are 1 很不满意, 2 不满意, 3 一般
 * (case-dashboard's RATING_LABELS), so this is what the words say, not the reopen setting.
 */
// Migration 059's partial index (cases_unhappy_created) writes this 2 in its condition: change both, or
// SQLite stops using the index (test/store/query-plans.test.ts would say so).
export const UNHAPPY_AT_MOST = 2

/**
 * The resident's latest score when it says she was not satisfied, else null: the score of this
 * round, or, once she asked for the message to be handled again (重新办理, which clears the round's
 * score), the last score she gave, until she rates the new answer. The inbox's 「群众不满意」 filter
 * selects the same cases (CaseFilter.unhappy).
 */
export function unhappyRating(c: Pick<CaseRecord, 'rating' | 'ratings' | 'reopenCount'>): number | null {
  if (c.rating !== null) return c.rating <= UNHAPPY_AT_MOST ? c.rating : null
  // Asking for 重新办理 says she was not satisfied, whatever score the office lets reopen; her score is
  // named only when it says so too (a 3 is 一般: "群众不满意 3分" would contradict the words).
  const last = c.ratings.at(-1)?.rating ?? null
  return c.reopenCount > 0 && last !== null && last <= UNHAPPY_AT_MOST ? last : null
}

/**
 * The inbox line's words for it: 「群众不满意 2分」, with 「，重新办理」 while the message is handled
 * again; null for a message she did not rate low. Words, not a colour alone: many clerks print the list.
 */
export function unhappyText(c: Pick<CaseRecord, 'rating' | 'ratings' | 'reopenCount'>): string | null {
  const score = unhappyRating(c)
  if (c.rating === null && c.reopenCount > 0) return score === null ? '群众不满意，重新办理' : `群众不满意 ${score}分，重新办理`
  return score === null ? null : `群众不满意 ${score}分`
}
