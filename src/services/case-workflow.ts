import type { Clock } from '../clock.js'
import { canTransition, OPEN_STATUSES, STATUS_LABELS, type CaseAction, type CaseEventType, type CaseRecord, type CaseStatus } from '../domain/case.js'
import { canSeeCase } from '../domain/case-access.js'
import type { BusinessCalendar } from '../domain/business-calendar.js'
import { localDate } from '../domain/dates.js'
import { slaDeadlines, type SlaPolicy } from '../domain/sla.js'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../errors.js'
import type { OutboxMessage, Store } from '../store/ports.js'
import { caseEvent, caseMessage, excerpt, queueOf, SYSTEM, type CaseActor, type Recipient } from './case-changes.js'
import type { RoutingService } from './case-routing.js'
import type { MpPrincipal } from './mp-sessions.js'
import type { StaffPrincipal } from './principal.js'

export interface WorkflowPolicy extends SlaPolicy {
  timeZone: string
  reopenMaxRating: number
  reopenWindowDays: number
  autoCloseDays: number
}

interface Change {
  action: CaseAction
  type: CaseEventType
  to: CaseStatus
  patch?: Partial<CaseRecord>
  note?: string | null
  data?: Record<string, unknown>
  /** Who hears about it, and what they read. */
  tell?: Array<{ to: Recipient; kind: string; text: string }>
}

/**
 * The moves of the closed loop: deputies acknowledge, forward, reply and transfer; staff
 * assign, reject and merge; residents withdraw, rate and reopen. Each move is checked
 * against the state machine (409 with the current state otherwise), recorded in the
 * timeline and announced through the outbox in the same transaction.
 */
export class CaseWorkflow {
  constructor(
    private readonly store: Store,
    private readonly routing: RoutingService,
    private readonly calendar: BusinessCalendar,
    private readonly policy: WorkflowPolicy,
    private readonly clock: Clock,
  ) {}

  // ——— deputies ———

  async acknowledge(deputy: MpPrincipal, caseId: string, note?: string) {
    const c = await this.deputyCase(deputy, caseId)
    const name = await this.deputyName(c.deputyId)
    return this.apply(c, deputyActor(deputy), {
      action: 'acknowledge', type: 'acknowledged', to: 'acknowledged', note, patch: { acknowledgedAt: this.clock.now() },
      tell: [resident(c, 'case.acknowledged', `您的留言 ${c.ticket} 已由${name}代表受理，将在 ${localDate(c.replyDueAt, this.policy.timeZone)} 前答复。`)],
    })
  }

  async forward(deputy: MpPrincipal, caseId: string, to: { department: string; reference?: string | null; note?: string | null }) {
    const c = await this.deputyCase(deputy, caseId)
    return this.apply(c, deputyActor(deputy), {
      action: 'forward', type: 'forwarded', to: 'forwarded', note: to.note,
      patch: { forwardedTo: { department: to.department, reference: to.reference ?? null } },
      data: { department: to.department, reference: to.reference ?? null },
      tell: [resident(c, 'case.forwarded', `您的留言 ${c.ticket} 已交${to.department}办理，代表将跟踪督办。`)],
    })
  }

  async reply(deputy: MpPrincipal, caseId: string, text: string) {
    const c = await this.deputyCase(deputy, caseId)
    const name = await this.deputyName(c.deputyId)
    const now = this.clock.now()
    return this.apply(c, deputyActor(deputy), {
      action: 'reply', type: 'replied', to: 'replied', note: text,
      patch: { reply: text, repliedAt: now, acknowledgedAt: c.acknowledgedAt ?? now },
      tell: [resident(c, 'case.replied', `${name}代表答复了您的留言 ${c.ticket}：${excerpt(text, 60)} 请为办理结果打分（1–5 分）。`)],
    })
  }

  /** To another deputy (by code), or back to the station's staff when no code is given. */
  async transfer(deputy: MpPrincipal, caseId: string, to: { deputyCode?: string | null; reason: string }) {
    const c = await this.deputyCase(deputy, caseId)
    if (!to.deputyCode) {
      return this.apply(c, deputyActor(deputy), {
        action: 'returnToStation', type: 'transferred', to: 'submitted', note: to.reason, patch: { deputyId: null, acknowledgedAt: null },
        data: { toStation: c.stationId },
        // Read in the station's group: the reason (which may quote the resident) stays in the timeline.
        tell: [{ to: queueOf(c), kind: 'case.queued', text: `留言 ${c.ticket} 由代表退回，请登录工作台查看原因并重新分派。` }],
      })
    }
    const target = await this.store.deputies.getByCode(to.deputyCode)
    if (!target) throw new UnprocessableError('未找到该代表', [{ path: 'body.deputyCode', message: `代表代码 ${to.deputyCode} 不存在` }], 'unknown_deputy')
    if (target.id === c.deputyId) throw new ConflictError('留言已在该代表名下')
    return this.moveTo(c, deputyActor(deputy), target.id, target.stationIds, to.reason)
  }

