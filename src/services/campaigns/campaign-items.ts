import { randomUUID } from 'node:crypto'
import { campaignPhase, checkPublishAt, PUBLISH_GRACE_MS, type ReadingItem } from '../../domain/campaign.js'
import { plainText, sanitizeRichText } from '../../domain/rich-text.js'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { CampaignAccess } from './campaign-access.js'

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

/** A campaign's reading items (学习材料): added now or for later, kept as drafts, corrected and withdrawn, each audited. */
export class CampaignItems extends CampaignAccess {
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
