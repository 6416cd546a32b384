import type { Clock } from '../../clock.js'
import type { Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import { CampaignAudience } from './campaign-audience.js'
import { CampaignProgress } from './campaign-progress.js'
import { CampaignReading } from './campaign-reading.js'
import { CampaignService } from './campaigns.js'
import { ReadingDigest } from './reading-digest.js'
import { ReadingPublisher } from './reading-publisher.js'

/** Study campaigns and reading, wired to one store and clock (spread into createServices). */
export function createCampaignServices(store: Store, clock: Clock, timeZone: string, audit: AuditTrail) {
  const audience = new CampaignAudience(store)
  const readingPublisher = new ReadingPublisher(store, audience, clock)
  const campaigns = new CampaignService({ store, audience, publisher: readingPublisher, clock, audit })
  return {
    campaigns,
    readingPublisher,
    campaignReading: new CampaignReading(store, audience, clock, timeZone),
    campaignProgress: new CampaignProgress(store, campaigns, audience, clock),
    /** For the daily digest: unreadFor(deputyId, since) and openTasksFor(deputyId). */
    readingDigest: new ReadingDigest(store, clock),
  }
}
