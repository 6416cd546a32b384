import { dayText } from '../../domain/dates.js'
import { addDays, addMonths } from '../../domain/suggestion-due.js'
import { lapsePendingRequests, type SuggestionRecord } from '../../domain/suggestion.js'
import { ConflictError, UnprocessableError, ValidationError } from '../../errors.js'
import type { OutboxMessage } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { auditedDecision, type SuggestionAudit } from './suggestion-audit.js'
import type { SuggestionBook } from './suggestion-book.js'

export interface AssignmentInput {
  leadUnitId: string
  coUnitIds?: string[]
  deadline?: string
  keySupervision?: boolean
  supervisionLeader?: string | null
}

/** Units have three months to answer unless the office says otherwise. */
export const DEFAULT_DEADLINE_MONTHS = 3
/** The longest deadline the office may set. */
const MAX_DEADLINE_MONTHS = 12

/**
 * 交办 and what follows it on the office's side: the office gives an accepted suggestion to its units (lead, co-units,
 * deadline, 重点督办), and decides the units' requests for more time or another lead unit.
 */
export class SuggestionAssignment {
  constructor(
    private readonly book: SuggestionBook,
    private readonly audit: SuggestionAudit,
  ) {}

  async assign(staff: StaffPrincipal, id: string, a: AssignmentInput): Promise<SuggestionRecord> {
    const s = await this.book.forOffice(staff, id)
    this.book.requireStep('assign', s)
    const coUnitIds = [...new Set(a.coUnitIds ?? [])]
    if (coUnitIds.includes(a.leadUnitId))
      throw new ValidationError('主办单位不能同时是协办单位', [{ path: `body.coUnitIds[${coUnitIds.indexOf(a.leadUnitId)}]`, message: '已是主办单位' }])
    const today = this.book.today()
    if (a.deadline && a.deadline < today) throw new ValidationError('办理期限不能早于今天', [{ path: 'body.deadline', message: '不能早于今天' }])
    // A mistyped year (2099) would take the suggestion off every reminder and overdue list for good.
    const latest = addMonths(today, MAX_DEADLINE_MONTHS)
    if (a.deadline && a.deadline > latest)
      throw new ValidationError(`办理期限最长一年，不能晚于 ${dayText(latest)}`, [{ path: 'body.deadline', message: `不能晚于 ${dayText(latest)}` }])
    const units = await this.book.units(
      [{ id: a.leadUnitId, path: 'body.leadUnitId' }, ...coUnitIds.map((id, i) => ({ id, path: `body.coUnitIds[${i}]` }))],
      staff,
    )
    const named = (id: string) => ({ id, name: units.get(id)!.name })
    const now = this.book.clock.now()
    s.assignment = {
      leadUnit: named(a.leadUnitId),
      coUnits: coUnitIds.map(named),
      deadline: a.deadline ?? addMonths(today, DEFAULT_DEADLINE_MONTHS),
      keySupervision: a.keySupervision ?? false,
      supervisionLeader: a.supervisionLeader ?? null,
      assignedAt: now,
    }
    s.status = 'assigned'
    const lead = s.assignment.leadUnit.name
    const co = s.assignment.coUnits.length ? `，协办：${s.assignment.coUnits.map((u) => u.name).join('、')}` : ''
    const key = s.assignment.keySupervision ? `，重点督办${s.assignment.supervisionLeader ? `（${s.assignment.supervisionLeader}领衔）` : ''}` : ''
    // Inside the units' brackets a second pair would nest: 「（主办，重点督办，王副主任领衔）」.
    const unitKey = s.assignment.keySupervision ? `，重点督办${s.assignment.supervisionLeader ? `，${s.assignment.supervisionLeader}领衔` : ''}` : ''
    this.book.note(s, this.book.officeActor(staff), 'assigned', `交办：主办 ${lead}${co}，期限 ${dayText(s.assignment.deadline)}${key}`, now)
    const messages: OutboxMessage[] = [
      this.book.message(
        s,
        { kind: 'deputy', id: s.deputy.id },
        'suggestion.assigned',
        `您的建议 ${s.number}《${s.title}》已交 ${lead} 主办。`,
        'assigned:deputy',
      ),
    ]
    for (const [unitIds, role] of [
      [[a.leadUnitId], '主办'],
      [coUnitIds, '协办'],
    ] as const)
      for (const to of await this.book.unitStaff([...unitIds]))
        messages.push(
          this.book.message(
            s,
            to,
            'suggestion.assigned',
            `新交办代表建议 ${s.number}《${s.title}》（${role}${unitKey}），请于 ${s.assignment.deadline} 前答复。`,
            `assigned:${to.id}`,
          ),
        )
    return auditedDecision(this.audit, staff, 'suggestion.assigned', await this.book.save(s, messages))
  }

