/**
 * Which subscribe-message templates to ask WeChat for at one tap. WeChat takes at most three
 * (wx.requestSubscribeMessage), so each person is asked for the kinds of message that matter most
 * to them, most needed first; kinds carried by the same template count once.
 */

export const MAX_TEMPLATES_PER_ASK = 3

/**
 * What a resident waits for, most needed first: the answer to her message (which she rates), that a
 * deputy took it up, a meeting or questionnaire she is asked to, then the rest of what reaches her.
 */
export const RESIDENT_NOTICE_KINDS = [
  'case.replied',
  'case.acknowledged',
  'meeting.notice',
  'survey.published',
  'case.rejected',
  'reading.published',
  'quiz.published',
] as const

/** The templates carrying these kinds, in the kinds' order, each once, at most three. */
export function templatesToAsk(kinds: readonly string[], templateFor: (kind: string) => { id: string } | null): string[] {
  const ids = kinds.map((k) => templateFor(k)?.id).filter((id): id is string => !!id)
  return [...new Set(ids)].slice(0, MAX_TEMPLATES_PER_ASK)
}
