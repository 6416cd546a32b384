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
 * station's room (its WeCom group or bot room); each deputy hears of it in their daily
 * digest (ReadingDigest.unreadFor).
 */
export class ReadingPublisher {
  constructor(
    private readonly store: Pick<Store, 'campaigns'>,
    private readonly audience: CampaignAudience,
    private readonly clock: Clock,
  ) {}

  /** False when it was published already (by another instance, or an earlier run). */
  async publish(item: ReadingItem): Promise<boolean> {
    if (item.publishedAt) return false
    const campaign = await this.store.campaigns.get(item.campaignId)
    if (!campaign) return false
    const members = this.audience.resolve(campaign, await this.audience.freshDirectory())
    const now = this.clock.now()
    const reach: ReachRecord[] = members.map((m) => ({
      itemId: item.id,
      campaignId: campaign.id,
      personKind: m.kind,
      personId: m.id,
      stationId: m.stationId,
      districtId: m.districtId,
      reachedAt: now,
    }))
    const notices = stationsOf(members).map((stationId) => stationNotice(campaign, item, stationId, members, now))
    return this.store.campaigns.publishItem(item.id, now, reach, notices)
  }

  /** Every scheduled item whose time has come (the job's body); how many this call published. */
  async publishDue(batch = 50): Promise<number> {
    let published = 0
    for (;;) {
      const due = await this.store.campaigns.dueItems(this.clock.now(), batch)
      let round = 0
      for (const item of due) if (await this.publish(item)) round++
      published += round
      // A full batch may hide more; a round that published nothing would only find the same items again.
      if (due.length < batch || round === 0) return published
    }
  }
}

/** The one notice per station room; the dedupe key makes a re-run add nothing. */
function stationNotice(campaign: CampaignRecord, item: ReadingItem, stationId: string, members: AudienceMember[], at: Date): OutboxMessage {
  // Everyone this station serves, a deputy of two stations in both rooms' counts (each room counts them once).
  const here = members.filter((m) => memberStations(m).includes(stationId))
  const deputies = here.filter((m) => m.kind === 'deputy').length
  const who = deputies ? `本站 ${deputies} 位代表${here.length > deputies ? '及工作人员' : ''}` : '本站工作人员'
  const text = `【学习材料】「${campaign.title}」发布了${inBookMarks(item.title)}${item.required ? '（必读）' : ''}。请${who}在小程序“学习”中阅读并打卡。`
  return outboxMessage({
    to: { kind: 'station', id: stationId },
    kind: READING_PUBLISHED,
    payload: { campaignId: campaign.id, itemId: item.id, title: item.title, required: item.required, text },
    dedupeKey: `reading:${item.id}:published:station:${stationId}`,
    at,
  })
}
