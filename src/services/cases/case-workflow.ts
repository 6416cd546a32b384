import { canTransition, OPEN_STATUSES, reopenBlock, type CaseRecord } from '../../domain/case.js'
import { canSeeCase } from '../../domain/case-access.js'
import { mergeTargetText, refusalText, reopenBlockedText } from '../../domain/case-refusals.js'
import { colleagueOrder, transferRefusal } from '../../domain/case-transfer.js'
import type { DeputyLevel } from '../../domain/directory.js'
import { GONE } from '../../domain/choice-words.js'
import { residentDueDateText } from '../../domain/due-date-text.js'
import { slaDeadlines } from '../../domain/sla.js'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../errors.js'
import { caseEvent, caseMessage, deputyActor, excerpt, queueOf, resident, staffActor, WORK_KINDS, type Recipient } from './case-changes.js'
import { staffScope } from '../../domain/staff-scope.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { CaseMechanics, illegalMove, inactiveDeputy } from './case-mechanics.js'
import { officeName } from './case-queries.js'

export type { CaseWorkflowDeps, WorkflowPolicy } from './case-mechanics.js'

/** Where a message handed back goes: its station's queue, or its office's when no station holds it. */
export interface TransferBack {
  kind: 'station' | 'office'
  name: string
}

/** 转给谁: back first, then the colleagues who may take it over, in the order he reads them. */
export interface TransferOptions {
  back: TransferBack
  colleagues: Array<{ code: string; name: string; level: DeputyLevel; stationName: string }>
}

/**
 * The moves of the closed loop: deputies acknowledge, forward, reply and transfer; staff
 * assign, reject and merge; residents withdraw, rate and reopen. Each move is checked
 * against the state machine (409 with the current state otherwise), recorded in the
 * timeline and announced through the outbox in the same transaction.
 */
export class CaseWorkflow extends CaseMechanics {
  // ——— deputies ———

  async acknowledge(deputy: MpPrincipal, caseId: string, note?: string) {
    const c = await this.deputyCase(deputy, caseId)
    const name = await this.deputyName(c.deputyId)
    return this.apply(c, deputyActor(deputy), {
      action: 'acknowledge',
      type: 'acknowledged',
      to: 'acknowledged',
      note,
      patch: { acknowledgedAt: this.clock.now() },
      tell: [
        resident(
          c,
          'case.acknowledged',
          `您的留言 ${c.ticket} 已由${name}代表受理，将在${residentDueDateText(c.replyDueAt, this.policy.timeZone, this.clock.now())}答复您。`,
        ),
      ],
    })
  }

  async forward(deputy: MpPrincipal, caseId: string, to: { department: string; reference?: string | null; note?: string | null }) {
    const c = await this.deputyCase(deputy, caseId)
    return this.apply(c, deputyActor(deputy), {
      action: 'forward',
      type: 'forwarded',
      to: 'forwarded',
      note: to.note,
      patch: { forwardedTo: { department: to.department, reference: to.reference ?? null } },
      data: { department: to.department, reference: to.reference ?? null },
      tell: [resident(c, 'case.forwarded', `您的留言 ${c.ticket} 已交${to.department}办理，代表将跟踪督办。`)],
    })
  }

  async reply(deputy: MpPrincipal, caseId: string, text: string) {
    const c = await this.deputyCase(deputy, caseId)
    const name = await this.deputyName(c.deputyId)
    const now = this.clock.now()
    // The residents whose duplicates were merged into this case were promised the answer.
    const duplicates = await this.mergedDuplicates(c.id)
    return this.apply(c, deputyActor(deputy), {
      action: 'reply',
      type: 'replied',
      to: 'replied',
      note: text,
      patch: { reply: text, repliedAt: now, acknowledgedAt: c.acknowledgedAt ?? now },
      // The whole reply rides along: the bot sends it in full, the subscribe card cuts the line to fit.
      tell: [
        { ...resident(c, 'case.replied', `${name}代表答复了您的留言 ${c.ticket}：${excerpt(text, 60)} 请为办理结果打分（1–5 分）。`), extra: { reply: text } },
      ],
      also: (event, at) => {
        const events = duplicates.map((m) => caseEvent(m, 'replied', deputyActor(deputy), at, { note: text, data: { viaCaseId: c.id, viaTicket: c.ticket } }))
        const messages = duplicates.map((m, i) =>
          caseMessage(
            m,
            'case.replied',
            { kind: 'mp_user', id: m.residentId },
            `您的留言 ${m.ticket} 与留言 ${c.ticket} 合并办理，${name}代表已答复：${excerpt(text, 60)}`,
            `case:${m.id}:${events[i].id}:via:${event.id}`,
            at,
          ),
        )
        return { events, messages }
      },
    })
  }

