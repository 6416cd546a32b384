import { ConflictError, UnprocessableError } from '../../errors.js'
import { plainTitle } from '../../domain/ballot-offer.js'
import { tieWords, type BallotTie } from '../../domain/survey-tally.js'

/** The 主任会议's decision on a tie across the last place: which tied projects take the places left, and on what basis. */
export interface TieDecision {
  chosen: string[]
  basis: string
}

/**
 * The tied projects the office takes: none without a tie; with one, a decision is required, and it names
 * either as many as the places left or all of them (the office then takes more than it planned).
 */
export function tieChoice(tie: BallotTie | null, decision: TieDecision | undefined, labelOf: (id: string) => string): string[] {
  if (!tie) {
    if (decision) throw new UnprocessableError('票决没有出现票数相同的情况，不需要另行决定', [{ path: 'body.tieDecision', message: '没有并列' }], 'no_tie')
    return []
  }
  if (!decision)
    throw new ConflictError(
      `${tieWords(tie, labelOf)}。请主任会议决定后，再确认票决结果`,
      tie.projectIds.map((id) => ({ path: 'tie', message: labelOf(id) })),
      'ballot_tied',
    )
  const picked = [...new Set(decision.chosen)]
  const strangers = picked.filter((id) => !tie.projectIds.includes(id))
  if (strangers.length)
    throw new UnprocessableError(
      '只能在票数相同的项目中决定',
      strangers.map(() => ({ path: 'body.tieDecision.chosen', message: '这个项目不在并列的项目中' })),
      'not_tied',
    )
  if (picked.length !== tie.places && picked.length !== tie.projectIds.length)
    throw new UnprocessableError(
      `还剩 ${tie.places} 个名额：请选 ${tie.places} 个项目，或把并列的 ${tie.projectIds.length} 个都列入`,
      [{ path: 'body.tieDecision.chosen', message: `选了 ${picked.length} 个` }],
      'tie_places',
    )
  return picked
}

export /** A candidate's title as the ballot names it (its option without the cost). */
const titleOf = (s: { questions: Array<{ options: Array<{ id: string; label: string }> }> }, id: string) =>
  plainTitle(s.questions[0]?.options.find((o) => o.id === id)?.label ?? id)
