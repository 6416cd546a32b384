import type { Clock } from '../../clock.js'
import { campaignPhase, isLive, type CampaignRecord, type CheckInRecord, type ReachRecord, type ReadingItem } from '../../domain/campaign.js'
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

/** What the digest says about reading for one deputy. */
export interface DeputyReading {
  unread: UnreadReading[]
  tasks: OpenCampaignTask[]
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
    return (await this.forDeputies([deputyId], () => since)).get(deputyId)!.unread
  }

  /**
   * Check-ins owed in campaigns running now that reached the deputy: one per required
   * item without a check-in naming it; for a campaign with no required item, one
   * check-in of any kind. Soonest-ending campaign first.
   */
  async openTasksFor(deputyId: string): Promise<OpenCampaignTask[]> {
    return (await this.forDeputies([deputyId], () => this.clock.now())).get(deputyId)!.tasks
  }

  /**
   * unreadFor and openTasksFor of many deputies, with five reads for all of them instead of
   * eight for each (the morning's digests of a province's 100,000 deputies).
   */
  async forDeputies(deputyIds: string[], since: (deputyId: string) => Date): Promise<Map<string, DeputyReading>> {
    const now = this.clock.now()
    const state = await this.store.campaigns.readingOfMany('deputy', deputyIds)
    const itemIds = [...new Set(state.reach.map((r) => r.itemId))]
    // Every deputy reaches the same few items and campaigns: read them once, in the stores' order.
    const [items, campaigns] = await Promise.all([
      this.store.campaigns.getItems(itemIds),
      this.store.campaigns.getMany([...new Set(state.reach.map((r) => r.campaignId))]),
    ])
    const live = items.filter(isLive)
    const titles = new Map(campaigns.map((c) => [c.id, c.title]))
    const running = campaigns
      .filter((c) => campaignPhase(c, now) === 'running')
      .sort((a, b) => a.endsAt.getTime() - b.endsAt.getTime() || a.id.localeCompare(b.id))
    const reachOf = groupBy(state.reach, (r) => r.personId)
    const readOf = groupBy(state.reads, (r) => r.personId)
    const checkInsOf = groupBy(state.checkIns, (c) => c.personId)
    const out = new Map<string, DeputyReading>()
    for (const deputyId of deputyIds) {
      const reach = reachOf.get(deputyId) ?? []
      const after = since(deputyId).getTime()
      const fresh = new Set(reach.filter((r) => r.reachedAt.getTime() > after).map((r) => r.itemId))
      const read = new Set((readOf.get(deputyId) ?? []).map((r) => r.itemId))
      const unread = sortForReading(live.filter((i) => fresh.has(i.id) && !read.has(i.id))).map((i) => ({
        itemId: i.id,
        campaignId: i.campaignId,
        campaignTitle: titles.get(i.campaignId) ?? '',
        title: i.title,
        summary: i.summary,
        required: i.required,
        publishedAt: i.publishedAt!,
      }))
      const reached = new Set(reach.map((r) => r.itemId))
      out.set(deputyId, { unread, tasks: tasksOwed(running, live, reached, reach, checkInsOf.get(deputyId) ?? []) })
    }
    return out
  }
}

/** The check-ins owed in the running campaigns (soonest ending first) that reached a person. */
function tasksOwed(running: CampaignRecord[], live: ReadingItem[], reached: Set<string>, reach: ReachRecord[], checkIns: CheckInRecord[]): OpenCampaignTask[] {
  const campaignsReached = new Set(reach.map((r) => r.campaignId))
  const tasks: OpenCampaignTask[] = []
  for (const c of running) {
    if (!campaignsReached.has(c.id)) continue
    const mine = checkIns.filter((x) => x.campaignId === c.id)
    const required = sortForReading(live.filter((i) => i.campaignId === c.id && i.required && reached.has(i.id)))
    const base = { campaignId: c.id, campaignTitle: c.title, endsAt: c.endsAt }
    if (!required.length) {
      if (!mine.length) tasks.push({ ...base, itemId: null, itemTitle: null })
      continue
    }
    for (const i of required) if (!mine.some((x) => x.itemId === i.id)) tasks.push({ ...base, itemId: i.id, itemTitle: i.title })
  }
  return tasks
}

function groupBy<T>(list: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of list) {
    const group = out.get(key(item))
    if (group) group.push(item)
    else out.set(key(item), [item])
  }
  return out
}
