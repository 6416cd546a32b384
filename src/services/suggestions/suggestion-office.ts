import { officeName } from '../../domain/office-name.js'
import { OVERDUE_STATUSES, PROMISE_STATUSES } from '../../domain/suggestion-due.js'
import { suggestionStats } from '../../domain/suggestion-stats.js'
import { SUGGESTION_STATUS_LABELS, type ReviewDecision, type SuggestionRecord, type SuggestionStatus } from '../../domain/suggestion.js'
import { ConflictError, UnprocessableError, ValidationError } from '../../errors.js'
import type { OutboxMessage, Page } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { auditedDecision, type SuggestionAudit } from './suggestion-audit.js'
import type { SuggestionBook } from './suggestion-book.js'
import type { SuggestionConversion } from './suggestion-conversion.js'

export interface OfficeListQuery {
  status?: SuggestionStatus
  year?: number
  unitId?: string
  q?: string
  keySupervision?: boolean
  overdue?: boolean
  cursor?: string | null
  limit: number
}

export interface Review {
  decision: ReviewDecision
  reason?: string
  mergeInto?: string
}

/** What a suggestion may be merged into: one still ahead of its answer, which will be handled with the other's. */
const MERGE_TARGETS: SuggestionStatus[] = ['submitted', 'accepted', 'assigned', 'rehandling']

/** What the 工作概览 card counts of an office's suggestions: what waits for it, and what its units owe late. */
export interface SuggestionSummary {
  /** 待审查 */
  submitted: number
  /** 已立案待交办 */
  accepted: number
  /**
   * The list's 只看已超期 (overdueSince): still with the units past the deadline, or past the day a unit promised without
   * its report; of those 重点督办, and of those the promises (承诺日期已过).
   */
  overdue: number
  overdueKey: number
  promisesLate: number
}

/**
 * The congress office's side: list and count its suggestions, review them (accept, return, merge, convert), close one
 * for a departed deputy, publish answers. 交办 and the units' requests are SuggestionAssignment's.
 */
export class SuggestionOffice {
  constructor(
    private readonly book: SuggestionBook,
    private readonly conversion: SuggestionConversion,
    private readonly audit: SuggestionAudit,
  ) {}

  async list(staff: StaffPrincipal, q: OfficeListQuery): Promise<Page<SuggestionRecord>> {
    const filter = {
      districtIds: this.book.officeDistricts(staff),
      statuses: q.status ? [q.status] : undefined,
      year: q.year,
      unitIds: q.unitId ? [q.unitId] : undefined,
      q: q.q,
      keySupervision: q.keySupervision,
    }
    if (!q.overdue) return this.book.store.suggestions.search({ ...filter, cursor: q.cursor, limit: q.limit })
    // 只看已超期 is what to press first: the longest overdue on top, as the inbox's overdue list; the store finds them by
    // the one rule (dueBy, overdueSince) it keeps beside each record.
    return this.book.store.suggestions.overdue({ ...filter, cursor: q.cursor, limit: q.limit }, this.book.today())
  }

  /** The figures of the office's 工作概览 card, in the organizer's districts only, counted by the store. */
  async summary(staff: StaffPrincipal): Promise<SuggestionSummary> {
    const districtIds = this.book.officeDistricts(staff)
    const [waiting, late] = await Promise.all([
      this.book.store.suggestions.countByStatus({ districtIds, statuses: ['submitted', 'accepted'] }),
      this.book.store.suggestions.countOverdue({ districtIds, statuses: OVERDUE_STATUSES }, this.book.today()),
    ])
    const overdue = Object.values(late)
    return {
      submitted: waiting.submitted ?? 0,
      accepted: waiting.accepted ?? 0,
      overdue: overdue.reduce((n, c) => n + c.all, 0),
      overdueKey: overdue.reduce((n, c) => n + c.key, 0),
      promisesLate: PROMISE_STATUSES.reduce((n, status) => n + (late[status]?.all ?? 0), 0),
    }
  }

  get(staff: StaffPrincipal, id: string) {
    return this.book.forOffice(staff, id)
  }

  /** What anyone may read: the answered suggestions the office chose to publish. */
  published(q: { year?: number; cursor?: string | null; limit: number }) {
    return this.book.store.suggestions.search({ published: true, year: q.year, cursor: q.cursor, limit: q.limit })
  }

  async review(staff: StaffPrincipal, id: string, r: Review): Promise<SuggestionRecord> {
    const s = await this.book.forOffice(staff, id)
    this.book.requireStep('review', s)
    if (r.decision === 'return' && !r.reason) throw new ValidationError('退回需要写明理由', [{ path: 'body.reason', message: '退回需要写明理由' }])
    if (r.decision === 'merge' && !r.mergeInto)
      throw new ValidationError('并案需要指明并入哪条建议', [{ path: 'body.mergeInto', message: '请选择要并入的建议' }])
    const now = this.book.clock.now()
    s.review = { decision: r.decision, reason: r.reason ?? null, by: staff.name, at: now }
    const actor = this.book.officeActor(staff)
    const tellDeputy = (text: string, key: string) => this.book.message(s, { kind: 'deputy', id: s.deputy.id }, `suggestion.${key}`, text, key)
    switch (r.decision) {
      case 'accept':
        s.status = 'accepted'
        this.book.note(s, actor, 'accepted', '审查通过，立案', now)
        return auditedDecision(
          this.audit,
          staff,
          'suggestion.accepted',
          await this.book.save(s, [tellDeputy(`您的建议 ${s.number}《${s.title}》已立案，将交有关单位办理。`, 'accepted')]),
        )
      case 'return':
        s.status = 'returned'
        this.book.note(s, actor, 'returned', `退回：${r.reason}`, now)
        return auditedDecision(
          this.audit,
          staff,
          'suggestion.returned',
          await this.book.save(s, [tellDeputy(`您的建议 ${s.number}《${s.title}》被退回：${r.reason}`, 'returned')]),
        )
      case 'merge':
        return auditedDecision(this.audit, staff, 'suggestion.merged', await this.merge(staff, s, r.mergeInto!, tellDeputy))
      case 'convert': {
        const caseRef = await this.conversion.toCase(s)
        s.status = 'converted'
        s.convertedCaseId = caseRef.id
        this.book.note(s, actor, 'converted', `转为群众留言办理，编号 ${caseRef.ticket}`, now)
        const saved = await this.book.save(s, [tellDeputy(`您的建议 ${s.number}《${s.title}》已转为群众留言 ${caseRef.ticket} 办理。`, 'converted')])
        return auditedDecision(this.audit, staff, 'suggestion.converted', saved)
      }
    }
  }

