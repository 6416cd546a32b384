import type { Clock } from '../../clock.js'
import { canTransition, type CaseAction, type CaseEvent, type CaseRecord } from '../../domain/case.js'
import type { AuditAction } from '../../domain/audit-words.js'
import type { AuditTrail } from '../audit.js'
import { canSeeCase } from '../../domain/case-access.js'
import { heldOnce, notHisNowText, refusalText } from '../../domain/case-refusals.js'
import { handedOnByHim } from '../../domain/case-hand-backs.js'
import { holdingOffice } from './deputy-hand-ons.js'
import type { CalendarSource } from '../calendar/calendar.js'
import { lastOpenDate, residentDueDateText } from '../../domain/due-date-text.js'
import { spokenDeadline } from '../../domain/spoken-dates.js'
import { rulesReplyDueAt } from '../../domain/reply-deadline.js'
import type { SlaPolicy } from '../../domain/sla.js'
import { yourMessage } from '../../domain/message-about.js'
import { maskPhoneAndIdNumbers } from '../../domain/pii-mask.js'
import type { SlaActionPolicy } from '../../domain/sla-actions.js'
import { ConflictError, NotFoundError, UnprocessableError } from '../../errors.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import { caseCards } from './case-cards.js'
import {
  assignedNotice,
  caseEvent,
  caseMessage,
  handedToYouNotice,
  placedAgainNotice,
  queueOf,
  resident,
  SYSTEM,
  toDeputy,
  type CaseActor,
  type CaseChange,
} from './case-changes.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { deputyHeardOf } from './holder-heard.js'
import { scopeHasStation } from '../../domain/staff-scope.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import type { StaffPrincipal } from '../accounts/principal.js'

export interface WorkflowPolicy extends SlaPolicy, SlaActionPolicy {
  timeZone: string
  reopenMaxRating: number
  reopenWindowDays: number
  autoCloseDays: number
}

/** What the workflow is built from. */
export interface CaseWorkflowDeps {
  store: Pick<Store, 'cases' | 'deputies' | 'outbox' | 'audit'>
  directory: DirectoryCache
  /** Deadlines are counted over it (working days, holidays). */
  calendar: CalendarSource
  policy: WorkflowPolicy
  clock: Clock
  /** Where staff moves of a message are recorded (操作记录), in the move's own transaction. */
  audit: Pick<AuditTrail, 'entry'>
}

/**
 * How a move of the closed loop is made (checked against the state machine, recorded in the
 * timeline and announced through the outbox in one transaction), who may make it, and freeing
 * merged messages. The people's moves are in case-workflow.ts (who handles a message: in
 * case-placing.ts), the system's own (reminders, reports, auto-closing, a deputy's leaving) in
 * case-system-moves.ts.
 */
export class CaseMechanics {
  protected readonly store: Pick<Store, 'cases' | 'deputies' | 'outbox' | 'audit'>
  protected readonly directory: DirectoryCache
  protected readonly calendar: CalendarSource
  protected readonly policy: WorkflowPolicy
  protected readonly clock: Clock
  private readonly audit: Pick<AuditTrail, 'entry'>

  constructor(deps: CaseWorkflowDeps) {
    ;({ store: this.store, directory: this.directory, calendar: this.calendar, policy: this.policy, clock: this.clock, audit: this.audit } = deps)
  }

  /**
   * The messages merged into one that was then withdrawn or rejected were promised its answer,
   * which will now never come: each is handled on its own again, in its station's queue (or its
   * office's), and its resident is told. Those merged into them in turn stay with them.
   */
  protected async freeDuplicates<T extends CaseRecord>(carrier: T): Promise<T> {
    await this.freeMergedOfEnded(carrier)
    return carrier
  }

