import type { ClientSession, Connection } from 'mongoose'
import type { CheckInRecord, ReachRecord, ReadReceipt, ReadingItem } from '../../domain/campaign.js'
import type { CampaignRepo } from '../ports.js'
import { decodeTimeCursor, timeCursorKey, toPage } from '../cursor.js'
import { NotFoundError } from '../../errors.js'
import { defineCampaignModels, type CampaignDoc, type CheckInDoc, type ReachDoc, type ReadDoc, type ReadingItemDoc } from './campaign-models.js'
import { isDuplicateKey, translate } from './errors.js'
import { insertOutbox } from './outbox-repo.js'
import type { Models } from './models.js'
import { StoreConflict } from '../conflicts.js'
import { campaignSeriesRepo } from './campaign-series-repo.js'
import { campaignFromDoc, campaignToDoc } from './campaign-docs.js'

// Every field picked by name, as records.ts does, so no `_id` or stray field leaks out.
const date = (v: Date | null | undefined) => (v == null ? null : new Date(v))

const itemToDoc = ({ id, ...rest }: ReadingItem): ReadingItemDoc => ({ _id: id, ...rest })
const itemFromDoc = (d: ReadingItemDoc): ReadingItem => ({
  id: d._id,
  campaignId: d.campaignId,
  title: d.title,
  summary: d.summary,
  body: d.body ?? null,
  link: d.link ?? null,
  source: d.source,
  required: d.required === true,
  publishAt: new Date(d.publishAt),
  publishedAt: date(d.publishedAt),
  withdrawnAt: date(d.withdrawnAt ?? null),
  draft: d.draft === true,
  createdBy: d.createdBy,
  createdAt: new Date(d.createdAt),
})
const reachFromDoc = (d: ReachDoc): ReachRecord => ({
  itemId: d.itemId,
  campaignId: d.campaignId,
  personKind: d.personKind,
  personId: d.personId,
  stationId: d.stationId ?? null,
  districtId: d.districtId ?? null,
  reachedAt: new Date(d.reachedAt),
})
const readFromDoc = (d: ReadDoc): ReadReceipt => ({
  itemId: d.itemId,
  campaignId: d.campaignId,
  personKind: d.personKind,
  personId: d.personId,
  readAt: new Date(d.readAt),
})
const checkInFromDoc = (d: CheckInDoc): CheckInRecord => ({
  id: d._id,
  campaignId: d.campaignId,
  itemId: d.itemId ?? null,
  personKind: d.personKind,
  personId: d.personId,
  slot: d.slot,
  reflection: d.reflection ?? null,
  at: new Date(d.at),
})

/** Inserts that leave an existing row alone, as sqlite's ON CONFLICT DO NOTHING (no E11000 to abort a transaction). */
const upsertOps = (reach: ReachRecord[]) =>
  reach.map((r) => ({
    updateOne: { filter: { itemId: r.itemId, personKind: r.personKind, personId: r.personId }, update: { $setOnInsert: { ...r } }, upsert: true },
  }))

