import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.js'
import { campaignPhase, checkInSlot, isLive, type CampaignRecord, type CheckInRecord, type Reader, type ReadingItem } from '../../domain/campaign.js'
import { localDate } from '../../domain/dates.js'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { CampaignAudience, NamedDirectory } from './campaign-audience.js'
import { issuedBy } from '../../domain/campaign-series.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'

/** A deputy reads as the deputy, whichever account they use; anyone else as themselves. */
export const readerOf = (p: MpPrincipal): Reader => (p.deputyId ? { kind: 'deputy', id: p.deputyId } : { kind: 'mp_user', id: p.id })

export interface CampaignEntry {
  campaign: CampaignRecord
  following: boolean
  /** Open to followers, not ended, not followed yet, and not already theirs by its audience. */
  canFollow: boolean
  /** Its audience names deputies (levels, places or people): a resident who may follow it is told it is the deputies' study. */
  forDeputies: boolean
  /** Who it comes from: 市人大常委会, 湛河区人大常委会, 轻工街道人大工委. */
  issuedBy: string
  /** To someone who may follow it and is not in it: whose study it is and that they may join, in their words; else null. */
  forWhom: string | null
  itemsReached: number
  itemsRead: number
}

/**
 * The readers' side (the mini-program; station staff in the console): a person sees the campaigns that reached them, those they follow
 * and those open to follow; opening an item records the read; check-ins (学习打卡) while
 * the campaign runs. What did not reach a person is not found, never forbidden.
 */
export class CampaignReading {
  constructor(
    private readonly store: Pick<Store, 'campaigns'>,
    private readonly audience: CampaignAudience,
    private readonly clock: Clock,
    private readonly timeZone: string,
  ) {}

  async myCampaigns(reader: Reader): Promise<CampaignEntry[]> {
    const now = this.clock.now()
    const [reach, followed, open] = await Promise.all([
      this.store.campaigns.reachFor(reader, {}),
      this.store.campaigns.followedBy(reader),
      this.store.campaigns.followable(now),
    ])
    const reads = new Set(
      (
        await this.store.campaigns.readsFor(
          reader,
          reach.map((r) => r.itemId),
        )
      ).map((r) => r.itemId),
    )
    const ids = [...new Set([...reach.map((r) => r.campaignId), ...followed, ...open.map((c) => c.id)])]
    const campaigns = await this.store.campaigns.getMany(ids)
    // Open to follow and not followed: is any of them already theirs by its audience?
    const unfollowed = open.filter((c) => !followed.includes(c.id))
    const theirs = await this.inAudience(reader, unfollowed)
    const dir = await this.audience.directory()
    return campaigns
      .map((campaign) => {
        const mine = reach.filter((r) => r.campaignId === campaign.id)
        const following = followed.includes(campaign.id)
        const canFollow = !following && open.some((c) => c.id === campaign.id) && !theirs.has(campaign.id)
        return {
          campaign,
          following,
          canFollow,
          forDeputies: namesDeputies(campaign),
          ...whose(campaign, reader, canFollow, dir),
          itemsReached: mine.length,
          itemsRead: mine.filter((r) => reads.has(r.itemId)).length,
        }
      })
      .sort((a, b) => b.campaign.startsAt.getTime() - a.campaign.startsAt.getTime() || a.campaign.id.localeCompare(b.campaign.id))
  }