  /**
   * Frees what is still merged into a withdrawn or rejected case, how many. The withdrawal is a write of its own
   * before the freeing: if the process stops in between, the SLA job finishes the freeing with this.
   */
  async freeMergedOfEnded(carrier: CaseRecord): Promise<number> {
    if (carrier.status !== 'withdrawn' && carrier.status !== 'rejected') return 0
    const why = carrier.status === 'withdrawn' ? '撤回' : '不予受理'
    let freed = 0
    for (const m of await this.store.cases.mergedInto(carrier.id)) {
      if (m.status !== 'closed' || m.mergedInto !== carrier.id) continue
      await this.apply(m, SYSTEM, {
        action: 'unmerge',
        type: 'reopened',
        to: 'submitted',
        note: `与之合并办理的留言 ${carrier.ticket} 已${why}，本留言单独办理`,
        patch: {
          mergedInto: null,
          closedAt: null,
          deputyId: null,
          acknowledgedAt: null,
          ...(await this.freshAck(m)),
        },
        data: { fromCaseId: carrier.id, fromTicket: carrier.ticket },
        tell: [
          resident(
            m,
            'case.unmerged',
            `${this.yours(m)}原与留言 ${carrier.ticket} 合并办理，因该留言已${why}，您的留言将单独办理，办理结果会告知您。`,
            caseCards.unmerged(),
          ),
          {
            to: queueOf(m),
            kind: 'case.queued',
            text: `留言 ${m.ticket}（${m.topic}）原与留言 ${carrier.ticket} 合并办理，该留言已${why}，请登录工作台重新分派。`,
          },
        ],
      })
      freed++
    }
    return freed
  }

  /** The deputy's stations this staff member may assign to. */
  protected async stationsInScope(staff: StaffPrincipal, stationIds: string[]) {
    if (staff.role === 'station_staff') return stationIds.filter((s) => staff.stationIds.includes(s))
    const scope = await this.directory.scopeOf(staff)
    if (scope.kind !== 'regions') return scope.kind === 'city' ? stationIds : []
    const { stations } = await this.directory.prepared()
    return stationIds.filter((s) => scopeHasStation(scope, stations.get(s)))
  }

  /**
   * Her message as a notice to her names it: the day she wrote it and its first words, then its number
   * ("您12月3日反映的“小区路灯不亮…”（编号 …）"): with two messages open, a number alone does not say which.
   */
  protected yours(c: CaseRecord): string {
    return yourMessage(c, this.policy.timeZone, this.clock.now())
  }

  // ——— the mechanics ———

