import type { Db } from './open.js'
import type { ReachRecord } from '../../domain/campaign.js'
import type { CampaignRepo, OutboxMessage } from '../ports.js'
import { toPage } from '../cursor.js'
import { afterCursorClause, scopeClause, placeholders } from './sql.js'
import { ConflictError, NotFoundError } from '../../errors.js'
import {
  CAMPAIGN_COLUMNS,
  ITEM_COLUMNS,
  campaignFromRow,
  campaignToRow,
  checkInFromRow,
  itemFromRow,
  itemToRow,
  reachFromRow,
  readFromRow,
} from './campaign-rows.js'
import { translate } from './errors.js'
import type { GroupCommit } from './group-commit.js'
import { outboxWriter } from './outbox-writer.js'
import { StoreConflict } from '../conflicts.js'
import { campaignSeriesRepo } from './campaign-series-repo.js'
import { limitSql } from './sql-limit.js'

const insertSql = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`

export function campaignRepo(db: Db, group: GroupCommit): CampaignRepo {
  const insertReach = db.prepare(`INSERT INTO reading_reach (item_id, campaign_id, person_kind, person_id, station_id, district_id, reached_at)
    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`)
  const writeOutbox = outboxWriter(db)
  const writeReach = (reach: ReachRecord[]) => {
    for (const r of reach) insertReach.run(r.itemId, r.campaignId, r.personKind, r.personId, r.stationId, r.districtId, r.reachedAt.toISOString())
  }

  /** Thrown inside `publish` to undo the claims already made when one of the items cannot be claimed. */
  const notAll = new Error('an item was published meanwhile')
  const publish = db.transaction((itemIds: readonly string[], at: Date, reach: ReachRecord[], outbox: OutboxMessage[]) => {
    // The conditional update is the claim: of two publishers, one changes the row. All or none: the
    // messages name every item, so a claim lost on one undoes the others (the transaction rolls back).
    for (const itemId of itemIds) {
      const claimed = db
        .prepare('UPDATE reading_items SET published_at = ? WHERE id = ? AND published_at IS NULL AND withdrawn_at IS NULL AND draft = 0')
        .run(at.toISOString(), itemId).changes
      if (claimed === 0) throw notAll
    }
    writeReach(reach)
    for (const itemId of itemIds)
      db.prepare(
        `INSERT INTO reading_reach (item_id, campaign_id, person_kind, person_id, station_id, district_id, reached_at)
        SELECT i.id, f.campaign_id, f.person_kind, f.person_id, f.station_id, f.district_id, ?
        FROM campaign_followers f JOIN reading_items i ON i.campaign_id = f.campaign_id WHERE i.id = ?
        ON CONFLICT DO NOTHING`,
      ).run(at.toISOString(), itemId)
    writeOutbox(outbox)
    return true
  })
  const publishAll = (itemIds: readonly string[], at: Date, reach: ReachRecord[], outbox: OutboxMessage[]) =>
    group.run(() => {
      if (!itemIds.length) return false
      try {
        return publish(itemIds, at, reach, outbox)
      } catch (err) {
        if (err === notAll) return false
        throw err
      }
    })

  const follow = db.transaction((campaignId: string, kind: string, id: string, stationId: string | null, districtId: string | null, at: Date) => {
    const added = db
      .prepare(
        `INSERT INTO campaign_followers (campaign_id, person_kind, person_id, station_id, district_id, followed_at)
      VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      )
      .run(campaignId, kind, id, stationId, districtId, at.toISOString()).changes
    if (added === 0) return false
    db.prepare(
      `INSERT INTO reading_reach (item_id, campaign_id, person_kind, person_id, station_id, district_id, reached_at)
      SELECT id, campaign_id, ?, ?, ?, ?, ? FROM reading_items WHERE campaign_id = ? AND published_at IS NOT NULL
      ON CONFLICT DO NOTHING`,
    ).run(kind, id, stationId, districtId, at.toISOString(), campaignId)
    return true
  })

  const all = <T>(map: (row: unknown) => T, sql: string, ...params: unknown[]) =>
    db
      .prepare(sql)
      .all(...params)
      .map(map)

  return {
    ...campaignSeriesRepo(db, group),
    create(campaign) {
      return group.run(() =>
        translate(() => {
          db.prepare(insertSql('campaigns', CAMPAIGN_COLUMNS)).run(campaignToRow(campaign))
          return campaign
        }),
      )
    },
    async get(id) {
      const row = db.prepare('SELECT * FROM campaigns WHERE id = ?').get(id)
      return row ? campaignFromRow(row) : null
    },
    async getMany(ids) {
      if (!ids.length) return []
      return all(campaignFromRow, `SELECT * FROM campaigns WHERE id IN (${placeholders(ids.length)}) ORDER BY id`, ...ids)
    },
    async search(query) {
      const clauses: string[] = []
      const params: unknown[] = []
      if (query.scopeDistrictIds) {
        const scope = scopeClause(query.scopeDistrictIds)
        clauses.push(query.cityWide ? `(${scope.clause} OR scope_district_ids = '[]')` : scope.clause)
        params.push(...scope.params)
      }
      if (query.createdBy !== undefined) {
        clauses.push('created_by = ?')
        params.push(query.createdBy)
      }
      const after = afterCursorClause(query.cursor)
      if (after) {
        clauses.push(after.clause)
        params.push(...after.params)
      }
      const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''
      const rows = all(campaignFromRow, `SELECT * FROM campaigns ${where} ORDER BY created_at DESC, id DESC ${limitSql(query.limit + 1)}`, ...params)
      return toPage(rows, query.limit, (c) => `${c.createdAt.toISOString()}|${c.id}`)
    },
    async followable(now) {
      return all(campaignFromRow, 'SELECT * FROM campaigns WHERE followers_open = 1 AND repeat IS NULL AND ends_at > ? ORDER BY ends_at, id', now.toISOString())
    },
    addItem(item) {
      return group.run(() =>
        translate(() => {
          db.prepare(insertSql('reading_items', ITEM_COLUMNS)).run(itemToRow(item))
          return item
        }),
      )
    },
    update(campaign) {
      return group.run(() => {
        const changed = db
          .prepare('UPDATE campaigns SET title = ?, description = ?, starts_at = ?, ends_at = ?, updated_at = ? WHERE id = ?')
          .run(
            campaign.title,
            campaign.description,
            campaign.startsAt.toISOString(),
            campaign.endsAt.toISOString(),
            campaign.updatedAt.toISOString(),
            campaign.id,
          ).changes
        if (!changed) throw new NotFoundError('活动不存在')
        return campaign
      })
    },
    updateItem(item, outbox = []) {
      return group.run(() => {
        const changed = db
          .prepare(
            `UPDATE reading_items SET title = ?, summary = ?, body = ?, link = ?, source = ?, required = ?, publish_at = ?, withdrawn_at = ?, draft = ?
          WHERE id = ?`,
          )
          .run(
            item.title,
            item.summary,
            item.body,
            item.link,
            item.source,
            item.required ? 1 : 0,
            item.publishAt.toISOString(),
            item.withdrawnAt?.toISOString() ?? null,
            item.draft ? 1 : 0,
            item.id,
          ).changes
        if (!changed) throw new NotFoundError('学习材料不存在')
        writeOutbox(outbox)
        return item
      })
    },
    async getItem(id) {
      const row = db.prepare('SELECT * FROM reading_items WHERE id = ?').get(id)
      return row ? itemFromRow(row) : null
    },
    async getItems(ids) {
      if (!ids.length) return []
      return all(itemFromRow, `SELECT * FROM reading_items WHERE id IN (${placeholders(ids.length)}) ORDER BY publish_at, id`, ...ids)
    },
    async items(campaignId) {
      return all(itemFromRow, 'SELECT * FROM reading_items WHERE campaign_id = ? ORDER BY publish_at, id', campaignId)
    },
    async dueItems(now, limit) {
      return all(
        itemFromRow,
        `SELECT * FROM reading_items WHERE published_at IS NULL AND withdrawn_at IS NULL AND draft = 0 AND publish_at <= ? ORDER BY publish_at, id ${limitSql(limit)}`,
        now.toISOString(),
      )
    },
    publishItem(itemId, at, reach, outbox) {
      return publishAll([itemId], at, reach, outbox)
    },
    publishItems(itemIds, at, reach, outbox) {
      return publishAll(itemIds, at, reach, outbox)
    },
    follow(campaignId, reader, place, at) {
      return group.run(() => follow(campaignId, reader.kind, reader.id, place.stationId, place.districtId, at))
    },
    unfollow(campaignId, reader) {
      return group.run(
        () =>
          db.prepare('DELETE FROM campaign_followers WHERE campaign_id = ? AND person_kind = ? AND person_id = ?').run(campaignId, reader.kind, reader.id)
            .changes > 0,
      )
    },
    async isFollowing(campaignId, reader) {
      return !!db
        .prepare('SELECT 1 FROM campaign_followers WHERE campaign_id = ? AND person_kind = ? AND person_id = ?')
        .get(campaignId, reader.kind, reader.id)
    },
    async followedBy(reader) {
      return db
        .prepare('SELECT campaign_id FROM campaign_followers WHERE person_kind = ? AND person_id = ? ORDER BY campaign_id')
        .pluck()
        .all(reader.kind, reader.id) as string[]
    },
    recordRead(r) {
      return group.run(
        () =>
          db
            .prepare(
              `INSERT INTO reading_reads (item_id, campaign_id, person_kind, person_id, read_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT DO NOTHING`,
            )
            .run(r.itemId, r.campaignId, r.personKind, r.personId, r.readAt.toISOString()).changes === 1,
      )
    },
    addCheckIn(c) {
      return group.run(() => {
        try {
          translate(() =>
            db
              .prepare(
                `INSERT INTO campaign_check_ins (id, campaign_id, item_id, person_kind, person_id, slot, reflection, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
              )
              .run(c.id, c.campaignId, c.itemId, c.personKind, c.personId, c.slot, c.reflection, c.at.toISOString()),
          )
        } catch (err) {
          if (err instanceof ConflictError) throw new StoreConflict('already_checked_in', [{ path: 'slot', message: c.slot }])
          throw err
        }
        return c
      })
    },
    async reachOf(campaignId) {
      return all(reachFromRow, 'SELECT * FROM reading_reach WHERE campaign_id = ? ORDER BY item_id, person_kind, person_id', campaignId)
    },
    async readsOf(campaignId) {
      return all(readFromRow, 'SELECT * FROM reading_reads WHERE campaign_id = ? ORDER BY read_at', campaignId)
    },
    async checkInsOf(campaignId) {
      return all(checkInFromRow, 'SELECT * FROM campaign_check_ins WHERE campaign_id = ? ORDER BY at, id', campaignId)
    },
    async reachFor(reader, filter) {
      const clauses = ['person_kind = ?', 'person_id = ?']
      const params: unknown[] = [reader.kind, reader.id]
      if (filter.campaignId) clauses.push('campaign_id = ?') && params.push(filter.campaignId)
      if (filter.since) clauses.push('reached_at > ?') && params.push(filter.since.toISOString())
      return all(reachFromRow, `SELECT * FROM reading_reach WHERE ${clauses.join(' AND ')} ORDER BY reached_at DESC, item_id`, ...params)
    },
    async readsFor(reader, itemIds) {
      if (!itemIds.length) return []
      return all(
        readFromRow,
        `SELECT * FROM reading_reads WHERE person_kind = ? AND person_id = ? AND item_id IN (${placeholders(itemIds.length)})
        ORDER BY read_at`,
        reader.kind,
        reader.id,
        ...itemIds,
      )
    },
    async checkInsFor(reader, campaignIds) {
      if (!campaignIds.length) return []
      return all(
        checkInFromRow,
        `SELECT * FROM campaign_check_ins WHERE person_kind = ? AND person_id = ? AND campaign_id IN (${placeholders(campaignIds.length)})
        ORDER BY at, id`,
        reader.kind,
        reader.id,
        ...campaignIds,
      )
    },
    async readingOfMany(kind, personIds) {
      if (!personIds.length) return { reach: [], reads: [], checkIns: [] }
      const among = `person_kind = ? AND person_id IN (${placeholders(personIds.length)})`
      return {
        reach: all(reachFromRow, `SELECT * FROM reading_reach WHERE ${among} ORDER BY person_id, reached_at DESC, item_id`, kind, ...personIds),
        reads: all(readFromRow, `SELECT * FROM reading_reads WHERE ${among} ORDER BY person_id, read_at`, kind, ...personIds),
        checkIns: all(checkInFromRow, `SELECT * FROM campaign_check_ins WHERE ${among} ORDER BY person_id, at, id`, kind, ...personIds),
      }
    },
  }
}