  async decideRequest(staff: StaffPrincipal, id: string, requestId: string, approve: boolean, note: string | null) {
    const s = await this.book.forOffice(staff, id)
    const request = s.requests.find((r) => r.id === requestId)
    if (!request) throw new UnprocessableError('没有这项申请', [{ path: 'params.requestId', message: requestId }], 'unknown_request')
    if (request.status === 'lapsed') throw new ConflictError(`这项申请已失效：${request.note}`, [], 'request_lapsed')
    if (request.status !== 'pending') throw new ConflictError('这项申请已经处理过了', [], 'request_decided')
    this.book.requireStep('request', s)
    // The unit a lead proposes may lie outside the deciding office's districts: then it cannot approve it.
    if (approve && request.kind === 'change_unit') await this.book.units([{ id: request.proposedUnit!.id, path: 'body.approve' }], staff)
    const now = this.book.clock.now()
    request.status = approve ? 'approved' : 'denied'
    request.decidedAt = now
    request.note = note
    const assignment = s.assignment!
    let text: string
    if (approve && request.kind === 'extension') {
      assignment.deadline = addDays(assignment.deadline, request.days!)
      text = `同意延期 ${request.days} 天，新期限 ${dayText(assignment.deadline)}`
    } else if (approve) {
      assignment.leadUnit = request.proposedUnit!
      assignment.coUnits = assignment.coUnits.filter((u) => u.id !== request.proposedUnit!.id)
      text = `同意改由 ${request.proposedUnit!.name} 主办`
      // The old lead's other requests (more time) were for work it no longer does.
      if (lapsePendingRequests(s, '主办单位已更换，申请不再办理', now).length) text += '；原主办单位未批复的申请自动失效'
    } else text = `不同意${request.kind === 'extension' ? '延期' : '更换主办单位'}${note ? `：${note}` : ''}`
    this.book.note(s, this.book.officeActor(staff), approve ? 'request_approved' : 'request_denied', text, now)
    const decided = (await this.book.unitStaff([request.unit.id])).map((to) =>
      this.book.message(
        s,
        to,
        'suggestion.request_decided',
        // The old lead reads that it is done with it: its reminders and 催办 go to the new lead from now on.
        `建议 ${s.number}《${s.title}》：${text}。${approve && request.kind === 'change_unit' ? '这件建议不再由你单位办理，不用再答复。' : ''}`,
        `request:${request.id}:${to.id}`,
      ),
    )
    const leadChanged = approve && request.kind === 'change_unit' ? await this.leadChangedMessages(s, request.unit.name, request.id) : []
    return auditedDecision(
      this.audit,
      staff,
      approve ? 'suggestion.request_approved' : 'suggestion.request_denied',
      await this.book.save(s, [...decided, ...leadChanged]),
    )
  }

  /**
   * A new lead unit (主办) after the office approved the old one's request: the new lead is given it as a 交办 is given
   * (its part, the deadline), not told of another unit's request; the deputy, told at 交办 which unit has it, is told
   * which has it now. Residents were never told a unit (only that their message went into a suggestion): nothing for them.
   */
  private async leadChangedMessages(s: SuggestionRecord, oldLead: string, requestId: string): Promise<OutboxMessage[]> {
    const a = s.assignment!
    const toLead = (await this.book.unitStaff([a.leadUnit.id])).map((to) =>
      this.book.message(
        s,
        to,
        'suggestion.assigned',
        `代表建议 ${s.number}《${s.title}》改由你单位主办（原主办单位${oldLead}申请更换，已同意），请于 ${a.deadline} 前答复。`,
        `request:${requestId}:${to.id}`,
      ),
    )
    const toDeputy = this.book.message(
      s,
      { kind: 'deputy', id: s.deputy.id },
      'suggestion.assigned',
      `您的建议 ${s.number}《${s.title}》改由 ${a.leadUnit.name} 主办（原来是 ${oldLead}）。`,
      `lead_changed:${requestId}:deputy`,
    )
    return [...toLead, toDeputy]
  }
}