  /**
   * `replyDueAt`: a reply deadline staff set with the move (要求答复日期, already checked: replyByRefusal), earlier than
   * the rules'; the deputy is held to it from now on, and told it. Without it the reply deadline stands.
   */
  protected async moveTo(
    c: CaseRecord,
    actor: CaseActor,
    deputyId: string,
    deputyStations: string[],
    note: string | null,
    replyDueAt?: Date,
    /** Staff making the move, as the deputy knows them ("联络站李娜"): named when the message comes back to him. */
    staffWho?: string,
  ) {
    const stationId = c.stationId && deputyStations.includes(c.stationId) ? c.stationId : (deputyStations[0] ?? c.stationId)
    const name = await this.deputyName(deputyId)
    const place = stationId && stationId !== c.stationId ? await this.directory.placeOfStation(stationId) : null
    const ack = await this.freshAck(c)
    const now = this.clock.now()
    // The resident hears once, plainly, who handles her message now, when it leaves the deputy she knew of for
    // another: handed on by him (转交), moved by staff (改派), or placed again by the station after he handed it
    // back or left office. Never of the hand-back itself (the station's own business, and it may come back to
    // him), nor when it returns to the deputy she knew of.
    // A colleague's 转交 is read from the timeline too: whether it comes back to one who held it (交回).
    // Staff's move too: whether the message comes back to a deputy who held it (再次交给您).
    const events = !c.deputyId || actor.role === 'deputy' || staffWho ? await this.store.cases.events(c.id) : []
    const before = c.deputyId ?? lastDeputyHolding(events)
    // Hers is the rules' date she was told, whatever earlier one staff ask of the deputy (rulesReplyDueAt).
    const replyBy = residentDueDateText(rulesReplyDueAt(c), this.policy.timeZone, now)
    const residentTold =
      before && before !== deputyId
        ? [resident(c, 'case.transferred', `${this.yours(c)}已转给${name}代表办理，仍在${replyBy}答复您。`, caseCards.transferred(name))]
        : []
    // Her message waited in the station's (or office's) queue and staff now give it its first deputy: she was
    // told only that station staff would find a deputy for it, so she hears who has it, as she would have had routing chosen him.
    const firstPlaced = before ? [] : [resident(c, 'case.placed', `${this.yours(c)}已交给${name}代表办理，会在${replyBy}答复您。`, caseCards.placed(name))]
    // As his 待办 and digest say it (spokenDeadline), never "24:00".
    const ackByText = spokenDeadline(ack.ackDueAt, this.policy.timeZone, now)
    // Handed to him by a colleague (转交), perhaps back to him: said so, by whom and why, not as a new message.
    const fromColleague = actor.role === 'deputy' && actor.id ? await this.deputyName(actor.id) : ''
    const replyByText = replyDueAt && spokenDeadline(replyDueAt, this.policy.timeZone, now)
    // Given back to him by staff (the same number he handed back or had taken from him): said so, by whom, with their words.
    const notice = fromColleague
      ? handedToYouNotice(c, { deputy: name, from: fromColleague }, note, heldOnce(events, deputyId), ackByText)
      : staffWho && heldOnce(events, deputyId)
        ? placedAgainNotice(c, { deputy: name, by: staffWho }, note, ackByText, replyByText)
        : assignedNotice(c, name, ackByText, replyByText)
    // Staff moved it from him: he hears so, instead of finding it gone from his list, once he has heard of it at all.
    const holderTold = !!c.deputyId && c.deputyId !== deputyId && actor.role !== 'deputy' && (await this.heardOf(c, c.deputyId))
    return this.apply(c, actor, {
      action: 'assign',
      type: c.deputyId ? 'transferred' : 'assigned',
      to: 'assigned',
      note,
      // The new deputy gets their own time to acknowledge; the reply deadline the resident was given stands.
      // The place and its district stay the resident's; only who handles it moves.
      patch: {
        deputyId,
        stationId,
        acknowledgedAt: null,
        officeRegionId: stationId ? null : c.officeRegionId,
        ...ack,
        ...(place ? { handlingDistrictId: place.districtId ?? c.handlingDistrictId } : {}),
        // The rules' deadline is kept beside the earlier one: no later one may be asked for, and the resident keeps it.
        ...(replyDueAt ? { replyDueAt, slaReplyDueAt: rulesReplyDueAt(c) } : {}),
      },
      data: {
        fromDeputyId: c.deputyId,
        deputyId,
        fromStationId: c.stationId,
        stationId,
        fromOffice: c.stationId ? null : (c.officeRegionId ?? 'city'),
        // The timeline says what was asked (要求在12月10日前答复): the local date she chose.
        ...(replyDueAt ? { replyBy: lastOpenDate(replyDueAt, this.policy.timeZone) } : {}),
      },
      tell: [
        { to: { kind: 'deputy', id: deputyId }, kind: 'case.assigned', ...notice },
        ...(holderTold && c.deputyId
          ? [toDeputy(c.deputyId, 'case.reassigned', `留言 ${c.ticket} 已改由${name}代表办理，您无需再处理。谢谢您！`, caseCards.reassigned(name))]
          : []),
        ...residentTold,
        ...firstPlaced,
      ],
      // Still waiting (held overnight): "将另派代表" once one is found, and "已转给…" / "已交给…" naming the one
      // before only when a new one replaces it: back with the deputy who last held it, the waiting one names him still.
      // A 督办 waiting on a retry chases a holder and a deadline the move replaced: the SLA job reports the new ones if late.
      withdraw: [...(residentTold.length ? ['case.transferred', 'case.placed'] : []), 'case.handed_on', 'case.escalated'],
    })
  }

