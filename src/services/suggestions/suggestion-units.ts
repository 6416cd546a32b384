import { randomUUID } from 'node:crypto'
import { dayText } from '../../domain/dates.js'
import { daysBetween, promiseDaysLate } from '../../domain/suggestion-due.js'
import {
  ANSWER_CATEGORY_LABELS,
  HANDLING_STATUSES,
  lapsePendingRequests,
  unitIdsOf,
  type AnswerCategory,
  type RequestKind,
  type SuggestionRecord,
  type SuggestionStatus,
} from '../../domain/suggestion.js'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { SuggestionBook } from './suggestion-book.js'

export interface UnitAnswer {
  category?: AnswerCategory
  text: string
  /** YYYY-MM-DD, with 正在解决或列入计划 only: the day the unit promises the work done. */
  plannedBy?: string
}

/** A promise further off than this is no plan a deputy can follow. */
const PLAN_MAX_YEARS = 3

export interface UnitRequest {
  kind: RequestKind
  reason: string
  days?: number
  proposedUnitId?: string
}

/** "新交办": given to the unit within these days. */
const NEW_DAYS = 7
/** "即将到期": the first reminder's distance from the deadline. */
const DUE_SOON_DAYS = 15

/** A handling unit's side: the suggestions given to it, answering them, asking for more time or another unit. */
export class SuggestionUnits {
  constructor(private readonly book: SuggestionBook) {}

  list(staff: StaffPrincipal, q: { status?: SuggestionStatus; cursor?: string | null; limit: number }) {
    return this.book.store.suggestions.search({ unitIds: staff.unitIds, statuses: q.status ? [q.status] : undefined, cursor: q.cursor, limit: q.limit })
  }

  /**
   * What the staff's units still owe, counted for the console's home page, so that nothing
   * depends on a reminder reaching them: a lead unit owes the answer, a co-unit its opinion
   * until it has given one this round.
   * Besides (`promisesLate`), the reports a lead unit owes on promises whose day has passed.
   */
  async pending(staff: StaffPrincipal) {
    const owed = (await this.book.store.suggestions.all({ unitIds: staff.unitIds, statuses: HANDLING_STATUSES })).filter((s) => this.owes(staff, s))
    const today = this.book.today()
    const since = this.book.clock.now().getTime() - NEW_DAYS * 86_400_000
    const left = (s: SuggestionRecord) => daysBetween(today, s.assignment!.deadline)
    return {
      owed: owed.length,
      newlyAssigned: owed.filter((s) => s.status === 'assigned' && s.assignment!.assignedAt.getTime() >= since).length,
      rehandling: owed.filter((s) => s.status === 'rehandling').length,
      dueSoon: owed.filter((s) => left(s) >= 0 && left(s) <= DUE_SOON_DAYS).length,
      overdue: owed.filter((s) => left(s) < 0).length,
      promisesLate: await this.promisesLate(staff, today),
    }
  }

  /** The staff's units' promises (as lead) past their day without the report: the report is what they owe then. */
  private async promisesLate(staff: StaffPrincipal, today: string) {
    const following = await this.book.store.suggestions.all({ unitIds: staff.unitIds, statuses: ['following'] })
    return following.filter((s) => staff.unitIds.includes(s.assignment!.leadUnit.id) && promiseDaysLate(s, today)).length
  }

  private owes(staff: StaffPrincipal, s: SuggestionRecord) {
    const a = s.assignment
    if (!a) return false
    if (staff.unitIds.includes(a.leadUnit.id)) return true
    return a.coUnits.some((u) => staff.unitIds.includes(u.id) && !s.answers.some((x) => x.unit.id === u.id && x.round === s.round))
  }

  /** Every active unit, by id and name only: what a lead unit may propose in its place. */
  async unitChoices() {
    return (await this.book.store.units.list()).filter((u) => u.active).map((u) => ({ id: u.id, name: u.name }))
  }

  /** Another unit's suggestion does not exist for this one. */
  async get(staff: StaffPrincipal, id: string) {
    const s = await this.book.store.suggestions.get(id)
    if (!s || !unitIdsOf(s).some((u) => staff.unitIds.includes(u))) throw new NotFoundError('建议不存在')
    return s
  }

