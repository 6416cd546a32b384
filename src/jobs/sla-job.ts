import type { JobDefinition } from './job.js'

export const SLA_JOB = 'sla'

/** The SLA clocks over every open case: reminders, escalation, closing replies left unrated. */
export const slaJob: JobDefinition = {
  name: SLA_JOB,
  schedule: (config) => config.cases.slaSchedule,
  leaseMs: 4 * 60_000,
  async run({ services, logger }) {
    const done = await services.slaClocks.runDue()
    if (done.reminded + done.escalated + done.closed) logger.info(done, 'sla job')
    return done
  },
}