  /** Whether the deputy has heard of the message (deputyHeardOf): only then is he told it left him. */
  protected heardOf(c: CaseRecord, deputyId: string): Promise<boolean> {
    return deputyHeardOf(this.store, c, deputyId)
  }

  /**
   * A new holder's own time to acknowledge, counted in working hours as at submission: a message
   * handed back or handed up on a Friday evening is not late on Saturday. The reply deadline the
   * resident was given stands.
   */
  async freshAck(c: CaseRecord) {
    const ack = (await this.calendar.current()).afterWorkingHours(this.clock.now(), this.policy.ackHours)
    return { ackDueAt: ack.dueAt, ackEscalation: 0, deadlinesProvisional: (c.deadlinesProvisional ?? false) || ack.provisional }
  }

  async apply(c: CaseRecord, actor: CaseActor, change: CaseChange): Promise<CaseRecord> {
    if (!canTransition(change.action, c.status)) throw illegalMove(refusalText(change.action, c), c)
    const now = this.clock.now()
    const next: CaseRecord = { ...c, ...change.patch, status: change.to, updatedAt: now }
    const event = caseEvent(c, change.type, actor, now, { from: c.status, to: change.to, note: change.note ?? null, data: change.data })
    const messages: OutboxMessage[] = (change.tell ?? []).map((t) => caseMessage(c, t.kind, t.to, t.text, `case:${c.id}:${event.id}`, now, t.extra))
    const also = change.also?.(event, now) ?? { events: [], messages: [] }
    return this.store.cases.update(next, [event, ...also.events], [...messages, ...also.messages], {
      withdraw: change.withdraw,
      audit: this.staffMoveEntries(c, actor, change),
      mergeInto: change.mergeInto,
    })
  }

  /**
   * A staff member's move that changes who handles a resident's message (分派, 改派, 上报, 不予受理,
   * 合并) also goes to the audit trail, made here where every move is made: an admin asked who
   * handed a message on finds it there by name and ticket. So do a deputy's 转交 to a colleague and
   * his hand-back to the station (退回联络站); his other moves and residents' are the timeline's alone.
   */
  private staffMoveEntries(c: CaseRecord, actor: CaseActor, change: CaseChange) {
    // A deputy's 转交 to a colleague or back to the station (from the bot or the mini-program) changes who
    // handles the message as staff's 改派 does: on record too, in his name (as his reading of a phone is: no
    // staff actor, his id in details). A hand-back names the office's queue when no station holds it.
    const handedOn = actor.role === 'deputy' && change.action === 'assign' && c.deputyId
    const handedBack = actor.role === 'deputy' && change.action === 'returnToStation'
    if (handedOn || handedBack) {
      const back = handedBack && !c.stationId ? { toOffice: c.officeRegionId ?? 'city' } : {}
      const action = handedOn ? 'case.transferred' : 'case.handed_back'
      return [this.audit.entry(null, action, { kind: 'case', id: c.id }, { ticket: c.ticket, ...change.data, ...back, note: auditNote(change.note) })]
    }
    const action = STAFF_MOVES[change.action]?.(c.deputyId !== null)
    if (!action || !actor.id || NOT_STAFF.has(actor.role)) return []
    return [
      this.audit.entry({ kind: 'staff', id: actor.id }, action, { kind: 'case', id: c.id }, { ticket: c.ticket, ...change.data, note: auditNote(change.note) }),
    ]
  }