  async answer(staff: StaffPrincipal, id: string, a: UnitAnswer) {
    const s = await this.get(staff, id)
    this.book.requireStep('answer', s)
    const assignment = s.assignment!
    const isLead = staff.unitIds.includes(assignment.leadUnit.id)
    const unit = isLead ? assignment.leadUnit : assignment.coUnits.find((u) => staff.unitIds.includes(u.id))!
    if (isLead && !a.category)
      throw new ValidationError('主办单位答复需要选择办理结果', [{ path: 'body.category', message: '请选择：已解决、正在解决或列入计划、留作参考' }])
    if (!isLead && a.category) throw new ValidationError('协办单位答复不选办理结果，由主办单位统一答复', [{ path: 'body.category', message: '协办单位不填' }])
    this.checkPlan(a)
    if (!isLead && s.status === 'following') throw new ConflictError('这件建议已经答复，正在等主办单位报告办理结果，协办单位不用再答复', [], 'already_answered')
    if (!isLead && s.answers.some((x) => x.unit.id === unit.id && x.round === s.round)) throw new ConflictError('本轮已经答复过了', [], 'already_answered')
    const now = this.book.clock.now()
    // After a promise (following), this answer is the unit's report on it: the deputy rates it in turn.
    const report = s.status === 'following'
    const leadAnswersThisRound = s.answers.filter((x) => x.role === 'lead' && x.round === s.round).length
    s.answers.push({
      unit,
      role: isLead ? 'lead' : 'co',
      category: a.category ?? null,
      text: a.text,
      at: now,
      round: s.round,
      plannedBy: a.category === 'in_progress' ? (a.plannedBy ?? null) : null,
    })
    const actor = { role: 'unit' as const, id: staff.id, name: unit.name }
    if (!isLead) {
      this.book.note(s, actor, 'answered', `${unit.name}（协办）提出办理意见`, now)
      return this.book.save(s)
    }
    s.status = 'answered'
    const label = ANSWER_CATEGORY_LABELS[a.category!]
    const plan = a.category === 'in_progress' && a.plannedBy ? `，承诺${dayText(a.plannedBy)}前完成` : ''
    this.book.note(s, actor, 'answered', `${unit.name}${report ? '报告办理结果' : '答复'}：${label}${plan}`, now)
    // Answered, it needs no more time nor another unit: left pending, a request would block the next round's.
    if (lapsePendingRequests(s, '主办单位已答复，申请不再办理', now).length)
      this.book.note(s, actor, 'request_lapsed', '主办单位已答复，未批复的申请自动失效', now)
    const deputy = this.book.message(
      s,
      { kind: 'deputy', id: s.deputy.id },
      'suggestion.answered',
      // Where to rate, as he finds it: the workbench's 我的待办 lists it too until he has.
      `您的建议 ${s.number}《${s.title}》${report ? `，${unit.name}报告了办理结果` : '已答复'}（${label}${plan}）。` +
        `请打开小程序“代表工作台—我的建议”，点这条建议，再点“评价答复”${report ? '，再评价一次' : ''}。`,
      // The first answer of a round keeps the key it always had; a report after a promise is a message of its own.
      leadAnswersThisRound ? `answered:r${s.round}:${leadAnswersThisRound + 1}` : `answered:r${s.round}`,
    )
    return this.book.save(s, [deputy])
  }

  /** A promised day goes only with 正在解决或列入计划, from today on and within PLAN_MAX_YEARS. */
  private checkPlan(a: UnitAnswer) {
    if (a.plannedBy === undefined) return
    const path = 'body.plannedBy'
    if (a.category !== 'in_progress') throw new ValidationError('只有“正在解决或列入计划”才填承诺日期', [{ path, message: '请去掉承诺日期' }])
    const today = this.book.today()
    if (a.plannedBy < today) throw new ValidationError('承诺日期不能早于今天', [{ path, message: '请选今天以后的日期' }])
    if (a.plannedBy > `${Number(today.slice(0, 4)) + PLAN_MAX_YEARS}${today.slice(4)}`)
      throw new ValidationError(`承诺日期最晚 ${PLAN_MAX_YEARS} 年内`, [{ path, message: `请选 ${PLAN_MAX_YEARS} 年内的日期` }])
  }

  async request(staff: StaffPrincipal, id: string, r: UnitRequest) {
    const s = await this.get(staff, id)
    const assignment = s.assignment
    if (!assignment || !staff.unitIds.includes(assignment.leadUnit.id)) {
      this.book.requireStep('request', s)
      throw new ForbiddenError('只有主办单位可以申请延期或更换主办单位')
    }
    this.book.requireStep('request', s)
    if (r.kind === 'extension' && !r.days) throw new ValidationError('延期需要写明天数', [{ path: 'body.days', message: '请填写延期天数（1–90）' }])
    if (r.kind === 'change_unit' && !r.proposedUnitId)
      throw new ValidationError('请选择建议改由哪个单位主办', [{ path: 'body.proposedUnitId', message: '请选择单位' }])
    if (r.kind === 'change_unit' && r.proposedUnitId === assignment.leadUnit.id)
      throw new ValidationError('不能改由本单位主办', [{ path: 'body.proposedUnitId', message: '已是主办单位' }])
    if (s.requests.some((x) => x.kind === r.kind && x.status === 'pending')) throw new ConflictError('同类申请还在等待批复', [], 'request_pending')
    const units = r.kind === 'change_unit' ? await this.book.units([{ id: r.proposedUnitId!, path: 'body.proposedUnitId' }]) : null
    const proposed = units ? { id: r.proposedUnitId!, name: units.get(r.proposedUnitId!)!.name } : null
    const now = this.book.clock.now()
    const request = {
      id: `rq-${randomUUID()}`,
      kind: r.kind,
      unit: assignment.leadUnit,
      reason: r.reason,
      days: r.kind === 'extension' ? r.days! : null,
      proposedUnit: proposed,
      status: 'pending' as const,
      at: now,
      decidedAt: null,
      note: null,
    }
    s.requests.push(request)
    const what = r.kind === 'extension' ? `申请延期 ${r.days} 天` : `申请改由 ${proposed!.name} 主办`
    this.book.note(s, { role: 'unit', id: staff.id, name: assignment.leadUnit.name }, 'request_made', `${what}：${r.reason}`, now)
    const office = this.book.message(
      s,
      this.book.officeOf(s),
      'suggestion.request_made',
      `${assignment.leadUnit.name}就建议 ${s.number}《${s.title}》${what}，请批复。`,
      `request:${request.id}:made`,
    )
    return this.book.save(s, [office])
  }
}