  /** The campaign with the items that reached this person, each marked read or not, and their check-ins. */
  async campaign(reader: Reader, campaignId: string) {
    const { campaign, following, reachedIds } = await this.visible(reader, campaignId)
    const items = (await this.store.campaigns.getItems(reachedIds)).filter(isLive)
    const reads = new Set((await this.store.campaigns.readsFor(reader, reachedIds)).map((r) => r.itemId))
    const checkIns = await this.store.campaigns.checkInsFor(reader, [campaignId])
    const now = this.clock.now()
    const followable = !following && !!campaign.audience.followers && campaignPhase(campaign, now) !== 'ended'
    // Its audience names this person (a deputy of its levels or places): theirs by office, its 必读 binds them.
    const inAudience = (await this.inAudience(reader, [campaign])).has(campaign.id)
    const canFollow = followable && !inAudience
    return {
      campaign,
      phase: campaignPhase(campaign, now),
      following,
      canFollow,
      // A follower chose it (a resident always does): 必读 is for those it names, not an order to a reader who came of her own will.
      requiredApplies: inAudience,
      forDeputies: namesDeputies(campaign),
      ...whose(campaign, reader, canFollow, await this.audience.directory()),
      items: sortForReading(items).map((item) => ({ item, read: reads.has(item.id) })),
      checkIns,
      // Checked in today, on the campaign or on one of its readings: to her it is one 打卡, so the page says
      // 今天已打卡 instead of offering it again (the day is the business day, as the check-in slot's).
      checkedInToday: checkIns.some((k) => localDate(k.at, this.timeZone) === localDate(now, this.timeZone)),
    }
  }

  /** Every published item that reached this person (station staff read in the console), required first, each marked read or not. */
  async inbox(reader: Reader) {
    const reach = await this.store.campaigns.reachFor(reader, {})
    const ids = reach.map((r) => r.itemId)
    const [items, reads, campaigns] = await Promise.all([
      this.store.campaigns.getItems(ids),
      this.store.campaigns.readsFor(reader, ids),
      this.store.campaigns.getMany([...new Set(reach.map((r) => r.campaignId))]),
    ])
    const read = new Set(reads.map((r) => r.itemId))
    const byId = new Map(campaigns.map((c) => [c.id, c]))
    return sortForReading(items.filter(isLive)).map((item) => ({ item, campaign: byId.get(item.campaignId)!, read: read.has(item.id) }))
  }

  /** Opening an item: the first opening is the read receipt. */
  async open(reader: Reader, itemId: string) {
    const item = await this.store.campaigns.getItem(itemId)
    const reached =
      item && isLive(item) ? (await this.store.campaigns.reachFor(reader, { campaignId: item.campaignId })).some((r) => r.itemId === itemId) : false
    if (!item || !reached) {
      if (item && isLive(item)) await this.refuseUntilFollowed(reader, item.campaignId)
      throw new NotFoundError('学习材料不存在')
    }
    const campaign = (await this.store.campaigns.get(item.campaignId))!
    const readAt = this.clock.now()
    await this.store.campaigns.recordRead({ itemId, campaignId: item.campaignId, personKind: reader.kind, personId: reader.id, readAt })
    // Whether 打卡 may still be offered beside it.
    return { item, campaign, running: campaignPhase(campaign, readAt) === 'running' }
  }

  /**
   * A live item that has not reached her, of a campaign she may follow now (关注 reaches her every item published in
   * it): she came by a link or poster passed on, and is told where it is and how to read it (403 follow_to_read, the
   * campaign's id in its details), not that it does not exist. Returns for anything else: it stays 学习材料不存在.
   */
  private async refuseUntilFollowed(reader: Reader, campaignId: string) {
    if (reader.kind === 'staff') return
    const campaign = await this.store.campaigns.get(campaignId)
    if (!campaign || !campaign.audience.followers || campaign.repeat || campaignPhase(campaign, this.clock.now()) === 'ended') return
    if (await this.store.campaigns.isFollowing(campaignId, reader)) return
    throw new ForbiddenError(`这篇学习材料在“${campaign.title}”里，关注这个活动就能看。`, 'follow_to_read', [{ path: 'campaignId', message: campaign.id }])
  }

