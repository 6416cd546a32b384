import type { Connection, Model } from 'mongoose'
import type { CampaignRepo } from '../ports.js'
import type { OutboxDoc } from './case-models.js'
import type { CampaignDoc } from './campaign-models.js'
import { campaignFromDoc, campaignToDoc } from './campaign-docs.js'
import { translate } from './errors.js'
import { insertOutbox } from './outbox-repo.js'

type SeriesMethods = Pick<CampaignRepo, 'openPeriod' | 'repeating' | 'periodsOf' | 'periodsIn' | 'adoptionsOf'>

/** 每月一次、上下同题: monthly issues of a series, and the local campaigns adopted from a city-level one. */
export function campaignSeriesRepo(conn: Connection, Campaign: Model<CampaignDoc>, Outbox: Model<OutboxDoc>): SeriesMethods {
  const find = async (filter: Record<string, unknown>, sort: Record<string, 1 | -1>) =>
    (await Campaign.find(filter).sort(sort).lean<CampaignDoc[]>()).map(campaignFromDoc)
  return {
    async openPeriod(period, outbox) {
      return translate(() =>
        conn.transaction(async (session) => {
          // An upsert on (series, month) rather than an insert: an E11000 would abort the transaction.
          const r = await Campaign.updateOne(
            { seriesId: period.seriesId, period: period.period },
            { $setOnInsert: campaignToDoc(period) },
            { upsert: true, session },
          )
          if (r.upsertedCount === 0) return false
          await insertOutbox(Outbox, outbox, session)
          return true
        }),
      )
    },
    async repeating(now) {
      const found = await find({ repeat: { $type: 'string' }, endsAt: { $gt: now } }, { _id: 1 })
      return [...found.filter((c) => c.adoptedFrom === null), ...found.filter((c) => c.adoptedFrom !== null)]
    },
    periodsOf: (seriesId) => find({ seriesId }, { period: -1, _id: 1 }),
    periodsIn: (month) => find({ period: month }, { _id: 1 }),
    adoptionsOf: (campaignId) => find({ adoptedFrom: campaignId }, { _id: 1 }),
  }
}