  // ——— station staff and organizers ———

  async assign(staff: StaffPrincipal, caseId: string, deputyId: string, note?: string) {
    const c = await this.staffCase(staff, caseId)
    const target = await this.store.deputies.get(deputyId)
    if (!target) throw new UnprocessableError('代表不存在', [{ path: 'body.deputyId', message: `未知的代表 "${deputyId}"` }], 'unknown_deputy')
    if (staff.role === 'station_staff' && !target.stationIds.some((s) => staff.stationIds.includes(s))) {
      throw new ForbiddenError('只能分派给本站的代表')
    }
    if (target.id === c.deputyId) throw new ConflictError('留言已在该代表名下')
    return this.moveTo(c, staffActor(staff), target.id, target.stationIds, note ?? null)
  }

  async reject(staff: StaffPrincipal, caseId: string, reason: string) {
    const c = await this.staffCase(staff, caseId)
    return this.apply(c, staffActor(staff), {
      action: 'reject', type: 'rejected', to: 'rejected', note: reason, patch: { closedAt: this.clock.now() },
      tell: [resident(c, 'case.rejected', `很抱歉，您的留言 ${c.ticket} 不予受理：${reason}`)],
    })
  }

  /** Folds a duplicate into the case that will carry the work (分析研判: treated together). */
  async merge(staff: StaffPrincipal, caseId: string, intoCaseId: string, note?: string) {
    const c = await this.staffCase(staff, caseId)
    if (caseId === intoCaseId) throw new ConflictError('不能与自己合并')
    const into = await this.staffCase(staff, intoCaseId)
    if (!OPEN_STATUSES.includes(into.status) || into.mergedInto) {
      throw new ConflictError(`留言 ${into.ticket} 已${STATUS_LABELS[into.status]}，不能并入`, [{ path: 'body.intoCaseId', message: into.status }], 'merge_target_closed')
    }
    return this.apply(c, staffActor(staff), {
      action: 'merge', type: 'merged', to: 'closed', note, patch: { mergedInto: into.id, closedAt: this.clock.now() },
      data: { into: into.id, intoTicket: into.ticket },
      tell: [resident(c, 'case.merged', `您的留言 ${c.ticket} 与相同问题的留言 ${into.ticket} 合并办理，办理结果会一并告知。`)],
    })
  }

  // ——— residents ———

  async withdraw(author: MpPrincipal, caseId: string, reason?: string) {
    const c = await this.residentCase(author, caseId)
    const tell = c.deputyId ? [{ to: { kind: 'deputy' as const, id: c.deputyId }, kind: 'case.withdrawn', text: `留言 ${c.ticket} 已被群众撤回。` }] : []
    return this.apply(c, { role: 'resident', id: author.id }, {
      action: 'withdraw', type: 'withdrawn', to: 'withdrawn', note: reason, patch: { closedAt: this.clock.now() }, tell,
    })
  }

  async rate(author: MpPrincipal, caseId: string, rating: number, comment?: string | null) {
    const c = await this.residentCase(author, caseId)
    const now = this.clock.now()
    const tell = c.deputyId ? [{ to: { kind: 'deputy' as const, id: c.deputyId }, kind: 'case.rated', text: `您答复的留言 ${c.ticket} 获得 ${rating} 分评价。${comment ? `群众说：${excerpt(comment, 40)}` : ''}` }] : []
    return this.apply(c, { role: 'resident', id: author.id }, {
      action: 'rate', type: 'rated', to: 'closed', note: comment ?? null, data: { rating },
      patch: { rating, ratingComment: comment ?? null, ratedAt: now, closedAt: now }, tell,
    })
  }

  async reopen(author: MpPrincipal, caseId: string, reason: string) {
    const c = await this.residentCase(author, caseId)
    const now = this.clock.now()
    if (c.status === 'closed') {
      if (c.rating === null || c.rating > this.policy.reopenMaxRating) {
        throw new ConflictError(`只有评价为 ${this.policy.reopenMaxRating} 分及以下的留言可以重新办理`, [], 'reopen_not_allowed')
      }
      const deadline = (c.repliedAt?.getTime() ?? 0) + this.policy.reopenWindowDays * 86_400_000
      if (now.getTime() > deadline) throw new ConflictError(`答复超过 ${this.policy.reopenWindowDays} 天，不能再重新办理`, [], 'reopen_window_passed')
    }
    const { ackDueAt, replyDueAt } = slaDeadlines(now, this.calendar, this.policy)
    const tell = c.deputyId ? [{ to: { kind: 'deputy' as const, id: c.deputyId }, kind: 'case.reopened', text: `留言 ${c.ticket} 群众不满意（${c.rating} 分），已重新交您办理：${excerpt(reason, 40)}` }] : []
    return this.apply(c, { role: 'resident', id: author.id }, {
      action: 'reopen', type: 'reopened', to: c.deputyId ? 'reopened' : 'submitted', note: reason,
      patch: {
        ackDueAt, replyDueAt, acknowledgedAt: null, repliedAt: null, reply: null, closedAt: null, rating: null, ratingComment: null,
        ratedAt: null, ackEscalation: 0, replyEscalation: 0, reopenCount: c.reopenCount + 1,
      },
      data: { previousRating: c.rating }, tell,
    })
  }

