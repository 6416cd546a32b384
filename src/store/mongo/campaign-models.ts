import { Schema, type Connection, type Model } from 'mongoose'
import { createIndexes } from './indexes.js'
import type { CampaignRecord, CheckInRecord, ReachRecord, ReadReceipt, ReadingItem } from '../../domain/campaign.js'

/**
 * Campaign documents: the mongo side of sqlite's 007_campaigns.sql. Campaigns, items and
 * check-ins keep their own id as `_id`; reach, reads and followers are unique on the
 * keys sqlite makes their primary keys.
 */
type Stored<T extends { id: string }> = Omit<T, 'id'> & { _id: string }
/** `followGate` is written by every follow and every publication, so the two conflict (campaign-repo.ts). */
export type CampaignDoc = Stored<CampaignRecord> & { followGate?: number }
export type ReadingItemDoc = Stored<ReadingItem>
export type CheckInDoc = Stored<CheckInRecord>
export type ReachDoc = ReachRecord
export type ReadDoc = ReadReceipt
export interface FollowerDoc {
  campaignId: string
  personKind: string
  personId: string
  stationId: string | null
  districtId: string | null
  followedAt: Date
}

export interface CampaignModels {
  Campaign: Model<CampaignDoc>
  ReadingItem: Model<ReadingItemDoc>
  Reach: Model<ReachDoc>
  Read: Model<ReadDoc>
  Follower: Model<FollowerDoc>
  CheckIn: Model<CheckInDoc>
}

// The conventions of models.ts: no `required` validators, no version key, no `id` virtual.
const options = { versionKey: false, id: false } as const
const nullableString = { type: String, default: null }
const stringList = { type: [String], default: () => [] as string[] }

function campaignSchema() {
  const schema = new Schema<CampaignDoc>(
    {
      _id: String,
      title: String,
      description: String,
      startsAt: Date,
      endsAt: Date,
      audience: {
        type: new Schema(
          {
            levels: { type: [String], default: undefined },
            stationIds: { type: [String], default: undefined },
            districtIds: { type: [String], default: undefined },
            deputyIds: { type: [String], default: undefined },
            staff: Boolean,
            followers: Boolean,
          },
          { _id: false, id: false },
        ),
        default: () => ({}),
      },
      scopeDistrictIds: stringList,
      repeat: nullableString,
      seriesId: nullableString,
      period: nullableString,
      adoptedFrom: nullableString,
      areaId: nullableString,
      level: { type: String, default: 'city' },
      createdBy: String,
      createdAt: Date,
      updatedAt: Date,
      followGate: Number,
    },
    { ...options, minimize: false },
  )
  schema.index({ createdAt: -1, _id: -1 })
  // The console's 只看我创建的, newest first.
  schema.index({ createdBy: 1, createdAt: -1, _id: -1 })
  schema.index({ scopeDistrictIds: 1 })
  schema.index({ 'audience.followers': 1, endsAt: 1 })
  // One issue per series and month, one adoption per city campaign and area (as sqlite's 028).
  schema.index({ seriesId: 1, period: 1 }, { unique: true, partialFilterExpression: { seriesId: { $type: 'string' } } })
  schema.index({ period: 1 }, { partialFilterExpression: { period: { $type: 'string' } } })
  schema.index({ repeat: 1, endsAt: 1 }, { partialFilterExpression: { repeat: { $type: 'string' } } })
  schema.index({ adoptedFrom: 1, areaId: 1 }, { unique: true, partialFilterExpression: { adoptedFrom: { $type: 'string' } } })
  return schema
}

function itemSchema() {
  const schema = new Schema<ReadingItemDoc>(
    {
      _id: String,
      campaignId: String,
      title: String,
      summary: String,
      body: nullableString,
      link: nullableString,
      source: String,
      required: Boolean,
      publishAt: Date,
      publishedAt: { type: Date, default: null },
      withdrawnAt: { type: Date, default: null },
      draft: { type: Boolean, default: false },
      createdBy: String,
      createdAt: Date,
    },
    options,
  )
  schema.index({ campaignId: 1, publishAt: 1 })
  schema.index({ publishedAt: 1, publishAt: 1 })
  return schema
}

const personFields = { personKind: String, personId: String }

function reachSchema() {
  const schema = new Schema<ReachDoc>(
    { itemId: String, campaignId: String, ...personFields, stationId: nullableString, districtId: nullableString, reachedAt: Date },
    options,
  )
  schema.index({ itemId: 1, personKind: 1, personId: 1 }, { unique: true })
  schema.index({ personKind: 1, personId: 1, reachedAt: -1 })
  schema.index({ campaignId: 1 })
  return schema
}

function readSchema() {
  const schema = new Schema<ReadDoc>({ itemId: String, campaignId: String, ...personFields, readAt: Date }, options)
  schema.index({ itemId: 1, personKind: 1, personId: 1 }, { unique: true })
  schema.index({ personKind: 1, personId: 1 })
  schema.index({ campaignId: 1 })
  return schema
}

function followerSchema() {
  const schema = new Schema<FollowerDoc>(
    { campaignId: String, ...personFields, stationId: nullableString, districtId: nullableString, followedAt: Date },
    options,
  )
  schema.index({ campaignId: 1, personKind: 1, personId: 1 }, { unique: true })
  schema.index({ personKind: 1, personId: 1 })
  return schema
}

function checkInSchema() {
  const schema = new Schema<CheckInDoc>(
    { _id: String, campaignId: String, itemId: nullableString, ...personFields, slot: String, reflection: nullableString, at: Date },
    options,
  )
  schema.index({ campaignId: 1, personKind: 1, personId: 1, slot: 1 }, { unique: true })
  schema.index({ personKind: 1, personId: 1, campaignId: 1 })
  return schema
}

/** Compiles the models on this connection and creates their missing indexes before use. */
export async function defineCampaignModels(conn: Connection): Promise<CampaignModels> {
  const models: CampaignModels = {
    Campaign: conn.model<CampaignDoc>('Campaign', campaignSchema(), 'campaigns'),
    ReadingItem: conn.model<ReadingItemDoc>('ReadingItem', itemSchema(), 'reading_items'),
    Reach: conn.model<ReachDoc>('ReadingReach', reachSchema(), 'reading_reach'),
    Read: conn.model<ReadDoc>('ReadingRead', readSchema(), 'reading_reads'),
    Follower: conn.model<FollowerDoc>('CampaignFollower', followerSchema(), 'campaign_followers'),
    CheckIn: conn.model<CheckInDoc>('CampaignCheckIn', checkInSchema(), 'campaign_check_ins'),
  }
  await createIndexes(models)
  return models
}
