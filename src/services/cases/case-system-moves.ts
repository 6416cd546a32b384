import type { CaseRecord } from '../../domain/case.js'
import { residentDueDateText } from '../../domain/due-date-text.js'
import { rulesReplyDueAt } from '../../domain/reply-deadline.js'
import { caseCards } from './case-cards.js'
import { officeName, shortOfficeName } from '../../domain/office-name.js'
import type { ChannelResolver } from '../delivery/channels.js'
import { caseEvent, caseMessage, queueOf, resident, SYSTEM, type Recipient } from './case-changes.js'
import { CaseMechanics, type CaseWorkflowDeps } from './case-mechanics.js'
import { escalationNotices, escalationRecipient, reminderNotice, slaRound, type EscalateAction, type RemindAction } from './sla-notices.js'

/**
 * The moves the system makes on its own, by the SLA clocks and the directory: reminders and
 * reports (督办) of passed deadlines, closing an answer left unrated, and a departed deputy's
 * messages going back to be placed again. Made as the people's moves are (case-mechanics.ts).
 */
export class CaseSystemMoves extends CaseMechanics {
  /** Whether a report (督办) can reach its station or office now (ChannelResolver.reach); unknown without it. */
  private readonly reach?: Pick<ChannelResolver, 'reach'>

  constructor(deps: CaseWorkflowDeps & { reach?: Pick<ChannelResolver, 'reach'> }) {
    super(deps)
    this.reach = deps.reach
  }

  /** A report's recipient as the deputy's notice names it: the station's name, or the office's short one ("澜江区人大办"). */
  private async recipientName(to: Recipient): Promise<string> {
    const prepared = await this.directory.prepared()
    if (to.kind === 'station') return prepared.stations.get(to.id)?.name ?? '联络站'
    return shortOfficeName(officeName(to.id, prepared))
  }

  /** A reply left unrated closes itself after the configured days. */
  async autoClose(c: CaseRecord) {
    return this.apply(c, SYSTEM, {
      action: 'autoClose',
      type: 'closed',
      to: 'closed',
      note: `答复后 ${this.policy.autoCloseDays} 天未评价，自动办结`,
      patch: { closedAt: this.clock.now() },
      tell: [resident(c, 'case.closed', `${this.yours(c)}已办结。如仍有问题，欢迎再次留言。`, caseCards.closed())],
    })
  }

  /**
   * The deputy holding it has left office: back to its station's queue (or its office's) as at a
   * hand-back, for staff to place again. The station gets its own time; the resident's reply deadline stands.
   */
  async returnOnDeputyLeaving(c: CaseRecord, note: string) {
    return this.apply(c, SYSTEM, {
      action: 'deputyLeft',
      type: 'transferred',
      to: 'submitted',
      note,
      patch: { deputyId: null, acknowledgedAt: null, ...(await this.freshAck(c)) },
      data: { fromDeputyId: c.deputyId, toStation: c.stationId, deputyLeftOffice: true },
      tell: [
        { to: queueOf(c), kind: 'case.queued', text: `留言 ${c.ticket}（${c.topic}）的办理代表已离任，请登录工作台重新分派。` },
        // The resident hears it from us, not from a silence: who answers changes, the date they were given does not.
        resident(
          c,
          'case.handed_on',
          `${this.yours(c)}原办理代表已离任，联络站将尽快安排其他代表办理，仍在${residentDueDateText(rulesReplyDueAt(c), this.policy.timeZone, this.clock.now())}答复您。`,
          caseCards.handedOn(rulesReplyDueAt(c), this.policy.timeZone, this.clock.now()),
        ),
      ],
      // Reminders and deadlines addressed to the deputy who left would now go to nobody who can act.
      withdraw: ['case.assigned', 'case.reminder', 'case.overdue', 'case.urged'],
    })
  }

  /** Shortly before a deadline the deputy is reminded, once per clock and round (found in the timeline). */
  async remind(c: CaseRecord, action: RemindAction): Promise<boolean> {
    const round = slaRound(c, action.clock)
    const already = (await this.store.cases.events(c.id)).some((e) => e.type === 'reminded' && e.data.round === round)
    if (already || !c.deputyId) return false
    const now = this.clock.now()
    const { note, text, cardText } = reminderNotice(c, action, await this.deputyName(c.deputyId), this.policy.timeZone, now)
    await this.store.cases.appendEvents(
      c.id,
      [caseEvent(c, 'reminded', SYSTEM, now, { note, data: { clock: action.clock, round } })],
      // Its clock and deadline go with it: the dispatcher drops it once acknowledged or past that time (message-truth.ts).
      [
        caseMessage(c, 'case.reminder', { kind: 'deputy', id: c.deputyId }, text, `sla:${c.id}:remind:${round}`, now, {
          cardText,
          clock: action.clock,
          dueAt: action.dueAt.toISOString(),
        }),
      ],
    )
    return true
  }

  /** A passed deadline is reported up (督办); the level reached is kept on the case so it is reported once. */
  async escalate(c: CaseRecord, action: EscalateAction): Promise<CaseRecord> {
    const now = this.clock.now()
    const round = slaRound(c, action.clock)
    // Whether the report can reach whom it is for, as the dispatcher will find it: the deputy is told it was reported
    // only when it can (a station or office with no group gets nothing: 未能送达).
    const recipient = escalationRecipient(c, action)
    const reachable =
      !!this.reach && (await this.reach.reach({ recipientKind: recipient.kind, recipientId: recipient.id, kind: 'case.escalated' })).routes.length > 0
    const { to, text, deputyText, deputyCardText } = escalationNotices(
      c,
      action,
      this.policy.escalationRepeatHours,
      c.deputyId ? await this.deputyName(c.deputyId) : null,
      reachable ? await this.recipientName(recipient) : null,
      this.policy.timeZone,
      now,
    )
    const patch = action.clock === 'ack' ? { ackEscalation: action.level } : { replyEscalation: action.level }
    return this.store.cases.update(
      { ...c, ...patch, updatedAt: now },
      // Whom it was reported to (the station, or an office) is kept on the step: the clerk reads whether the office knows.
      // Whether it could reach them then too: the deputy's timeline says it as his notice did.
      [
        caseEvent(c, 'escalated', SYSTEM, now, {
          note: text,
          data: { clock: action.clock, level: action.level, round, ...reportedTo(to), ...(this.reach ? { reachable } : {}) },
        }),
      ],
      [
        // Its clock goes with it: the dispatcher drops it once the deputy has done what it chases (message-truth.ts).
        caseMessage(c, 'case.escalated', to, text, `sla:${c.id}:escalate:${action.level}:${round}`, now, { clock: action.clock }),
        ...(c.deputyId
          ? [
              caseMessage(c, 'case.overdue', { kind: 'deputy', id: c.deputyId }, deputyText, `sla:${c.id}:overdue:${action.level}:${round}`, now, {
                cardText: deputyCardText,
                clock: action.clock,
              }),
            ]
          : []),
      ],
    )
  }
}

/** The step's names for whom a 督办 went to: `toStation` or `toOffice`, which the timeline names (namedIds). */
function reportedTo(to: { kind: string; id: string }): { toStation: string } | { toOffice: string } | Record<string, never> {
  if (to.kind === 'station') return { toStation: to.id }
  if (to.kind === 'office') return { toOffice: to.id }
  return {}
}
