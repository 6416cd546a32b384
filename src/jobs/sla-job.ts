import type { JobDefinition } from './job.js'

export const SLA_JOB = 'sla'

/**
 * The SLA clocks over every open case: reminders, escalation, closing replies left unrated; and the repair of
 * moves over several cases left half done (messages merged into a withdrawn one, messages with a deputy who left).
 */
export const slaJob: JobDefinition = {
  name: SLA_JOB,
  schedule: (config) => config.cases.slaSchedule,
  leaseMs: 4 * 60_000,
  async run({ services, logger }) {
    const done = { ...(await services.slaClocks.runDue()), ...(await services.caseRepairs.runDue()) }
    if (done.reminded + done.escalated + done.closed + done.freed + done.handedBack) logger.info(done, 'sla job')
    return done
  },
}