  /** The cases merged into this one, and those merged into them in turn. */
  protected async mergedDuplicates(caseId: string) {
    const found: CaseRecord[] = []
    const queue = [caseId]
    while (queue.length) {
      for (const m of await this.store.cases.mergedInto(queue.shift()!)) {
        if (m.id === caseId || found.some((f) => f.id === m.id)) continue
        found.push(m)
        queue.push(m.id)
      }
    }
    return found
  }

  protected async deputyName(deputyId: string | null) {
    if (!deputyId) return ''
    return (await this.directory.prepared()).deputies.get(deputyId)?.name ?? (await this.store.deputies.get(deputyId))?.name ?? ''
  }

  protected async load(caseId: string) {
    const c = await this.store.cases.get(caseId)
    if (!c) throw new NotFoundError('留言不存在')
    return c
  }

  /**
   * Not visible is not found: nobody learns which cases exist elsewhere. Except to a deputy it was
   * given to once and taken from since (moved to another deputy, handed back): he had it open, and
   * "留言不存在" would leave him wondering where it went, so he is told, as any refused move is.
   */
  protected async deputyCase(deputy: MpPrincipal, caseId: string) {
    const c = await this.load(caseId)
    if (canSeeCase(deputy, c, true)) return c
    const events = deputy.deputyId !== null ? await this.store.cases.events(c.id) : []
    if (deputy.deputyId !== null && heldOnce(events, deputy.deputyId)) {
      // Handed on by himself to a colleague who has it still: said as his own move, by the colleague's name.
      const to = handedOnByHim(events, deputy.deputyId, c.deputyId)
      throw illegalMove(notHisNowText(c, undefined, to && (await this.deputyName(to)), await holdingOffice(c, this.directory)), c)
    }
    throw new NotFoundError('留言不存在')
  }
  protected async staffCase(staff: StaffPrincipal, caseId: string) {
    const c = await this.load(caseId)
    if (!canSeeCase(await this.directory.caseViewer(staff), c)) throw new NotFoundError('留言不存在')
    return c
  }
  protected async residentCase(author: MpPrincipal, caseId: string) {
    const c = await this.load(caseId)
    if (!canSeeCase(author, c)) throw new NotFoundError('留言不存在')
    return c
  }
}

/**
 * The deputy who held the message last, from its timeline (oldest first): the one it was placed with, or the
 * one it was handed back from (转交 to the station, or he left office). Null when no deputy ever held it.
 */
function lastDeputyHolding(events: readonly CaseEvent[]): string | null {
  let holder: string | null = null
  for (const e of events) {
    const to = e.data.deputyId
    const from = e.data.fromDeputyId
    if (typeof to === 'string' && to) holder = to
    else if (typeof from === 'string' && from) holder = from
  }
  return holder
}

/** The staff moves the audit trail records, by whether a deputy held the message before (改派 rather than 分派). */
const STAFF_MOVES: Partial<Record<CaseAction, (held: boolean) => AuditAction>> = {
  assign: (held) => (held ? 'case.reassigned' : 'case.assigned'),
  handUp: () => 'case.handed_up',
  reject: () => 'case.rejected',
  merge: () => 'case.merged',
}
const NOT_STAFF = new Set<CaseActor['role']>(['resident', 'deputy', 'system'])

/** A move the message's state does not allow now: the code and the status are for programs, the words for the person. */
export const illegalMove = (text: string, c: CaseRecord) => new ConflictError(text, [{ path: 'status', message: c.status }], 'illegal_transition')

/** A deputy out of service is given nothing new: the office took them out so their messages go to others. */
export const inactiveDeputy = (path: string, name: string) =>
  new UnprocessableError('该代表已离任，请选择其他代表', [{ path, message: `${name}代表已离任` }], 'deputy_inactive')

/**
 * A reason as the audit trail keeps it: phone and ID numbers masked when written, not only when shown, so the
 * resident's number (stored encrypted on her message) never sits in plain text in the audit table or its API.
 */
const auditNote = (note: string | null | undefined): string | null => (note ? maskPhoneAndIdNumbers(note) : null)
