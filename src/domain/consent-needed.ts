/**
 * Where a resident agrees to the privacy notice before she takes part, as before her first message (PIPL arts. 13,
 * 14, 17): wherever what she gives is kept as hers. Pure: the services ask, the mini-program is told by the server.
 *
 * - A named questionnaire or consultation keeps her account with her answers and opinions, is in her copy of her
 *   data, and tells her back what became of each opinion: consent first.
 * - A quiz attempt keeps her account, her score and her place on the board: consent first.
 * - An anonymous questionnaire or consultation keeps no person, only a keyed hash per survey that holds her to one
 *   answer (SurveyResponses.respondentKey); nothing of it is in her copy. Open to her without the notice.
 * - A ballot is secret and only deputies vote.
 * - A deputy (a bound, serving one) answers and takes quizzes in office: the record is of his duties, kept by his
 *   office, not by a resident's consent. The notice is the residents'.
 */
export function surveyAnswerNeedsConsent(s: { kind: string; anonymous: boolean }, person: { deputyId: string | null }): boolean {
  if (person.deputyId) return false
  return s.kind !== 'ballot' && !s.anonymous
}

/** A quiz attempt: see surveyAnswerNeedsConsent. */
export function quizAttemptNeedsConsent(person: { deputyId: string | null }): boolean {
  return !person.deputyId
}
