import type { Clock } from '../../clock.js'
import { campaignPhase, isLive, type Reader } from '../../domain/campaign.js'
import type { Store } from '../../store/ports.js'
import { sortForReading } from './campaign-reading.js'

/** A reading item a deputy has not opened yet, as the daily digest lists it. */
export interface UnreadReading {
  itemId: string
  campaignId: string
  campaignTitle: string
  title: string
  summary: string
  required: boolean
  publishedAt: Date
}

/** A study check-in (学习打卡) a deputy still owes in a running campaign. */
export interface OpenCampaignTask {
  campaignId: string
  campaignTitle: string
  endsAt: Date
  /** The required item to check in on; null for a campaign with no required item, where one check-in will do. */
  itemId: string | null
  itemTitle: string | null
}

/**
 * What the daily digest (每日摘要) says about reading: the per-deputy notice that
 * publishing deliberately does not send (reading-publisher.ts).
 */
export class ReadingDigest {
  constructor(
    private readonly store: Pick<Store, 'campaigns'>,
    private readonly clock: Clock,
  ) {}

  /** Items that reached the deputy after `since` (the last digest) and are still unread: required first, then newest. */
  async unreadFor(deputyId: string, since: Date): Promise<UnreadReading[]> {
    const reader: Reader = { kind: 'deputy', id: deputyId }
    const reach = await this.store.campaigns.reachFor(reader, { since })
    if (!reach.length) return []
    const ids = reach.map((r) => r.itemId)
    const read = new Set((await this.store.campaigns.readsFor(reader, ids)).map((r) => r.itemId))
    const items = (await this.store.campaigns.getItems(ids.filter((id) => !read.has(id)))).filter(isLive)
    const titles = await this.campaignTitles(items.map((i) => i.campaignId))
    return sortForReading(items).map((i) => ({
      itemId: i.id,
      campaignId: i.campaignId,
      campaignTitle: titles.get(i.campaignId) ?? '',
      title: i.title,
      summary: i.summary,
      required: i.required,
      publishedAt: i.publishedAt!,
    }))
  }

  /**
   * Check-ins owed in campaigns running now that reached the deputy: one per required
   * item without a check-in naming it; for a campaign with no required item, one
   * check-in of any kind. Soonest-ending campaign first.
   */
  async openTasksFor(deputyId: string): Promise<OpenCampaignTask[]> {
    const reader: Reader = { kind: 'deputy', id: deputyId }
    const now = this.clock.now()
    const reach = await this.store.campaigns.reachFor(reader, {})
    const campaigns = (await this.store.campaigns.getMany([...new Set(reach.map((r) => r.campaignId))])).filter((c) => campaignPhase(c, now) === 'running')
    if (!campaigns.length) return []
    const items = (await this.store.campaigns.getItems(reach.map((r) => r.itemId))).filter(isLive)
    const checkIns = await this.store.campaigns.checkInsFor(
      reader,
      campaigns.map((c) => c.id),
    )
    const tasks: OpenCampaignTask[] = []
    for (const c of campaigns.sort((a, b) => a.endsAt.getTime() - b.endsAt.getTime() || a.id.localeCompare(b.id))) {
      const mine = checkIns.filter((x) => x.campaignId === c.id)
      const required = sortForReading(items.filter((i) => i.campaignId === c.id && i.required))
      const base = { campaignId: c.id, campaignTitle: c.title, endsAt: c.endsAt }
      if (!required.length) {
        if (!mine.length) tasks.push({ ...base, itemId: null, itemTitle: null })
        continue
      }
      for (const i of required) if (!mine.some((x) => x.itemId === i.id)) tasks.push({ ...base, itemId: i.id, itemTitle: i.title })
    }
    return tasks
  }

  private async campaignTitles(ids: string[]) {
    return new Map((await this.store.campaigns.getMany([...new Set(ids)])).map((c) => [c.id, c.title]))
  }
}
