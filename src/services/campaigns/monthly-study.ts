import type { Clock } from '../../clock.js'
import { CAMPAIGN_LEVEL_LABELS, campaignPhase, isLive, type CampaignRecord, type Reader } from '../../domain/campaign.js'
import { issuedBy, monthLabel, monthOf } from '../../domain/campaign-series.js'
import type { Store } from '../../store/ports.js'
import type { CampaignAudience } from './campaign-audience.js'

export interface MonthlyIssue {
  campaign: CampaignRecord
  levelLabel: string
  /** Who it comes from, in a deputy's words: 市人大常委会, 湛河区人大常委会, 轻工街道人大工委. */
  issuedBy: string
  itemsReached: number
  itemsRead: number
  checkIns: number
  lastCheckInAt: Date | null
}

const RANK = { city: 0, district: 1, street: 2 } as const

/**
 * 本月学习, a deputy's view of 每月一次、上下同题: this month's issues they are in, the city's
 * first and then their district's and street's, each with their reading and check-ins.
 */
export class MonthlyStudy {
  constructor(
    private readonly store: Pick<Store, 'campaigns'>,
    private readonly audience: CampaignAudience,
    private readonly clock: Clock,
    private readonly timeZone: string,
  ) {}

  async thisMonth(reader: Reader): Promise<{ month: string; monthLabel: string; issues: MonthlyIssue[] }> {
    const month = monthOf(this.clock.now(), this.timeZone)
    const issues: MonthlyIssue[] = []
    // Only deputies are in a series' audience; residents follow one-off campaigns.
    if (reader.kind !== 'deputy') return { month, monthLabel: monthLabel(month), issues }
    const dir = await this.audience.directory()
    const now = this.clock.now()
    // An issue the office ended early is no longer this month's study (its figures stay in the console).
    const all = (await this.store.campaigns.periodsIn(month)).filter((c) => campaignPhase(c, now) !== 'ended')
    const mine = all.filter((c) => this.audience.resolve(c, dir).some((m) => m.kind === 'deputy' && m.id === reader.id))
    const checkIns = await this.store.campaigns.checkInsFor(
      reader,
      mine.map((c) => c.id),
    )
    for (const campaign of mine) {
      const reach = await this.store.campaigns.reachFor(reader, { campaignId: campaign.id })
      const items = (await this.store.campaigns.getItems(reach.map((r) => r.itemId))).filter(isLive)
      const reads = await this.store.campaigns.readsFor(
        reader,
        items.map((i) => i.id),
      )
      const own = checkIns.filter((c) => c.campaignId === campaign.id)
      issues.push({
        campaign,
        levelLabel: CAMPAIGN_LEVEL_LABELS[campaign.level],
        issuedBy: issuedBy(campaign.level, campaign.areaId ? (dir.regions.get(campaign.areaId)?.name ?? null) : null),
        itemsReached: items.length,
        itemsRead: reads.length,
        checkIns: own.length,
        lastCheckInAt: own.length ? own[own.length - 1].at : null,
      })
    }
    issues.sort((a, b) => RANK[a.campaign.level] - RANK[b.campaign.level] || a.campaign.id.localeCompare(b.campaign.id))
    return { month, monthLabel: monthLabel(month), issues }
  }
}