  /** To another deputy (by code), or back to the station's staff when no code is given. */
  async transfer(deputy: MpPrincipal, caseId: string, to: { deputyCode?: string | null; reason: string }) {
    const c = await this.deputyCase(deputy, caseId)
    if (!to.deputyCode) {
      return this.apply(c, deputyActor(deputy), {
        action: 'returnToStation',
        type: 'transferred',
        to: 'submitted',
        note: to.reason,
        // The station gets its own time to place it again, as at a hand-up: the deputy's round is over.
        patch: {
          deputyId: null,
          acknowledgedAt: null,
          ...(await this.freshAck(c)),
        },
        data: { fromDeputyId: c.deputyId, toStation: c.stationId },
        // Read in the station's group: the reason (which may quote the resident) stays in the timeline.
        tell: [{ to: queueOf(c), kind: 'case.queued', text: `留言 ${c.ticket} 由代表退回，请登录工作台查看原因并重新分派。` }],
      })
    }
    const target = await this.store.deputies.getByCode(to.deputyCode)
    if (!target) throw new UnprocessableError('未找到该代表', [{ path: 'body.deputyCode', message: `代表代码 ${to.deputyCode} 不存在` }], 'unknown_deputy')
    switch (transferRefusal(c, target)) {
      case 'inactive':
        throw inactiveDeputy('body.deputyCode', target.name)
      case 'holder':
        throw new ConflictError('留言已在该代表名下')
      case 'other_station': {
        const station = await this.stationName(c.stationId)
        throw new ForbiddenError(`只能转交给${station}的代表，或交回${station}`, 'outside_scope', [
          { path: 'body.deputyCode', message: `${target.name}代表不是${station}的代表` },
        ])
      }
    }
    return this.moveTo(c, deputyActor(deputy), target.id, target.stationIds, to.reason)
  }

  /**
   * Whom the deputy may hand the message to now (转给谁): back to its station (or its office)
   * first, then the deputies `transfer` accepts, by level and name. Read as the deputy's other
   * reads are: only a message he holds, "not found" otherwise.
   */
  async transferOptions(deputy: MpPrincipal, caseId: string): Promise<TransferOptions> {
    const c = await this.load(caseId)
    if (!canSeeCase(deputy, c, true)) throw new NotFoundError('留言不存在')
    // Nobody takes over a message that may not be handed on now (answered, with a department): say why, as 转交 would.
    if (!canTransition('returnToStation', c.status)) throw illegalMove(refusalText('returnToStation', c), c)
    const prepared = await this.directory.prepared()
    const back: TransferBack = c.stationId
      ? { kind: 'station', name: await this.stationName(c.stationId) }
      : { kind: 'office', name: officeName(c.officeRegionId ?? 'city', prepared) }
    // The store, not the cached directory: the same deputies the transfer then reads.
    const serving = c.stationId ? await this.store.deputies.listByStation(c.stationId) : []
    const colleagues = serving
      .filter((d) => transferRefusal(c, d) === null)
      .sort(colleagueOrder)
      .map((d) => ({ code: d.code, name: d.name, level: d.level, stationName: back.name }))
    return { back, colleagues }
  }

  private async stationName(stationId: string | null) {
    return (stationId && (await this.directory.prepared()).stations.get(stationId)?.name) || '联络站'
  }

  // ——— station staff and organizers ———

