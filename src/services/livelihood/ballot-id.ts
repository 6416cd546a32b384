import { createHash } from 'node:crypto'

/**
 * A 民生实事 year's ballot has one id, derived from the year's: two requests cannot make two ballots, and the
 * survey side knows a year's ballot (told its result when the office confirms it) from a ballot of its own.
 * Shaped as every survey id.
 */
export function ballotIdOf(cycleId: string): string {
  const h = createHash('sha256').update(`livelihood-ballot:${cycleId}`).digest('hex')
  return `sv-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}
