import type { Clock } from '../../clock.js'
import type { PersonKind } from '../../domain/campaign.js'
import type { Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { ChannelResolver } from '../delivery/channels.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { CampaignAudience } from './campaign-audience.js'
import { CampaignLevels } from './campaign-levels.js'
import { CampaignProgress } from './campaign-progress.js'
import { READING_REMINDER } from './campaign-reminders.js'
import { CampaignReading } from './campaign-reading.js'
import { CampaignSeries } from './campaign-series.js'
import { CampaignService } from './campaigns.js'
import { MonthlyStudy } from './monthly-study.js'
import { ReadingDigest } from './reading-digest.js'
import { ReadingPublisher } from './reading-publisher.js'

/** Study campaigns and reading, wired to one store and clock (spread into createServices). */
export function createCampaignServices(
  store: Store,
  clock: Clock,
  timeZone: string,
  audit: AuditTrail,
  directory: Pick<DirectoryCache, 'scopeOf' | 'prepared' | 'stationPlaces'>,
  /** Who can receive a message: progress says how many reached people only a phone call tells, and why. */
  channels?: Pick<ChannelResolver, 'reachOfMany'>,
) {
  const audience = new CampaignAudience(store, directory)
  const readingPublisher = new ReadingPublisher(store, audience, clock)
  const campaignSeries = new CampaignSeries(store, audience, clock, timeZone)
  const campaigns = new CampaignService({ store, audience, publisher: readingPublisher, clock, audit, series: campaignSeries, directory })
  // Counted as 提醒未读 counts them: the same channels, the same kind of message.
  // One batched read per kind of person, never one per person (a city campaign has 9,000 deputies).
  const reachOf = channels && ((kind: PersonKind, ids: readonly string[]) => channels.reachOfMany(kind, ids, READING_REMINDER))
  const campaignProgress = new CampaignProgress(store, campaigns, audience, clock, reachOf)
  return {
    campaigns,
    readingPublisher,
    campaignReading: new CampaignReading(store, audience, clock, timeZone),
    campaignProgress,
    /** 每月一次: the monthly job's body (openDue). */
    campaignSeries,
    /** 上下同题: adopting a city-level campaign, and progress rolled up across levels. */
    campaignLevels: new CampaignLevels({ store, campaigns, audience, progress: campaignProgress, series: campaignSeries, clock, audit }),
    monthlyStudy: new MonthlyStudy(store, audience, clock, timeZone),
    /** For the daily digest: unreadFor(deputyId, since) and openTasksFor(deputyId). */
    readingDigest: new ReadingDigest(store, clock),
  }
}
