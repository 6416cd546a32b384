import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.js'
import {
  canManageCampaign,
  campaignPhase,
  checkCampaignWindow,
  audienceProblem,
  checkPublishAt,
  isEmptySelector,
  PUBLISH_GRACE_MS,
  type AudienceSelector,
  type CampaignRecord,
  type ReadingItem,
} from '../../domain/campaign.js'
import { plainText, sanitizeRichText } from '../../domain/rich-text.js'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from '../../errors.js'
import type { PageQuery, Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { CampaignAudience, NamedDirectory } from './campaign-audience.js'
import { requireRole, type StaffPrincipal } from '../accounts/principal.js'
import type { ReadingPublisher } from './reading-publisher.js'
import type { CampaignSeries } from './campaign-series.js'
import { scopeOwnerIds, type StaffScope } from '../../domain/staff-scope.js'
import type { DirectoryCache } from '../directory/directory-cache.js'

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

export interface ItemDraft {
  title: string
  summary: string
  /** Rich text as pasted; sanitised here. Exactly one of body and link. */
  body?: string | null
  link?: string | null
  source: string
  required: boolean
  /** Absent or null: now. */
  publishAt?: Date | null
  /** Kept as a draft (草稿) until published by hand. */
  draft?: boolean
}

/** What CampaignService is built from (one object: the parameters are many). */
export interface CampaignServiceDeps {
  store: Pick<Store, 'campaigns'>
  audience: CampaignAudience
  publisher: ReadingPublisher
  clock: Clock
  audit: Pick<AuditTrail, 'record'>
  /** Opens a new series' issue for the month now under way, without waiting for the job. */
  series: Pick<CampaignSeries, 'openDue' | 'issueEnd' | 'followSeries'>
  /** Where a console user may look (the scope rule every area judges by). */
  directory: Pick<DirectoryCache, 'scopeOf'>
}

/**
 * Organizers' side of campaigns: create one for an audience, add reading items that go
 * out now or at a set time. Organizers of some districts work within them: their
 * campaigns reach only there, and they see only campaigns of their districts.
 */
export class CampaignService {
  private readonly store: Pick<Store, 'campaigns'>
  private readonly audience: CampaignAudience
  private readonly publisher: ReadingPublisher
  private readonly clock: Clock
  private readonly audit: Pick<AuditTrail, 'record'>
  private readonly series: Pick<CampaignSeries, 'openDue' | 'issueEnd' | 'followSeries'>
  private readonly directory: Pick<DirectoryCache, 'scopeOf'>

  constructor(deps: CampaignServiceDeps) {
    ;({
      store: this.store,
      audience: this.audience,
      publisher: this.publisher,
      clock: this.clock,
      audit: this.audit,
      series: this.series,
      directory: this.directory,
    } = deps)
  }

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
   * How many people a selector names now, deputies and station staff apart, within the organizer's
   * districts or streets: the console's count while the organizer chooses, as creating would resolve them.
   */
  async previewAudience(staff: StaffPrincipal, selector: AudienceSelector): Promise<{ count: number; deputies: number; staff: number }> {
    requireRole(staff, 'organizer', 'admin')
    const scope = (await this.directory.scopeOf(staff)).regionIds
    const people = this.audience.resolve({ audience: selector, scopeDistrictIds: [...scope] }, await this.audience.directory())
    const deputies = people.filter((p) => p.kind === 'deputy').length
    return { count: people.length, deputies, staff: people.length - deputies }
  }

  /** An organizer's list: the campaigns of their districts or streets and of the places under them, and the city's that reach them. */
  /** The campaigns the staff member sees, newest first; with `createdBy: 'me'`, only those they created (只看我创建的). */
  async list(staff: StaffPrincipal, query: PageQuery & { createdBy?: 'me' }) {
    requireRole(staff, 'organizer', 'admin')
    const scope = await this.directory.scopeOf(staff)
    const page = { cursor: query.cursor, limit: query.limit, ...(query.createdBy === 'me' ? { createdBy: staff.id } : {}) }
    if (scope.kind !== 'regions') return this.store.campaigns.search(page)
    const found = await this.store.campaigns.search({ ...page, scopeDistrictIds: scopeOwnerIds(scope) ?? [], cityWide: true })
    const dir = await this.audience.directory()
    // The cursor stays the repository's, so a page may come back shorter but paging never skips.
    return { ...found, items: found.items.filter((c) => canManageCampaign(scope, c) || this.reaches(scope, c, dir)) }
  }

  /**
   * Not visible is not found: nobody learns which campaigns exist elsewhere. An organizer
   * sees the campaigns they manage and the city's that reach their districts or streets.
   */
  async get(staff: StaffPrincipal, id: string): Promise<CampaignRecord> {
    return (await this.visible(staff, id)).campaign
  }

  /** For changes: an organizer follows a city-level campaign but does not change it. */
  async manageable(staff: StaffPrincipal, id: string): Promise<CampaignRecord> {
    const { campaign, manages } = await this.visible(staff, id)
    if (!manages) throw new ForbiddenError('市级活动由市人大常委会办公室管理，区县可查看本区县的进度', 'city_level')
    return campaign
  }

  /** A campaign this console user may see, and whether they manage it (the scope worked out once). */
  private async visible(staff: StaffPrincipal, id: string): Promise<{ campaign: CampaignRecord; manages: boolean }> {
    requireRole(staff, 'organizer', 'admin')
    const campaign = await this.store.campaigns.get(id)
    if (!campaign) throw new NotFoundError('活动不存在')
    const scope = await this.directory.scopeOf(staff)
    const manages = canManageCampaign(scope, campaign)
    if (!manages && !this.reaches(scope, campaign, await this.audience.directory())) throw new NotFoundError('活动不存在')
    return { campaign, manages }
  }

  /** The districts or streets whose share an organizer sees of a city-level campaign; null when they see it whole. */
  async districtView(staff: StaffPrincipal, c: Pick<CampaignRecord, 'scopeDistrictIds'>): Promise<string[] | null> {
    const scope = await this.directory.scopeOf(staff)
    return canManageCampaign(scope, c) ? null : [...scope.regionIds]
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

  /**
   * Corrects a reading item's wording, link or body (sanitised again), and whether it is
   * required; its publish time only while it is still scheduled. Audited.
   */
  async correctItem(staff: StaffPrincipal, campaignId: string, itemId: string, patch: Partial<ItemDraft>): Promise<ReadingItem> {
    const { campaign, item } = await this.itemOf(staff, campaignId, itemId)
    const now = this.clock.now()
    if (item.withdrawnAt) throw new ConflictError('学习材料已撤回，不能再修改', [], 'item_withdrawn')
    if (patch.publishAt !== undefined && item.publishedAt)
      throw new ConflictError('学习材料已经发布，发布时间不能再改', [{ path: 'body.publishAt', message: '已发布' }], 'item_published')
    // A body replaces a link and a link a body: giving one drops the other unless both are sent.
    const body = patch.body ? await sanitizeRichText(patch.body) : patch.body === undefined && !patch.link ? item.body : null
    const link = patch.link !== undefined ? patch.link : patch.body ? null : item.link
    const problems = patch.publishAt ? checkPublishAt(patch.publishAt, now, campaign) : []
    if (patch.body && !(await plainText(body ?? '')) && !body?.includes('<img')) problems.push({ path: 'body.body', message: '正文清理后为空' })
    else if (!body === !link) problems.push({ path: 'body.body', message: '请填写正文或链接（二选一）' })
    if (problems.length) throw new ValidationError('输入有误', problems)
    const next: ReadingItem = {
      ...item,
      title: patch.title ?? item.title,
      summary: patch.summary ?? item.summary,
      body,
      link: body ? null : link,
      source: patch.source ?? item.source,
      required: patch.required ?? item.required,
      publishAt: patch.publishAt ?? item.publishAt,
    }
    const saved = await this.store.campaigns.updateItem(next)
    await this.audit.record(staff, 'reading.corrected', { kind: 'reading_item', id: item.id }, { campaignId, before: item, after: next })
    return saved
  }

  /** Unpublishes an item: it leaves readers' lists, the digest and progress; a scheduled one is never published. Audited. */
  async withdrawItem(staff: StaffPrincipal, campaignId: string, itemId: string): Promise<ReadingItem> {
    const { item } = await this.itemOf(staff, campaignId, itemId)
    if (item.withdrawnAt) throw new ConflictError('学习材料已撤回', [], 'item_withdrawn')
    // A room's notice naming it with others, still waiting, is not sent: one naming only the others goes instead.
    const notices = await this.publisher.noticesWithout(item)
    const saved = await this.store.campaigns.updateItem({ ...item, withdrawnAt: this.clock.now() }, notices)
    await this.audit.record(staff, 'reading.withdrawn', { kind: 'reading_item', id: item.id }, { campaignId, title: item.title, publishedAt: item.publishedAt })
    return saved
  }

  private async itemOf(staff: StaffPrincipal, campaignId: string, itemId: string) {
    const campaign = await this.manageable(staff, campaignId)
    const item = await this.store.campaigns.getItem(itemId)
    if (!item || item.campaignId !== campaign.id) throw new NotFoundError('学习材料不存在')
    return { campaign, item }
  }

  /** Whether a city-level campaign reaches an organizer's places (he follows it without managing it). */
  private reaches(scope: StaffScope, c: CampaignRecord, dir: NamedDirectory): boolean {
    return !c.scopeDistrictIds.length && this.audience.resolve({ audience: c.audience, scopeDistrictIds: [...scope.regionIds] }, dir).length > 0
  }

  async detail(staff: StaffPrincipal, id: string) {
    const campaign = await this.get(staff, id)
    const [items, periods] = await Promise.all([this.store.campaigns.items(id), campaign.repeat ? this.store.campaigns.periodsOf(id) : []])
    return { campaign, items, periods, phase: campaignPhase(campaign, this.clock.now()) }
  }

  /** Adds an item; it reaches the audience now, or when the publish job finds it due. */
  async addItem(staff: StaffPrincipal, campaignId: string, draft: ItemDraft): Promise<ReadingItem> {
    const campaign = await this.manageable(staff, campaignId)
    const now = this.clock.now()
    if (campaignPhase(campaign, now) === 'ended') throw new ConflictError('活动已结束，不能再发布学习材料', [], 'campaign_ended')
    // A series is read month by month: its reading belongs to an issue.
    if (campaign.repeat) throw new ConflictError('每月一期的活动，请在当月这一期中添加学习材料', [], 'series_has_no_items')
    const publishAt = draft.publishAt ?? null
    const problems = checkPublishAt(publishAt, now, campaign)
    const body = draft.body ? await sanitizeRichText(draft.body) : null
    if (draft.body && !(await plainText(body ?? '')) && !body?.includes('<img')) problems.push({ path: 'body.body', message: '正文清理后为空' })
    else if (!body === !draft.link) problems.push({ path: 'body.body', message: '请填写正文或链接（二选一）' })
    if (problems.length) throw new ValidationError('输入有误', problems)
    const scheduled = publishAt !== null && publishAt.getTime() > now.getTime() + PUBLISH_GRACE_MS
    const item: ReadingItem = {
      id: `ri-${randomUUID()}`,
      campaignId,
      title: draft.title,
      summary: draft.summary,
      body,
      link: body ? null : (draft.link ?? null),
      source: draft.source,
      required: draft.required,
      publishAt: scheduled ? publishAt : now,
      publishedAt: null,
      withdrawnAt: null,
      draft: draft.draft ?? false,
      createdBy: staff.id,
      createdAt: now,
    }
    await this.store.campaigns.addItem(item)
    if (!scheduled && !item.draft) await this.publisher.publish(item)
    if (!item.draft) await this.audit.record(staff, 'reading.published', { kind: 'reading_item', id: item.id }, { campaignId, publishAt: item.publishAt })
    return (await this.store.campaigns.getItem(item.id)) ?? item
  }

  /** Publishes a draft item: now, or at its publish time when that is still to come. Audited. */
  async publishItem(staff: StaffPrincipal, campaignId: string, itemId: string): Promise<ReadingItem> {
    const { campaign, item } = await this.itemOf(staff, campaignId, itemId)
    if (!item.draft) throw new ConflictError('学习材料不是草稿，无需再发布', [], 'not_a_draft')
    const now = this.clock.now()
    if (campaignPhase(campaign, now) === 'ended') throw new ConflictError('活动已结束，不能再发布学习材料', [], 'campaign_ended')
    const scheduled = item.publishAt.getTime() > now.getTime() + PUBLISH_GRACE_MS
    const next = await this.store.campaigns.updateItem({ ...item, draft: false, publishAt: scheduled ? item.publishAt : now })
    if (!scheduled) await this.publisher.publish(next)
    await this.audit.record(staff, 'reading.draft_published', { kind: 'reading_item', id: item.id }, { campaignId, publishAt: next.publishAt })
    return (await this.store.campaigns.getItem(item.id)) ?? next
  }
}
