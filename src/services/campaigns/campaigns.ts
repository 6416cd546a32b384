import { randomUUID } from 'node:crypto'
import {
  campaignPhase,
  checkCampaignWindow,
  audienceProblem,
  isEmptySelector,
  PUBLISH_GRACE_MS,
  type AudienceSelector,
  type CampaignRecord,
} from '../../domain/campaign.js'
import { ConflictError, ForbiddenError, UnprocessableError } from '../../errors.js'
import { requireRole, type StaffPrincipal } from '../accounts/principal.js'
import { CampaignItems } from './campaign-items.js'

export type { CampaignServiceDeps } from './campaign-access.js'
export type { ItemDraft } from './campaign-items.js'

export interface CampaignDraft {
  title: string
  description: string
  /** Absent: now, by the server's clock, never the browser's (an office PC's clock may run ahead). */
  startsAt?: Date
  endsAt: Date
  audience: AudienceSelector
  /** 'monthly' (每月一次): a series; the monthly job opens an issue for each month of its window. */
  repeat?: 'monthly' | null
}

/**
 * Organizers' side of campaigns: create one for an audience, add reading items that go
 * out now or at a set time. Organizers of some districts work within them: their
 * campaigns reach only there, and they see only campaigns of their districts.
 */
export class CampaignService extends CampaignItems {
  async create(staff: StaffPrincipal, draft: CampaignDraft): Promise<CampaignRecord> {
    requireRole(staff, 'organizer', 'admin')
    const startsAt = draft.startsAt ?? this.clock.now()
    // No start given and the end gone by: what to fix is the end ("结束时间应晚于开始时间" names a start she never gave).
    if (!draft.startsAt && draft.endsAt <= startsAt)
      throw new UnprocessableError('结束时间已经过去，请选以后的时间', [{ path: 'body.endsAt', message: '结束时间已过' }], 'campaign_window_over')
    const problems = checkCampaignWindow(startsAt, draft.endsAt)
    if (isEmptySelector(draft.audience)) problems.push({ path: 'body.audience', message: '请选择活动面向哪些人：勾选代表层级或选择区县' })
    // Nothing chosen alone is said as such (the console shows the detail beside 代表层级, the message above the buttons).
    // Well-formed, but against the rules (end before start, nobody chosen): 422, as every other
    // form's times (DESIGN.md: 400 is for what the schema refuses).
    if (problems.length)
      throw new UnprocessableError(
        problems.length === 1 && problems[0].path === 'body.audience' ? '还没有选择活动面向哪些人' : '输入有误',
        problems,
        'invalid_campaign',
      )
    // A campaign already over would reach nobody in time: a typo in the year, most likely.
    if (draft.endsAt <= this.clock.now())
      throw new UnprocessableError('活动结束时间已过，请把结束时间改到现在以后', [{ path: 'body.endsAt', message: '结束时间已过' }], 'campaign_window_over')
    const scope = (await this.directory.scopeOf(staff)).regionIds
    // A new campaign names stations and deputies: checked against the store as it is now.
    const dir = await this.audience.freshDirectory()
    const { unknown, outside, left } = this.audience.check(draft.audience, dir, scope)
    if (unknown.length) throw new UnprocessableError('活动对象中有不存在的联络站、区县或代表', unknown, 'unknown_reference')
    if (left.length) throw new UnprocessableError('活动对象中有已离任的代表，请去掉后再发布', left, 'deputy_inactive')
    if (outside.length) throw new ForbiddenError('只能面向您负责的区县发布活动')
    // Deputies or staff chosen, none of them there: progress would read 面向 0 人 from the start.
    const nobody = audienceProblem(draft.audience, this.audience.resolve({ audience: draft.audience, scopeDistrictIds: [...scope] }, dir).length)
    if (nobody) throw new UnprocessableError(nobody.message, [{ path: 'body.audience', message: nobody.detail }], 'no_audience')
    const now = this.clock.now()
    const area = scope.length === 1 ? dir.regions.get(scope[0]) : undefined
    const created = await this.store.campaigns.create({
      id: `cp-${randomUUID()}`,
      title: draft.title,
      description: draft.description,
      startsAt,
      endsAt: draft.endsAt,
      audience: draft.audience,
      scopeDistrictIds: [...scope],
      repeat: draft.repeat ?? null,
      seriesId: null,
      period: null,
      adoptedFrom: null,
      areaId: area?.id ?? null,
      level: !scope.length ? 'city' : area?.kind === 'street' ? 'street' : 'district',
      createdBy: staff.id,
      createdAt: now,
      updatedAt: now,
    })
    if (created.repeat) await this.series.openDue([created])
    await this.audit.record(staff, 'campaign.created', { kind: 'campaign', id: created.id })
    return created
  }

