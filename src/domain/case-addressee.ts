import type { CaseEvent, CaseRecord } from './case.js'

/** Routing's codes for a message written to a named deputy: by the deputy's QR code or link, or typed. */
const NAMED_DEPUTY = ['deputy_code', 'deputy_named']

/**
 * The deputy she wrote to by name, as routing placed the message when she sent it; null when she
 * wrote by place or to a station, or named someone it could not go to (a deputy who had left
 * office, or herself). Read from what was recorded then, not from who holds it now: a message
 * handed on to a colleague was still written to the first.
 */
export function addressedDeputyId(c: Pick<CaseRecord, 'routingReasons' | 'createdAt'>, events: CaseEvent[]): string | null {
  if (!c.routingReasons.some((r) => NAMED_DEPUTY.includes(r.code))) return null
  // Routing's own assignment, written with the message (a later one is someone's choice, not hers).
  const placed = events.find((e) => e.type === 'assigned' && e.actorRole === 'system' && e.at.getTime() === c.createdAt.getTime())
  const deputyId = placed?.data.deputyId
  return typeof deputyId === 'string' ? deputyId : null
}
