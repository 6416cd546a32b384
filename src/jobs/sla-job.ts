import type { Clock } from '../clock.js'
import type { CaseRecord } from '../domain/case.js'
import { dueDateText, hoursText } from '../domain/due-date-text.js'
import { slaActions, type SlaAction, type SlaActionPolicy } from '../domain/sla-actions.js'
import { ConflictError } from '../errors.js'
import type { Logger } from '../logger.js'
import { caseEvent, caseMessage, queueOf, SYSTEM, type Recipient } from '../services/cases/case-changes.js'
import type { CaseWorkflow } from '../services/cases/case-workflow.js'
import type { Store } from '../store/ports.js'

export const SLA_JOB = 'sla'

export interface SlaJobDeps {
  store: Store
  workflow: CaseWorkflow
  clock: Clock
  logger: Logger
  policy: SlaActionPolicy & { timeZone: string }
}

const CLOCK_WORDS = { ack: '受理', reply: '答复' } as const

/**
 * One pass of the SLA clocks over every open case. Safe to run again at any time and on
 * several instances: levels reached are stored on the case, reminders are found in the
 * timeline, and every message has a dedupe key.
 */
export async function runSlaJob({ store, workflow, clock, logger, policy }: SlaJobDeps) {
  const now = clock.now()
  const done = { reminded: 0, escalated: 0, closed: 0 }
  for (const c of await store.cases.listOpen()) {
    for (const action of slaActions(c, now, policy)) {
      try {
        await apply(c, action)
      } catch (err) {
        // Someone changed the case meanwhile: the next run looks again.
        if (!(err instanceof ConflictError)) throw err
      }
    }
  }
  if (done.reminded + done.escalated + done.closed) logger.info(done, 'sla job')
  return done

  async function apply(c: CaseRecord, action: SlaAction) {
    const round = `${action.kind === 'autoClose' ? 'close' : action.clock}:${c.reopenCount}`
    if (action.kind === 'autoClose') {
      await workflow.autoClose(c)
      done.closed++
      return
    }
    const word = CLOCK_WORDS[action.clock]
    if (action.kind === 'remind') {
      const already = (await store.cases.events(c.id)).some((e) => e.type === 'reminded' && e.data.round === round)
      if (already || !c.deputyId) return
      const text = `提醒：留言 ${c.ticket} 请在${dueDateText(action.dueAt, policy.timeZone, now)}${word}，请及时处理。`
      await store.cases.appendEvents(c.id, [caseEvent(c, 'reminded', SYSTEM, now, { note: text, data: { clock: action.clock, round } })], [
        caseMessage(c, 'case.reminder', { kind: 'deputy', id: c.deputyId }, text, `sla:${c.id}:remind:${round}`, now),
      ])
      done.reminded++
      return
    }
    // The office supervising whoever holds it: after a cross-district transfer, the handler's.
    const to: Recipient = action.level === 1 ? queueOf(c) : { kind: 'office', id: c.handlingDistrictId ?? c.districtId ?? c.officeRegionId ?? 'city' }
    // "已超过答复期限72 小时" read like a machine; people say how long it has been late.
    const late = action.level === 2 ? `逾期未${word}已超过 ${hoursText(policy.escalationRepeatHours)}` : `已过${word}期限`
    const text = `督办：留言 ${c.ticket} ${late}，请督促办理。`
    const patch = action.clock === 'ack' ? { ackEscalation: action.level } : { replyEscalation: action.level }
    await store.cases.update(
      { ...c, ...patch, updatedAt: now },
      [caseEvent(c, 'escalated', SYSTEM, now, { note: text, data: { clock: action.clock, level: action.level, round } })],
      [
        caseMessage(c, 'case.escalated', to, text, `sla:${c.id}:escalate:${action.level}:${round}`, now),
        ...(c.deputyId ? [caseMessage(c, 'case.overdue', { kind: 'deputy', id: c.deputyId }, `留言 ${c.ticket} 已逾期未${word}，已报告督办。`, `sla:${c.id}:overdue:${action.level}:${round}`, now)] : []),
      ],
    )
    done.escalated++
  }
}