  async assign(staff: StaffPrincipal, caseId: string, deputyId: string, note?: string) {
    const c = await this.staffCase(staff, caseId)
    const target = await this.store.deputies.get(deputyId)
    if (!target) throw new UnprocessableError('代表不存在', [{ path: 'body.deputyId', message: GONE.deputy }], 'unknown_deputy')
    if (!target.active) throw inactiveDeputy('body.deputyId', target.name)
    // Writes are held to the same scope as reads: staff assign within their stations,
    // a district organizer within their districts; refused before anything changes.
    const mine = await this.stationsInScope(staff, target.stationIds)
    if (!mine.length && staffScope(staff).kind !== 'city') {
      throw new ForbiddenError(staff.role === 'station_staff' ? '只能分派给本站的代表' : '只能分派给本辖区的代表', 'outside_scope', [
        { path: 'body.deputyId', message: staff.role === 'station_staff' ? `${target.name}代表不是本站的代表` : `${target.name}代表不在您的辖区` },
      ])
    }
    if (target.id === c.deputyId) throw new ConflictError('留言已在该代表名下')
    return this.moveTo(c, staffActor(staff), target.id, mine, note ?? null)
  }

  /**
   * Station staff hand a case they cannot place (a station with no deputy yet, or not
   * theirs to handle) up to their district's congress office (上报), whose organizers
   * assign it to any deputy of the district. The place stays the resident's.
   */
  async handUp(staff: StaffPrincipal, caseId: string, reason: string) {
    const c = await this.staffCase(staff, caseId)
    if (staff.role !== 'station_staff' || !c.stationId) throw new ForbiddenError('只有联络站工作人员可以上报本站的留言')
    const office = c.handlingDistrictId ?? c.districtId
    const station = (await this.directory.prepared()).stations.get(c.stationId)?.name ?? '联络站'
    const to: Recipient = { kind: 'office', id: office ?? 'city' }
    return this.apply(c, staffActor(staff), {
      action: 'handUp',
      type: 'referred',
      to: 'submitted',
      note: reason,
      // The office gets its own day to place it.
      patch: {
        stationId: null,
        deputyId: null,
        officeRegionId: office,
        handlingDistrictId: office,
        acknowledgedAt: null,
        ...(await this.freshAck(c)),
      },
      data: { fromStationId: c.stationId, toOffice: office ?? 'city' },
      // Read in the office's group chat: no word of the resident's text, nor of a reason that may quote it.
      tell: [{ to, kind: 'case.queued', text: `留言 ${c.ticket}（${c.topic}）由${station}上报，请登录工作台查看原因并分派代表。` }],
      withdraw: ['case.queued', 'case.reminder', 'case.escalated'],
    })
  }

  async reject(staff: StaffPrincipal, caseId: string, reason: string) {
    const c = await this.staffCase(staff, caseId)
    return this.apply(c, staffActor(staff), {
      action: 'reject',
      type: 'rejected',
      to: 'rejected',
      note: reason,
      patch: { closedAt: this.clock.now() },
      tell: [resident(c, 'case.rejected', `很抱歉，您的留言 ${c.ticket} 不予受理：${reason}`)],
    }).then((done) => this.freeDuplicates(done))
  }

  /** Folds a duplicate into the case that will carry the work (分析研判: treated together). */
  async merge(staff: StaffPrincipal, caseId: string, intoCaseId: string, note?: string) {
    const c = await this.staffCase(staff, caseId)
    if (caseId === intoCaseId) throw new ConflictError('不能与自己合并')
    const into = await this.staffCase(staff, intoCaseId)
    if (!OPEN_STATUSES.includes(into.status) || into.mergedInto) {
      const root = into.mergedInto ? ((await this.store.cases.get(into.mergedInto))?.ticket ?? null) : null
      throw new ConflictError(mergeTargetText(into, root), [{ path: 'body.intoCaseId', message: into.status }], 'merge_target_closed')
    }
    const handler = c.deputyId
      ? [{ to: { kind: 'deputy' as const, id: c.deputyId }, kind: 'case.merged', text: `留言 ${c.ticket} 已并入留言 ${into.ticket} 合并办理，无需单独受理。` }]
      : []
    // Merged into a case already answered: no later reply would reach this resident, so the answer goes now.
    const told =
      into.status === 'replied' && into.reply
        ? `您的留言 ${c.ticket} 与相同问题的留言 ${into.ticket} 合并办理，${await this.deputyName(into.deputyId)}代表已答复：${excerpt(into.reply, 60)}`
        : `您的留言 ${c.ticket} 与相同问题的留言 ${into.ticket} 合并办理，办理结果会一并告知。`
    return this.apply(c, staffActor(staff), {
      action: 'merge',
      type: 'merged',
      to: 'closed',
      note,
      patch: { mergedInto: into.id, closedAt: this.clock.now() },
      data: { into: into.id, intoTicket: into.ticket },
      tell: [resident(c, 'case.merged', told), ...handler],
      // "请在 24 小时内受理" and the like, not yet sent, would now be untrue.
      withdraw: WORK_KINDS,
    })
  }