export async function campaignRepo(conn: Connection, { Outbox }: Pick<Models, 'Outbox'>): Promise<CampaignRepo> {
  const { Campaign, ReadingItem, Reach, Read, Follower, CheckIn } = await defineCampaignModels(conn)
  const items = async (filter: Record<string, unknown>, limit?: number) => {
    const query = ReadingItem.find(filter).sort({ publishAt: 1, _id: 1 })
    if (limit !== undefined) query.limit(limit)
    return (await query.lean<ReadingItemDoc[]>()).map(itemFromDoc)
  }

  /**
   * A publication reads the followers and a follow reads the published items, each in its
   * own snapshot: without a write in common both could commit, the new follower missing
   * the new item for good (write skew). Both bump the campaign's gate, so the second one
   * conflicts, and withTransaction runs it again on a snapshot that sees the first.
   */
  const closeGate = (campaignId: string, session: ClientSession) => Campaign.updateOne({ _id: campaignId }, { $inc: { followGate: 1 } }, { session })

  /** Thrown inside the transaction to abort it, undoing the claims made, when one item cannot be claimed. */
  const notAll = new Error('an item was published meanwhile')
  /** As sqlite's: every item claimed, or none and nothing written (the messages name them all). */
  const publishAll = async (itemIds: readonly string[], at: Date, reach: ReachRecord[], outbox: Parameters<CampaignRepo['publishItem']>[3]) => {
    if (!itemIds.length) return false
    try {
      return await translate(() =>
        conn.transaction(async (session) => {
          const all = [...reach]
          const claimed: Array<{ itemId: string; campaignId: string }> = []
          for (const itemId of itemIds) {
            // The conditional update is the claim: of two publishers, one matches.
            const item = await ReadingItem.findOneAndUpdate(
              { _id: itemId, publishedAt: null, withdrawnAt: null, draft: { $ne: true } },
              { $set: { publishedAt: at } },
              { session },
            ).lean<ReadingItemDoc>()
            if (!item) throw notAll
            claimed.push({ itemId, campaignId: item.campaignId })
          }
          // Items published together are of one campaign: its gate and its followers once, not once per item.
          for (const campaignId of new Set(claimed.map((c) => c.campaignId))) {
            await closeGate(campaignId, session)
            const followers = await Follower.find({ campaignId }).session(session).lean()
            for (const { itemId } of claimed.filter((c) => c.campaignId === campaignId))
              for (const f of followers)
                all.push({
                  itemId,
                  campaignId,
                  personKind: f.personKind as ReachRecord['personKind'],
                  personId: f.personId,
                  stationId: f.stationId ?? null,
                  districtId: f.districtId ?? null,
                  reachedAt: at,
                })
          }
          if (all.length) await Reach.bulkWrite(upsertOps(all), { session, ordered: false })
          await insertOutbox(Outbox, outbox, session)
          return true
        }),
      )
    } catch (err) {
      if (err === notAll) return false
      throw err
    }
  }

  return {
    ...campaignSeriesRepo(conn, Campaign, Outbox),
    async create(campaign) {
      await translate(() => Campaign.insertOne(campaignToDoc(campaign)))
      return campaign
    },
    async get(id) {
      const doc = await Campaign.findById(id).lean<CampaignDoc>()
      return doc ? campaignFromDoc(doc) : null
    },
    async getMany(ids) {
      return (
        await Campaign.find({ _id: { $in: ids } })
          .sort({ _id: 1 })
          .lean<CampaignDoc[]>()
      ).map(campaignFromDoc)
    },
    async search(query) {
      const clauses: Record<string, unknown>[] = []
      if (query.scopeDistrictIds) {
        const scoped = { scopeDistrictIds: { $in: query.scopeDistrictIds } }
        clauses.push(query.cityWide ? { $or: [scoped, { scopeDistrictIds: { $size: 0 } }] } : scoped)
      }
      if (query.createdBy !== undefined) clauses.push({ createdBy: query.createdBy })
      const after = decodeTimeCursor(query.cursor)
      if (after !== null) clauses.push({ $or: [{ createdAt: { $lt: after.at } }, { createdAt: after.at, _id: { $lt: after.id } }] })
      const docs = await Campaign.find(clauses.length ? { $and: clauses } : {})
        .sort({ createdAt: -1, _id: -1 })
        .limit(query.limit + 1)
        .lean<CampaignDoc[]>()
      return toPage(docs.map(campaignFromDoc), query.limit, (c) => timeCursorKey(c.createdAt, c.id))
    },
    async followable(now) {
      return (
        await Campaign.find({ 'audience.followers': true, repeat: { $not: { $type: 'string' } }, endsAt: { $gt: now } })
          .sort({ endsAt: 1, _id: 1 })
          .lean<CampaignDoc[]>()
      ).map(campaignFromDoc)
    },
    async addItem(item) {
      await translate(() => ReadingItem.insertOne(itemToDoc(item)))
      return item
    },
    async getItem(id) {
      const doc = await ReadingItem.findById(id).lean<ReadingItemDoc>()
      return doc ? itemFromDoc(doc) : null
    },
    async update(c) {
      const r = await Campaign.updateOne(
        { _id: c.id },
        { $set: { title: c.title, description: c.description, startsAt: c.startsAt, endsAt: c.endsAt, updatedAt: c.updatedAt } },
      )
      if (r.matchedCount === 0) throw new NotFoundError('活动不存在')
      return c
    },
    async updateItem(i, outbox = []) {
      const set = (session?: ClientSession) =>
        ReadingItem.updateOne(
          { _id: i.id },
          {
            $set: {
              title: i.title,
              summary: i.summary,
              body: i.body,
              link: i.link,
              source: i.source,
              required: i.required,
              publishAt: i.publishAt,
              withdrawnAt: i.withdrawnAt,
              draft: i.draft,
            },
          },
          { session },
        )
      // The correction and the notices it causes, together or not at all (a transaction only when there are notices).
      if (!outbox.length) {
        if ((await set()).matchedCount === 0) throw new NotFoundError('学习材料不存在')
        return i
      }
      await translate(() =>
        conn.transaction(async (session) => {
          if ((await set(session)).matchedCount === 0) throw new NotFoundError('学习材料不存在')
          await insertOutbox(Outbox, [...outbox], session)
        }),
      )
      return i
    },
    getItems: (ids) => items({ _id: { $in: ids } }),
    items: (campaignId) => items({ campaignId }),
    dueItems: (now, limit) => items({ publishedAt: null, withdrawnAt: null, draft: { $ne: true }, publishAt: { $lte: now } }, limit),
    publishItem(itemId, at, reach, outbox) {
      return publishAll([itemId], at, reach, outbox)
    },
    publishItems(itemIds, at, reach, outbox) {
      return publishAll(itemIds, at, reach, outbox)
    },
    async follow(campaignId, reader, place, at) {
      return translate(() =>
        conn.transaction(async (session) => {
          const result = await Follower.updateOne(
            { campaignId, personKind: reader.kind, personId: reader.id },
            { $setOnInsert: { campaignId, personKind: reader.kind, personId: reader.id, ...place, followedAt: at } },
            { upsert: true, session },
          )
          if (result.upsertedCount === 0) return false
          await closeGate(campaignId, session)
          const published = await ReadingItem.find({ campaignId, publishedAt: { $ne: null } }, { _id: 1 })
            .session(session)
            .lean<Array<{ _id: string }>>()
          const reach = published.map((i) => ({ itemId: i._id, campaignId, personKind: reader.kind, personId: reader.id, ...place, reachedAt: at }))
          if (reach.length) await Reach.bulkWrite(upsertOps(reach), { session, ordered: false })
          return true
        }),
      )
    },
    async unfollow(campaignId, reader) {
      // No gate: a publication that read her as a follower just before reaches her with that one item, as it would
      // have a moment earlier; nothing is lost or doubled.
      return (await Follower.deleteOne({ campaignId, personKind: reader.kind, personId: reader.id })).deletedCount === 1
    },
    async isFollowing(campaignId, reader) {
      return !!(await Follower.exists({ campaignId, personKind: reader.kind, personId: reader.id }))
    },
    async followedBy(reader) {
      return (await Follower.find({ personKind: reader.kind, personId: reader.id }, { campaignId: 1 }).sort({ campaignId: 1 }).lean()).map((f) => f.campaignId)
    },
    async recordRead(r) {
      try {
        const result = await Read.updateOne({ itemId: r.itemId, personKind: r.personKind, personId: r.personId }, { $setOnInsert: { ...r } }, { upsert: true })
        return result.upsertedCount === 1
      } catch (err) {
        // Two first openings at once: the other one recorded it.
        if (isDuplicateKey(err)) return false
        throw err
      }
    },
    async addCheckIn(c) {
      try {
        await CheckIn.insertOne({
          _id: c.id,
          campaignId: c.campaignId,
          itemId: c.itemId,
          personKind: c.personKind,
          personId: c.personId,
          slot: c.slot,
          reflection: c.reflection,
          at: c.at,
        })
      } catch (err) {
        if (isDuplicateKey(err)) throw new StoreConflict('already_checked_in', [{ path: 'slot', message: c.slot }])
        throw err
      }
      return c
    },
    async reachOf(campaignId) {
      return (await Reach.find({ campaignId }).sort({ itemId: 1, personKind: 1, personId: 1 }).lean<ReachDoc[]>()).map(reachFromDoc)
    },
    async readsOf(campaignId) {
      return (await Read.find({ campaignId }).sort({ readAt: 1 }).lean<ReadDoc[]>()).map(readFromDoc)
    },
    async checkInsOf(campaignId) {
      return (await CheckIn.find({ campaignId }).sort({ at: 1, _id: 1 }).lean<CheckInDoc[]>()).map(checkInFromDoc)
    },
    async reachFor(reader, filter) {
      const query: Record<string, unknown> = { personKind: reader.kind, personId: reader.id }
      if (filter.campaignId) query.campaignId = filter.campaignId
      if (filter.since) query.reachedAt = { $gt: filter.since }
      return (await Reach.find(query).sort({ reachedAt: -1, itemId: 1 }).lean<ReachDoc[]>()).map(reachFromDoc)
    },
    async readsFor(reader, itemIds) {
      return (
        await Read.find({ personKind: reader.kind, personId: reader.id, itemId: { $in: itemIds } })
          .sort({ readAt: 1 })
          .lean<ReadDoc[]>()
      ).map(readFromDoc)
    },
    async checkInsFor(reader, campaignIds) {
      return (
        await CheckIn.find({ personKind: reader.kind, personId: reader.id, campaignId: { $in: campaignIds } })
          .sort({ at: 1, _id: 1 })
          .lean<CheckInDoc[]>()
      ).map(checkInFromDoc)
    },
    async readingOfMany(kind, personIds) {
      if (!personIds.length) return { reach: [], reads: [], checkIns: [] }
      const among = { personKind: kind, personId: { $in: personIds } }
      const [reach, reads, checkIns] = await Promise.all([
        Reach.find(among).sort({ personId: 1, reachedAt: -1, itemId: 1 }).lean<ReachDoc[]>(),
        Read.find(among).sort({ personId: 1, readAt: 1 }).lean<ReadDoc[]>(),
        CheckIn.find(among).sort({ personId: 1, at: 1, _id: 1 }).lean<CheckInDoc[]>(),
      ])
      return { reach: reach.map(reachFromDoc), reads: reads.map(readFromDoc), checkIns: checkIns.map(checkInFromDoc) }
    },
  }
}