  // ——— the system ———

  /** A reply left unrated closes itself after the configured days. */
  async autoClose(c: CaseRecord) {
    return this.apply(c, SYSTEM, {
      action: 'autoClose', type: 'closed', to: 'closed', note: `答复后 ${this.policy.autoCloseDays} 天未评价，自动办结`,
      patch: { closedAt: this.clock.now() },
      tell: [resident(c, 'case.closed', `您的留言 ${c.ticket} 已办结。如仍有问题，欢迎再次留言。`)],
    })
  }

  // ——— the mechanics ———

  private async moveTo(c: CaseRecord, actor: CaseActor, deputyId: string, deputyStations: string[], note: string | null) {
    const stationId = c.stationId && deputyStations.includes(c.stationId) ? c.stationId : (deputyStations[0] ?? c.stationId)
    const name = await this.deputyName(deputyId)
    const place = stationId && stationId !== c.stationId ? await this.routing.placeOfStation(stationId) : null
    return this.apply(c, actor, {
      action: 'assign', type: c.deputyId ? 'transferred' : 'assigned', to: 'assigned', note,
      // The new deputy gets their own time to acknowledge; the reply deadline the resident was given stands.
      patch: {
        deputyId, stationId, acknowledgedAt: null, officeRegionId: stationId ? null : c.officeRegionId,
        ackDueAt: new Date(this.clock.now().getTime() + this.policy.ackHours * 3_600_000), ackEscalation: 0,
        ...(place ? { districtId: place.districtId ?? c.districtId } : {}),
      },
      data: { fromDeputyId: c.deputyId, deputyId },
      tell: [{ to: { kind: 'deputy', id: deputyId }, kind: 'case.assigned', text: `${name}代表，您有一条新留言 ${c.ticket}（${c.topic}）：${excerpt(c.text)}，请在 ${this.policy.ackHours} 小时内受理。` }],
    })
  }

  async apply(c: CaseRecord, actor: CaseActor, change: Change): Promise<CaseRecord> {
    if (!canTransition(change.action, c.status)) {
      throw new ConflictError(`留言当前为「${STATUS_LABELS[c.status]}」，不能执行此操作`, [{ path: 'status', message: c.status }], 'illegal_transition')
    }
    const now = this.clock.now()
    const next: CaseRecord = { ...c, ...change.patch, status: change.to, updatedAt: now }
    const event = caseEvent(c, change.type, actor, now, { from: c.status, to: change.to, note: change.note ?? null, data: change.data })
    const messages: OutboxMessage[] = (change.tell ?? []).map((t) => caseMessage(c, t.kind, t.to, t.text, `case:${c.id}:${event.id}`, now))
    return this.store.cases.update(next, [event], messages)
  }

  private async deputyName(deputyId: string | null) {
    if (!deputyId) return ''
    return (await this.routing.prepared()).deputies.get(deputyId)?.name ?? (await this.store.deputies.get(deputyId))?.name ?? ''
  }

  private async load(caseId: string) {
    const c = await this.store.cases.get(caseId)
    if (!c) throw new NotFoundError('留言不存在')
    return c
  }

  /** Not visible is not found: nobody learns which cases exist elsewhere. */
  private async deputyCase(deputy: MpPrincipal, caseId: string) {
    const c = await this.load(caseId)
    if (!canSeeCase(deputy, c, true)) throw new NotFoundError('留言不存在')
    return c
  }
  private async staffCase(staff: StaffPrincipal, caseId: string) {
    const c = await this.load(caseId)
    if (!canSeeCase(staff, c)) throw new NotFoundError('留言不存在')
    return c
  }
  private async residentCase(author: MpPrincipal, caseId: string) {
    const c = await this.load(caseId)
    if (!canSeeCase(author, c)) throw new NotFoundError('留言不存在')
    return c
  }
}

const deputyActor = (d: MpPrincipal): CaseActor => ({ role: 'deputy', id: d.deputyId })
const staffActor = (s: StaffPrincipal): CaseActor => ({ role: s.role, id: s.id })
const resident = (c: CaseRecord, kind: string, text: string) => ({ to: { kind: 'mp_user' as const, id: c.residentId }, kind, text })