  /**
   * Corrects a campaign: title and description always, the start while it has not
   * started, the end (extend, or end early: now) while it has not ended. Audited.
   */
  async correct(
    staff: StaffPrincipal,
    id: string,
    patch: Partial<Pick<CampaignDraft, 'title' | 'description' | 'endsAt'>> & { startsAt?: Date; endNow?: boolean },
  ): Promise<CampaignRecord> {
    const c = await this.manageable(staff, id)
    // 提前结束: an end now, by the server's clock (the office PC's may be off).
    const { endNow, ...given } = patch
    if (endNow) given.endsAt = this.clock.now()
    const now = this.clock.now()
    const phase = campaignPhase(c, now)
    const changed = (['title', 'description', 'startsAt', 'endsAt'] as const).filter((k) => given[k] !== undefined && String(given[k]) !== String(c[k]))
    if (!changed.length) return c
    if (changed.includes('startsAt') && phase !== 'upcoming')
      throw new ConflictError('活动已经开始，开始时间不能再改', [{ path: 'body.startsAt', message: '活动已经开始' }], 'campaign_started')
    if (changed.includes('endsAt') && phase === 'ended')
      throw new ConflictError('活动已结束，不能重新开始', [{ path: 'body.endsAt', message: '活动已结束' }], 'campaign_ended')
    const next: CampaignRecord = { ...c, ...given, updatedAt: now }
    if (changed.includes('endsAt') && next.endsAt < now) {
      // A date clearly gone by is a typo (a year, a month), not an order to stop: said, changing nothing.
      // Ending early is asked for as such (endNow), or with a time within a clock's drift of now.
      if (!endNow && next.endsAt.getTime() < now.getTime() - PUBLISH_GRACE_MS)
        throw new UnprocessableError(
          '结束时间已经过去，请选以后的时间；要现在结束，请用“提前结束”',
          [{ path: 'body.endsAt', message: '结束时间已过' }],
          'campaign_window_over',
        )
      // Ending early is ending now: what people did until now stays counted.
      next.endsAt = now
    }
    const problems = checkCampaignWindow(next.startsAt, next.endsAt)
    if (problems.length) throw new UnprocessableError('输入有误', problems, 'invalid_campaign')
    // A monthly issue runs to its month's end or the series' end, never into the next month.
    const bound = changed.includes('endsAt') && c.seriesId ? await this.series.issueEnd(c) : null
    if (bound && next.endsAt > bound)
      throw new UnprocessableError(
        '每月这一期最晚到当月底（或整个活动结束时）结束，不能延到以后；要延长，请修改整个每月学习活动',
        [{ path: 'body.endsAt', message: '超过了这一期的月份' }],
        'period_bound',
      )
    const saved = await this.store.campaigns.update(next)
    // A series' open issue follows it: ended with it, extended to its month's end, renamed with it.
    if (c.repeat) await this.series.followSeries(saved, now)
    await this.audit.record(
      staff,
      'campaign.corrected',
      { kind: 'campaign', id: c.id },
      {
        fields: changed,
        before: Object.fromEntries(changed.map((k) => [k, c[k]])),
        after: Object.fromEntries(changed.map((k) => [k, next[k]])),
      },
    )
    return saved
  }

  async detail(staff: StaffPrincipal, id: string) {
    const campaign = await this.get(staff, id)
    const [items, periods] = await Promise.all([this.store.campaigns.items(id), campaign.repeat ? this.store.campaigns.periodsOf(id) : []])
    return { campaign, items, periods, phase: campaignPhase(campaign, this.clock.now()) }
  }
}
