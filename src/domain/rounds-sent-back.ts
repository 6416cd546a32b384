import type { CaseRecord, RoundsSentBack } from './case.js'

export type { RoundsSentBack }

/**
 * The rounds of a message the resident sent back (重新办理), as a deputy's record keeps them.
 *
 * Why: a reopen starts a new round (new deadlines; acknowledgedAt and repliedAt cleared for it), and the counts read
 * only the round in progress, so the deputy's first acknowledgement and answer vanished from 按时受理 and 按时答复 while
 * the resident's score of that answer stayed in 平均满意度: "按时受理 0%, 按时答复 —, 满意度 2" for a deputy who
 * acknowledged within minutes and answered the same day (review 37 § 10). A 履职 record is a record of what was done:
 * an acknowledgement and an answer given in time stay given in time, and the low score of that answer stays too (it
 * is the resident's word on it, and the weekly report counts it in the week it was given). So each round is judged by
 * its own deadlines: the rounds sent back are kept on the message (how many, and how many were acknowledged and
 * answered in time), and 按时受理 and 按时答复 count them beside the round in progress (case-stats.ts, and the stores'
 * counts: sqlite migration 078, store/case-tally.ts). A message answered twice has been due twice.
 */
export const NO_ROUNDS_SENT_BACK: RoundsSentBack = Object.freeze({ rounds: 0, ackInTime: 0, replyInTime: 0 })

/**
 * The rounds sent back once this answered round is sent back too: judged by its own deadlines, as they stood when
 * it ended (a reply counts as the acknowledgement, as in caseStats).
 */
export function withRoundSentBack(c: Pick<CaseRecord, 'acknowledgedAt' | 'repliedAt' | 'ackDueAt' | 'replyDueAt' | 'sentBack'>): RoundsSentBack {
  const before = c.sentBack ?? NO_ROUNDS_SENT_BACK
  const acked = c.acknowledgedAt ?? c.repliedAt
  return {
    rounds: before.rounds + 1,
    ackInTime: before.ackInTime + (acked && acked <= c.ackDueAt ? 1 : 0),
    replyInTime: before.replyInTime + (c.repliedAt && c.repliedAt <= c.replyDueAt ? 1 : 0),
  }
}