  async follow(reader: Reader, campaignId: string) {
    const campaign = await this.store.campaigns.get(campaignId)
    const phase = campaign ? campaignPhase(campaign, this.clock.now()) : null
    // A monthly series is followed issue by issue.
    if (!campaign || !campaign.audience.followers || campaign.repeat) {
      await this.visible(reader, campaignId) // 404 unless it reached them
      throw new ConflictError('该活动不开放关注', [], 'not_followable')
    }
    if (phase === 'ended') throw new ConflictError('活动已结束', [], 'campaign_ended')
    await this.store.campaigns.follow(campaignId, reader, await this.audience.placeOf(reader), this.clock.now())
    return this.campaign(reader, campaignId)
  }

  /**
   * 不再关注: her own follow ends, so items published from now on no longer reach her; what reached her, her reads and
   * check-ins stay. Not following (a second tap) changes nothing. Only while it runs or is to come: once it has ended
   * nothing more is published, and a campaign she then left could be gone from her sight with nothing to show.
   */
  async unfollow(reader: Reader, campaignId: string) {
    const { campaign, following } = await this.visible(reader, campaignId)
    if (following) {
      if (campaignPhase(campaign, this.clock.now()) === 'ended') throw new ConflictError('活动已结束，不会再有新的学习材料', [], 'campaign_ended')
      await this.store.campaigns.unfollow(campaignId, reader)
    }
    return this.campaign(reader, campaignId)
  }

  /** 学习打卡: while the campaign runs, once per item opened, or once a day when no item is named. */
  async checkIn(reader: Reader, campaignId: string, input: { itemId?: string | null; reflection?: string | null }): Promise<CheckInRecord> {
    const { campaign, following, reachedIds } = await this.visible(reader, campaignId)
    // Open to follow is not yet in it: only people it reached, or who follow, check in.
    if (!following && !reachedIds.length) throw new NotFoundError('活动不存在')
    const now = this.clock.now()
    const phase = campaignPhase(campaign, now)
    if (phase !== 'running')
      throw new ConflictError(phase === 'ended' ? '活动已结束，不能再打卡' : '活动尚未开始', [{ path: 'phase', message: phase }], 'campaign_not_running')
    // 不再关注 ends her part in it: what reached her stays hers to read, but 打卡 is for those it is for now, its followers
    // and those its audience names, as her campaign page shows it (outside, offered 关注这个活动 again); following again restores it.
    if (!following && campaign.audience.followers && !(await this.inAudience(reader, [campaign])).has(campaign.id)) {
      throw new ForbiddenError('您已经不关注这个活动了，不能打卡。想打卡，请先在活动页点“关注这个活动”。', 'not_following')
    }
    const itemId = input.itemId ?? null
    const live = itemId && reachedIds.includes(itemId) ? await this.store.campaigns.getItem(itemId) : null
    // A withdrawn item is gone for readers, check-ins included.
    if (itemId && !(live && isLive(live)))
      throw new UnprocessableError('学习材料不属于该活动', [{ path: 'body.itemId', message: '未知的学习材料' }], 'unknown_item')
    // A check-in on an item says it was studied: it needs the item opened first, or the progress figures count reading nobody did.
    if (itemId && !(await this.store.campaigns.readsFor(reader, [itemId])).length) {
      throw new ConflictError('请先打开这篇学习材料阅读，再打卡', [{ path: 'body.itemId', message: '尚未阅读' }], 'not_read')
    }
    // The day's check-in on the campaign says he studied it too: at least one of its readings opened (any day),
    // else 已打卡 would count people who read nothing.
    if (!itemId) await this.requireSomethingRead(reader, reachedIds)
    const checkIn = await this.store.campaigns.addCheckIn({
      id: `ci-${randomUUID()}`,
      campaignId,
      itemId,
      personKind: reader.kind,
      personId: reader.id,
      slot: checkInSlot(itemId, localDate(now, this.timeZone)),
      reflection: input.reflection?.trim() || null,
      at: now,
    })
    return checkIn
  }

