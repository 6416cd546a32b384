import type { Clock } from '../../clock.js'
import { inBookMarks, memberStations, stationsOf, type AudienceMember, type CampaignRecord, type ReachRecord, type ReadingItem } from '../../domain/campaign.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import type { CampaignAudience } from './campaign-audience.js'
import { outboxMessage } from '../delivery/outbox-message.js'

export const READING_PUBLISHED = 'reading.published'

/**
 * Publishing a reading item: the audience is resolved to people and each is recorded as
 * reached, but nobody gets a message of their own — 9,000 deputies would be 9,000
 * messages, most through a bot that sends like a person. One notice goes to each
 * station's room (its WeCom group or bot room), one for the items published together;
 * each deputy hears of it in their daily digest (ReadingDigest.unreadFor).
 */
export class ReadingPublisher {
  constructor(
    private readonly store: Pick<Store, 'campaigns' | 'outbox'>,
    private readonly audience: CampaignAudience,
    private readonly clock: Clock,
  ) {}

  /** False when it was published already (by another instance, or an earlier run). */
  async publish(item: ReadingItem): Promise<boolean> {
    return this.publishTogether([item])
  }

  /**
   * Items of one campaign published at once (scheduled for the same time): each reaches its audience,
   * and each station's room hears of them in one notice naming them all, not one notice each. All or
   * none: false, writing nothing, when one of them was published (or withdrawn) meanwhile.
   */
  private async publishTogether(items: readonly ReadingItem[]): Promise<boolean> {
    if (!items.length || items.some((i) => i.publishedAt || i.campaignId !== items[0]!.campaignId)) return false
    const campaign = await this.store.campaigns.get(items[0]!.campaignId)
    if (!campaign) return false
    const members = this.audience.resolve(campaign, await this.audience.freshDirectory())
    const now = this.clock.now()
    const reach: ReachRecord[] = items.flatMap((item) =>
      members.map((m) => ({
        itemId: item.id,
        campaignId: campaign.id,
        personKind: m.kind,
        personId: m.id,
        stationId: m.stationId,
        districtId: m.districtId,
        reachedAt: now,
      })),
    )
    // Named required first (as the daily digest lists them), then in the order the office added them.
    const named = [...items].sort((a, b) => Number(b.required) - Number(a.required) || a.createdAt.getTime() - b.createdAt.getTime())
    const notices = stationsOf(members).map((stationId) => stationNotice(campaign, named, stationId, members, now))
    return this.store.campaigns.publishItems(
      items.map((i) => i.id),
      now,
      reach,
      notices,
    )
  }

  /**
   * The notices to write when `withdrawn` is taken back while one naming it with others still waits (a
   * room not reached yet): that one is dropped before it goes out (supersededReason), so its room hears of
   * the rest from a new notice naming only them; staff and residents who follow get no daily digest that
   * would tell them. Empty when it was published alone, or every notice naming it has gone out.
   */
  async noticesWithout(withdrawn: ReadingItem): Promise<OutboxMessage[]> {
    const publishedAt = withdrawn.publishedAt?.getTime()
    if (publishedAt === undefined) return []
    // A notice names items of one campaign published at one time, so it names none but these.
    const together = (await this.store.campaigns.items(withdrawn.campaignId)).filter((i) => i.publishedAt?.getTime() === publishedAt)
    if (together.length < 2) return []
    const campaign = await this.store.campaigns.get(withdrawn.campaignId)
    if (!campaign) return []
    const members = this.audience.resolve(campaign, await this.audience.freshDirectory())
    // The waiting notice of each room is the first one, or the replacement written when another of them was withdrawn.
    const earlier = together.filter((i) => i.withdrawnAt && i.id !== withdrawn.id)
    const keys = stationsOf(members).flatMap((stationId) =>
      together.flatMap((first) => [noticeKey(first, stationId, null), ...earlier.map((w) => noticeKey(first, stationId, w))]),
    )
    const waiting = (await this.store.outbox.byDedupeKeys(keys)).filter(
      (m) => m.kind === READING_PUBLISHED && (m.status === 'pending' || m.status === 'failed'),
    )
    const byId = new Map(together.map((i) => [i.id, i]))
    const now = this.clock.now()
    return waiting.flatMap((m) => {
      const named = (m.payload as { itemIds?: string[] }).itemIds ?? []
      if (!named.includes(withdrawn.id)) return []
      // In the order the notice named them (required first).
      const rest = named.map((id) => byId.get(id)).filter((i): i is ReadingItem => !!i && i.id !== withdrawn.id && !i.withdrawnAt)
      return rest.length ? [stationNotice(campaign, rest, m.recipientId, members, now, withdrawn)] : []
    })
  }

  /**
   * Every scheduled item whose time has come (the job's body); how many this call published. Items of
   * one campaign due in the same round go out together, one notice per station naming them all; should
   * that fail (one was published or withdrawn meanwhile), the others go one by one.
   */
  async publishDue(batch = 50): Promise<number> {
    let published = 0
    for (;;) {
      const due = await this.store.campaigns.dueItems(this.clock.now(), batch)
      let round = 0
      const byCampaign = new Map<string, ReadingItem[]>()
      for (const item of due) byCampaign.set(item.campaignId, [...(byCampaign.get(item.campaignId) ?? []), item])
      for (const items of byCampaign.values()) {
        if (await this.publishTogether(items)) round += items.length
        else if (items.length > 1) for (const item of items) if (await this.publish(item)) round++
      }
      published += round
      // A full batch may hide more; a round that published nothing would only find the same items again.
      if (due.length < batch || round === 0) return published
    }
  }
}

/**
 * A room's notice of items published together: the first item's (published once), so a re-run adds nothing;
 * a replacement's also names the withdrawal it follows (each item is withdrawn once), never the notice it replaces.
 */
const noticeKey = (first: ReadingItem, stationId: string, without: ReadingItem | null) =>
  `reading:${first.id}:published:station:${stationId}${without ? `:without:${without.id}` : ''}`

/**
 * The one notice per station room for the items published together, naming each ("发布了《A》（必读）、《B》");
 * `itemIds`: every item it names. `without`: the item whose withdrawal this notice replaces another for.
 */
function stationNotice(
  campaign: CampaignRecord,
  items: readonly ReadingItem[],
  stationId: string,
  members: AudienceMember[],
  at: Date,
  without: ReadingItem | null = null,
): OutboxMessage {
  // Everyone this station serves, a deputy of two stations in both rooms' counts (each room counts them once).
  const here = members.filter((m) => memberStations(m).includes(stationId))
  const deputies = here.filter((m) => m.kind === 'deputy').length
  const who = deputies ? `本站 ${deputies} 位代表${here.length > deputies ? '及工作人员' : ''}` : '本站工作人员'
  const named = items.map((i) => `${inBookMarks(i.title)}${i.required ? '（必读）' : ''}`).join('、')
  const text = `【学习材料】「${campaign.title}」发布了${named}。请${who}在小程序“学习”中阅读并打卡。`
  const first = items[0]!
  return outboxMessage({
    to: { kind: 'station', id: stationId },
    kind: READING_PUBLISHED,
    payload: {
      campaignId: campaign.id,
      itemId: first.id,
      itemIds: items.map((i) => i.id),
      // The card's title: the reading itself, or how many of the campaign's came together.
      title: items.length === 1 ? first.title : `${campaign.title}（${items.length} 篇）`,
      required: items.some((i) => i.required),
      text,
    },
    dedupeKey: noticeKey(first, stationId, without),
    at,
  })
}
