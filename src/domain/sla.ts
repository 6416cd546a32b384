import type { BusinessCalendar } from './business-calendar.js'

export interface SlaPolicy {
  /** Acknowledge within this many hours of working time: the clock stands still on days off. */
  ackHours: number
  /** Reply by the end of this many working days after the day of the message. */
  replyWorkingDays: number
}

export interface SlaDeadlines {
  ackDueAt: Date
  replyDueAt: Date
}

export interface CountedSlaDeadlines extends SlaDeadlines {
  /** Counted over days whose official holiday schedule is not yet known: may move once it is. */
  provisional: boolean
}

export interface SlaClocks extends SlaDeadlines {
  acknowledgedAt: Date | null
  repliedAt: Date | null
}

export interface SlaStatus {
  /** Not yet done and past due: time to remind or escalate. */
  ackOverdue: boolean
  replyOverdue: boolean
  /** Done by the deadline (true), done late or still open past it (false), open and not yet due (null). */
  ackInTime: boolean | null
  replyInTime: boolean | null
}

export interface StatusEvent {
  at: Date
  /** null for timeline events that do not change the status (notes, ratings…). */
  toStatus: string | null
  fromStatus: string | null
}

/**
 * Both deadlines of a message received at `submittedAt`. Both count working time only, so
 * that a weekend or a holiday never makes a deputy late (and the SLA job, which reads these
 * instants, never escalates on a day off).
 */
export function slaDeadlines(submittedAt: Date, calendar: BusinessCalendar, policy: SlaPolicy): CountedSlaDeadlines {
  if (!Number.isFinite(policy.ackHours) || policy.ackHours < 0) throw new RangeError(`ackHours must be ≥ 0, got ${policy.ackHours}`)
  const ack = calendar.afterWorkingHours(submittedAt, policy.ackHours)
  const reply = calendar.workingDaysDeadline(submittedAt, policy.replyWorkingDays)
  return { ackDueAt: ack.dueAt, replyDueAt: reply.dueAt, provisional: ack.provisional || reply.provisional }
}

/**
 * Where a case stands against its deadlines at `now`. A deadline is met up to and including
 * its due instant. A reply also counts as the acknowledgement: a resident who got an answer
 * was not left unheard, even if staff skipped the acknowledge step.
 */
export function slaStatus(c: SlaClocks, now: Date): SlaStatus {
  const acknowledgedAt = earliest(c.acknowledgedAt, c.repliedAt)
  const ack = clock(c.ackDueAt, acknowledgedAt, now)
  const reply = clock(c.replyDueAt, c.repliedAt, now)
  return { ackOverdue: ack.overdue, replyOverdue: reply.overdue, ackInTime: ack.inTime, replyInTime: reply.inTime }
}

function clock(dueAt: Date, doneAt: Date | null, now: Date): { overdue: boolean; inTime: boolean | null } {
  if (doneAt) return { overdue: false, inTime: doneAt.getTime() <= dueAt.getTime() }
  const overdue = now.getTime() > dueAt.getTime()
  return { overdue, inTime: overdue ? false : null }
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b
  if (!b) return a
  return a.getTime() <= b.getTime() ? a : b
}

/**
 * Total time a case has spent in status 'forwarded' (with a department), shown beside the
 * SLA clocks because the office cannot hurry a department. A case may be forwarded several
 * times; forwarding it on from one department to another continues the same interval; an
 * interval still open runs until `now`. Events may come in any order. Only `toStatus` is
 * read: the status a case enters is what starts or stops the clock.
 */
export function forwardedDurationMs(events: StatusEvent[], now: Date): number {
  const changes = events.filter((e) => e.toStatus !== null).sort((a, b) => a.at.getTime() - b.at.getTime())
  let total = 0
  let since: number | null = null
  for (const e of changes) {
    const at = e.at.getTime()
    if (e.toStatus === 'forwarded') since ??= at
    else if (since !== null) {
      total += at - since
      since = null
    }
  }
  if (since !== null) total += Math.max(0, now.getTime() - since)
  return total
}

/** The middle value (mean of the two middle values for an even count); null when there are none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * The deadlines of an open case counted again on a calendar that now knows more (a year
 * imported after they were set provisionally). Each clock restarts where the workflow
 * restarted it: the reply clock at the last reopening (else the submission), the
 * acknowledgement clock at the last (re)assignment or reopening. A clock already stopped
 * (acknowledged, replied) keeps its deadline.
 */
export function recountedDeadlines(
  c: { createdAt: Date; ackDueAt: Date; replyDueAt: Date; acknowledgedAt: Date | null; repliedAt: Date | null },
  events: Array<{ at: Date; type: string }>,
  calendar: BusinessCalendar,
  policy: SlaPolicy,
): CountedSlaDeadlines {
  const lastOf = (types: string[]) => events.filter((e) => types.includes(e.type)).reduce((latest, e) => (e.at > latest ? e.at : latest), c.createdAt)
  const ack = c.acknowledgedAt
    ? { dueAt: c.ackDueAt, provisional: false }
    : calendar.afterWorkingHours(lastOf(['assigned', 'transferred', 'reopened']), policy.ackHours)
  const reply = c.repliedAt ? { dueAt: c.replyDueAt, provisional: false } : calendar.workingDaysDeadline(lastOf(['reopened']), policy.replyWorkingDays)
  return { ackDueAt: ack.dueAt, replyDueAt: reply.dueAt, provisional: ack.provisional || reply.provisional }
}