  /** Refuses a check-in naming no item unless one live reading of the campaign that reached him was opened. */
  private async requireSomethingRead(reader: Reader, reachedIds: string[]): Promise<void> {
    const live = (await this.store.campaigns.getItems(reachedIds)).filter(isLive).map((i) => i.id)
    if (!live.length)
      throw new ConflictError('这个活动现在没有可读的学习材料，有了材料、读过以后再来打卡', [{ path: 'body.itemId', message: '没有学习材料' }], 'not_read')
    if (!(await this.store.campaigns.readsFor(reader, live)).length)
      throw new ConflictError('请先点开上面的学习材料读一读，再来打卡', [{ path: 'body.itemId', message: '尚未阅读' }], 'not_read')
  }

  /**
   * Which of these campaigns name this person in their audience (a deputy of its levels or
   * places, its station staff): theirs already, reached by every item as it is published, so
   * 关注这个活动 is not offered to them. Resolved for this one person, not for the whole directory.
   */
  private async inAudience(reader: Reader, campaigns: readonly CampaignRecord[]): Promise<Set<string>> {
    if (reader.kind === 'mp_user' || !campaigns.length) return new Set()
    const dir = await this.audience.directory()
    const alone = {
      ...dir,
      deputies: reader.kind === 'deputy' ? dir.deputies.filter((d) => d.id === reader.id) : [],
      staff: reader.kind === 'staff' ? dir.staff.filter((st) => st.id === reader.id) : [],
    }
    return new Set(campaigns.filter((c) => this.audience.resolve(c, alone).length > 0).map((c) => c.id))
  }

  private async visible(reader: Reader, campaignId: string) {
    const campaign = await this.store.campaigns.get(campaignId)
    if (!campaign) throw new NotFoundError('活动不存在')
    const [reach, following] = await Promise.all([this.store.campaigns.reachFor(reader, { campaignId }), this.store.campaigns.isFollowing(campaignId, reader)])
    const open = !!campaign.audience.followers && campaignPhase(campaign, this.clock.now()) !== 'ended'
    if (!reach.length && !following && !open) throw new NotFoundError('活动不存在')
    return { campaign, following, reachedIds: reach.map((r) => r.itemId) }
  }
}

/**
 * Whose study a campaign is, and to someone it is open to but not for, in words: a resident is told it
 * is the deputies' study of its issuer; a deputy of another district that he is not in it but may join.
 */
function whose(campaign: CampaignRecord, reader: Reader, canFollow: boolean, dir: Pick<NamedDirectory, 'regions'>) {
  const from = issuedBy(campaign.level, campaign.areaId ? (dir.regions.get(campaign.areaId)?.name ?? null) : areaOf(campaign, dir))
  if (!canFollow || !namesDeputies(campaign)) return { issuedBy: from, forWhom: null }
  const forWhom =
    reader.kind === 'mp_user'
      ? `这是${from}给人大代表的学习活动，您也可以关注，一起学习`
      : `这是${from}的学习活动，您不在这个活动的范围内，也可以关注，一起学习`
  return { issuedBy: from, forWhom }
}

/** An older district campaign names no area: its one district is the issuer. */
function areaOf(c: CampaignRecord, dir: Pick<NamedDirectory, 'regions'>): string | null {
  return c.scopeDistrictIds.length === 1 ? (dir.regions.get(c.scopeDistrictIds[0])?.name ?? null) : null
}

/** Whether a campaign's audience names deputies, by level, place or name (not only its followers or staff). */
export function namesDeputies(c: Pick<CampaignRecord, 'audience'>): boolean {
  const a = c.audience
  return !!(a.levels?.length || a.stationIds?.length || a.districtIds?.length || a.deputyIds?.length)
}

/** Required reading first, then the newest. */
export function sortForReading<T extends Pick<ReadingItem, 'required' | 'publishedAt' | 'id'>>(items: T[]): T[] {
  return [...items].sort(
    (a, b) => Number(b.required) - Number(a.required) || (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0) || a.id.localeCompare(b.id),
  )
}
