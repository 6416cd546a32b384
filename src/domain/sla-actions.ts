import type { CaseRecord } from './case.js'

export type SlaClock = 'ack' | 'reply'

export type SlaAction = { kind: 'remind'; clock: SlaClock; dueAt: Date } | { kind: 'escalate'; clock: SlaClock; level: 1 | 2 } | { kind: 'autoClose' }

export interface SlaActionPolicy {
  reminderLeadHours: number
  escalationRepeatHours: number
  autoCloseDays: number
}

const HOUR = 3_600_000

/**
 * What the SLA job should do about one case now: remind the deputy before a deadline,
 * escalate to the station's staff when it passes and to the district office when it has
 * passed by the repeat period too, close a reply left unrated. Pure: the job applies it,
 * and the levels already reached on the case keep it from acting twice.
 */
export function slaActions(c: CaseRecord, now: Date, policy: SlaActionPolicy): SlaAction[] {
  if (c.status === 'replied') {
    const closeAt = (c.repliedAt?.getTime() ?? Infinity) + policy.autoCloseDays * 24 * HOUR
    return now.getTime() >= closeAt ? [{ kind: 'autoClose' }] : []
  }
  const clock = ackRunning(c) ? 'ack' : replyRunning(c) ? 'reply' : null
  if (!clock) return []
  const dueAt = clock === 'ack' ? c.ackDueAt : c.replyDueAt
  const reached = clock === 'ack' ? c.ackEscalation : c.replyEscalation
  const t = now.getTime()
  // The station's staff always hear first, even when the job was down past both thresholds.
  if (t >= dueAt.getTime() + policy.escalationRepeatHours * HOUR)
    return reached < 1 ? [{ kind: 'escalate', clock, level: 1 }] : reached < 2 ? [{ kind: 'escalate', clock, level: 2 }] : []
  if (t >= dueAt.getTime()) return reached < 1 ? [{ kind: 'escalate', clock, level: 1 }] : []
  if (c.deputyId && t >= dueAt.getTime() - policy.reminderLeadHours * HOUR) return [{ kind: 'remind', clock, dueAt }]
  return []
}

function ackRunning(c: CaseRecord) {
  return c.acknowledgedAt === null && ['submitted', 'assigned', 'reopened'].includes(c.status)
}

function replyRunning(c: CaseRecord) {
  return ['assigned', 'acknowledged', 'forwarded', 'reopened'].includes(c.status)
}