  /**
   * 代表已离任: an answered suggestion waits for its lead deputy's rating, which a deputy who
   * has left office can no longer give; the office closes it on their behalf, unrated.
   */
  async closeForDepartedDeputy(staff: StaffPrincipal, id: string) {
    const s = await this.book.forOffice(staff, id)
    if (s.status !== 'answered')
      throw new ConflictError(
        `只有已答复待评价的建议可以代为办结（现在：${SUGGESTION_STATUS_LABELS[s.status]}）`,
        [{ path: 'status', message: s.status }],
        'suggestion_wrong_status',
      )
    const prepared = await this.book.directory.prepared()
    const deputy = prepared.deputies.get(s.deputy.id)
    if (deputy && deputy.active !== false) throw new ConflictError(`${s.deputy.name}代表仍在任，请由代表本人评价`, [], 'deputy_in_office')
    s.status = 'closed'
    // The office that oversees it, by its name (its lead deputy's district's, or the whole installation's).
    const office = officeName(this.book.officeOf(s).id, prepared)
    this.book.note(s, this.book.officeActor(staff), 'closed', `领衔代表${s.deputy.name}已离任，由${office}办结（未评价）`)
    return auditedDecision(this.audit, staff, 'suggestion.closed', await this.book.save(s))
  }

  async publish(staff: StaffPrincipal, id: string, published: boolean) {
    const s = await this.book.forOffice(staff, id)
    this.book.requireStep('publish', s)
    if (s.published === published) return s
    s.published = published
    this.book.note(s, this.book.officeActor(staff), published ? 'published' : 'unpublished', published ? '答复向社会公开' : '撤回公开')
    return auditedDecision(this.audit, staff, published ? 'suggestion.published' : 'suggestion.unpublished', await this.book.save(s))
  }

  async stats(staff: StaffPrincipal, year: number) {
    const records = await this.book.store.suggestions.all({ year, districtIds: this.book.officeDistricts(staff) })
    return { year, ...suggestionStats(records, (at) => this.book.today(at), this.book.today()) }
  }

  /** Joins a suggestion into a similar one: its deputies become co-signers there, its cases move along. */
  private async merge(staff: StaffPrincipal, s: SuggestionRecord, targetId: string, tellDeputy: (text: string, key: string) => OutboxMessage) {
    const target = await this.book.store.suggestions.get(targetId)
    if (!target || target.id === s.id || !this.book.officeSees(staff, target) || ['draft', 'cosigning'].includes(target.status)) {
      // Why, in words: the id was picked from a list, the person never saw it.
      const why =
        !target || !this.book.officeSees(staff, target)
          ? '所选的建议已不存在或不在您的管理范围内'
          : target.id === s.id
            ? '不能并入本件自己'
            : `《${target.title}》还没有正式提交，不能并入`
      throw new UnprocessableError('不能并入这条建议', [{ path: 'body.mergeInto', message: why }], 'bad_merge_target')
    }
    // Answered, closed, returned …: nobody would handle what joins it.
    if (!MERGE_TARGETS.includes(target.status))
      throw new ConflictError(
        `建议 ${target.number}《${target.title}》${SUGGESTION_STATUS_LABELS[target.status]}，不能再并入`,
        [{ path: 'body.mergeInto', message: target.status }],
        'merge_target_closed',
      )
    const now = this.book.clock.now()
    const joining = [{ deputyId: s.deputy.id, name: s.deputy.name, at: now }, ...s.coSigners]
    for (const d of joining) if (d.deputyId !== target.deputy.id && !target.coSigners.some((c) => c.deputyId === d.deputyId)) target.coSigners.push(d)
    for (const c of s.cases) if (!target.cases.some((t) => t.id === c.id)) target.cases.push(c)
    this.book.note(target, this.book.officeActor(staff), 'merged', `建议 ${s.number}《${s.title}》并入本件`, now)
    const tellTarget = this.book.message(
      target,
      { kind: 'deputy', id: target.deputy.id },
      'suggestion.merged',
      `${s.deputy.name}代表的建议 ${s.number}《${s.title}》已并入您的建议 ${target.number}《${target.title}》一并办理。`,
      `merged_in:${s.id}`,
    )
    // Their own two suggestions: the merged one's notice says it all.
    await this.book.save(target, target.deputy.id === s.deputy.id ? [] : [tellTarget])
    s.status = 'merged'
    s.mergedInto = target.id
    this.book.note(s, this.book.officeActor(staff), 'merged', `并入建议 ${target.number}《${target.title}》`, now)
    return this.book.save(s, [tellDeputy(`您的建议 ${s.number}《${s.title}》已与建议 ${target.number}《${target.title}》并案办理。`, 'merged')])
  }
}