  // ——— residents ———

  async withdraw(author: MpPrincipal, caseId: string, reason?: string) {
    const c = await this.residentCase(author, caseId)
    const tell = c.deputyId ? [{ to: { kind: 'deputy' as const, id: c.deputyId }, kind: 'case.withdrawn', text: `留言 ${c.ticket} 已被群众撤回。` }] : []
    return this.apply(
      c,
      { role: 'resident', id: author.id },
      {
        action: 'withdraw',
        type: 'withdrawn',
        to: 'withdrawn',
        note: reason,
        patch: { closedAt: this.clock.now() },
        tell,
      },
    ).then((done) => this.freeDuplicates(done))
  }

  async rate(author: MpPrincipal, caseId: string, rating: number, comment?: string | null) {
    const c = await this.residentCase(author, caseId)
    const now = this.clock.now()
    const tell = c.deputyId
      ? [
          {
            to: { kind: 'deputy' as const, id: c.deputyId },
            kind: 'case.rated',
            text: `您答复的留言 ${c.ticket} 获得 ${rating} 分评价。${comment ? `群众说：${excerpt(comment, 40)}` : ''}`,
          },
        ]
      : []
    return this.apply(
      c,
      { role: 'resident', id: author.id },
      {
        action: 'rate',
        type: 'rated',
        to: 'closed',
        note: comment ?? null,
        data: { rating },
        patch: { rating, ratingComment: comment ?? null, ratedAt: now, closedAt: now, ratings: [...c.ratings, { rating, comment: comment ?? null, at: now }] },
        tell,
      },
    )
  }

  /** Whether the resident may now ask for this closed case to be handled again: rated low enough, within the window. */
  mayReopen(c: Pick<CaseRecord, 'rating' | 'repliedAt'>) {
    return this.reopenBlocked(c) === null
  }

  /** Why a closed case may not be handled again now (rated too well, or past the window); null when it may. */
  reopenBlocked(c: Pick<CaseRecord, 'rating' | 'repliedAt'>) {
    return reopenBlock(c, this.policy, this.clock.now())
  }

  async reopen(author: MpPrincipal, caseId: string, reason: string) {
    const c = await this.residentCase(author, caseId)
    const now = this.clock.now()
    const blocked = c.status === 'closed' ? reopenBlock(c, this.policy, now) : null
    if (blocked) throw new ConflictError(reopenBlockedText(blocked, this.policy), [], blocked)
    const { ackDueAt, replyDueAt, provisional } = slaDeadlines(now, await this.calendar.current(), this.policy)
    // The deputy who answered takes it again while in office; one who has left since is given nothing new,
    // and a message answered without a deputy goes back to its station's (or office's) queue to be placed.
    const deputyId = c.deputyId && (await this.directory.prepared()).deputies.get(c.deputyId)?.active ? c.deputyId : null
    const unhappy = `群众不满意（${c.rating} 分）`
    const tell = deputyId
      ? [{ to: { kind: 'deputy' as const, id: deputyId }, kind: 'case.reopened', text: `留言 ${c.ticket} ${unhappy}，已重新交您办理：${excerpt(reason, 40)}` }]
      : [
          {
            to: queueOf(c),
            kind: 'case.queued',
            text: `留言 ${c.ticket} ${unhappy}，申请重新办理${c.deputyId ? '，原办理代表已离任' : ''}，请登录工作台分派：${excerpt(reason, 40)}`,
          },
        ]
    return this.apply(
      c,
      { role: 'resident', id: author.id },
      {
        action: 'reopen',
        type: 'reopened',
        to: deputyId ? 'reopened' : 'submitted',
        note: reason,
        patch: {
          deputyId,
          ackDueAt,
          replyDueAt,
          deadlinesProvisional: provisional,
          acknowledgedAt: null,
          repliedAt: null,
          reply: null,
          closedAt: null,
          rating: null,
          ratingComment: null,
          ratedAt: null,
          ackEscalation: 0,
          replyEscalation: 0,
          reopenCount: c.reopenCount + 1,
        },
        data: { previousRating: c.rating },
        tell,
      },
    )
  }
}
