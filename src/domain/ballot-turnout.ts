/**
 * How many of a ballot's roll voted, for the office to weigh before it confirms. There is no quorum (the pass
 * rule counts the ballots cast), so a result chosen by a few is valid; a turnout below half is only flagged,
 * for the office to see and decide (a 主任会议 may want a second round), never refused.
 */
export interface BallotTurnout {
  /** 实际投票 7 人 / 应投票 22 人（32%） */
  text: string
  /** Fewer than half of the roll voted. */
  low: boolean
}

export function ballotTurnout(cast: number, roll: number): BallotTurnout {
  const percent = roll > 0 ? Math.round((cast / roll) * 100) : 0
  return { text: `实际投票 ${cast} 人 / 应投票 ${roll} 人（${percent}%）`, low: roll > 0 && cast * 2 < roll }
}
