import { createHash } from 'node:crypto'
import type { Clock } from '../../clock.js'
import { campaignPhase, inBookMarks, type CampaignRecord } from '../../domain/campaign.js'
import { deadlineText, issuedBy, monthLabel, monthOf, periodOf, periodTitle, periodWindow } from '../../domain/campaign-series.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import { outboxMessage } from '../delivery/outbox-message.js'
import type { CampaignAudience, NamedDirectory } from './campaign-audience.js'

export const PERIOD_OPENED = 'campaign.period_opened'

/**
 * An issue's id: the same on every instance and in every run, so that a local issue can
 * name the city's issue of its month without looking it up. A digest of series and month
 * in the shape of the other campaign ids (cp-<uuid>).
 */
export function periodIdOf(seriesId: string, month: string): string {
  const h = createHash('sha256').update(`${seriesId}|${month}`).digest('hex')
  return `cp-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}

/**
 * 每月一次: opens each monthly series' issue for the month under way, with one notice to
 * each deputy it is for. Run daily by the job (the first run of a month opens it; a run
 * missed on the 1st is made up the next day) and when a series is created or adopted.
 */
export class CampaignSeries {
  constructor(
    private readonly store: Pick<Store, 'campaigns'>,
    private readonly audience: CampaignAudience,
    private readonly clock: Clock,
    private readonly timeZone: string,
  ) {}

  /** How many issues this call opened; a second run in the same month opens none. */
  async openDue(only?: CampaignRecord[]): Promise<number> {
    const now = this.clock.now()
    const month = monthOf(now, this.timeZone)
    const series = only ?? (await this.store.campaigns.repeating(now))
    if (!series.length) return 0
    const dir = await this.audience.freshDirectory()
    let opened = 0
    // The city's series come first, so that a local issue finds the city's issue it links to.
    for (const s of series) {
      const adoptedFrom = s.adoptedFrom ? periodIdOf(s.adoptedFrom, month) : null
      if (adoptedFrom && !(await this.store.campaigns.get(adoptedFrom))) continue
      const period = periodOf(s, month, this.timeZone, { id: periodIdOf(s.id, month), adoptedFrom }, now)
      if (!period) continue
      if (await this.store.campaigns.openPeriod(period, this.notices(period, s.title, dir, now))) opened++
    }
    return opened
  }

  /** The latest an issue may end: its month's end, or its series' end when that comes first; null for a campaign that is no issue. */
  async issueEnd(issue: Pick<CampaignRecord, 'seriesId' | 'period'>): Promise<Date | null> {
    const series = issue.seriesId && issue.period ? await this.store.campaigns.get(issue.seriesId) : null
    return series ? (periodWindow(series, issue.period!, this.timeZone)?.endsAt ?? null) : null
  }

  /**
   * After a series is corrected: each issue still running (or still to start) ends with the series, or
   * runs to its month's end again when the series is extended, and carries the series' new title.
   * Ended issues keep their figures and names as they were.
   */
  async followSeries(series: CampaignRecord, now: Date): Promise<void> {
    for (const issue of await this.store.campaigns.periodsOf(series.id)) {
      if (campaignPhase(issue, now) === 'ended' || !issue.period) continue
      const window = periodWindow(series, issue.period, this.timeZone)
      const endsAt = window ? window.endsAt : now
      const title = periodTitle(series.title, issue.period)
      if (endsAt.getTime() === issue.endsAt.getTime() && title === issue.title) continue
      await this.store.campaigns.update({ ...issue, endsAt: endsAt > issue.startsAt ? endsAt : issue.startsAt, title, updatedAt: now })
    }
  }

  /** One notice per deputy and issue: the dedupe key keeps it to one whatever runs again. */
  private notices(period: CampaignRecord, seriesTitle: string, dir: NamedDirectory, at: Date): OutboxMessage[] {
    const from = issuedBy(period.level, period.areaId ? (dir.regions.get(period.areaId)?.name ?? null) : null)
    const text = `【本月学习】${from}${inBookMarks(seriesTitle)}${monthLabel(period.period!)}这一期开始了，请在${deadlineText(period.endsAt, this.timeZone)}前在小程序“学习”中阅读并打卡。`
    return this.audience
      .resolve(period, dir)
      .filter((m) => m.kind === 'deputy')
      .map((m) =>
        outboxMessage({
          to: { kind: 'deputy', id: m.id },
          kind: PERIOD_OPENED,
          payload: { campaignId: period.id, title: period.title, period: period.period, text },
          dedupeKey: `campaign:${period.id}:opened:deputy:${m.id}`,
          at,
        }),
      )
  }
}
