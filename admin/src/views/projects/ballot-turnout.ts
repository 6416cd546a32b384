/** A closed ballot's count as the server gives it: how many were asked and how many voted. */
export interface BallotCount {
  roll: number
  cast: number
}

/** Fewer than half of the deputies asked voted: a result on so few is said plainly and asked about again. */
export const lowTurnout = (r: BallotCount | null | undefined): boolean => !!r && r.cast * 2 < r.roll
