import type { CampaignRepo } from '../ports.js'
import { CAMPAIGN_COLUMNS, campaignFromRow, campaignToRow } from './campaign-rows.js'
import type { GroupCommit } from './group-commit.js'
import type { Db } from './open.js'
import { outboxWriter } from './outbox-writer.js'

type SeriesMethods = Pick<CampaignRepo, 'openPeriod' | 'repeating' | 'periodsOf' | 'periodsIn' | 'adoptionsOf'>

/** 每月一次、上下同题: monthly issues of a series, and the local campaigns adopted from a city-level one. */
export function campaignSeriesRepo(db: Db, group: GroupCommit): SeriesMethods {
  const writeOutbox = outboxWriter(db)
  // The unique (series_id, period) index decides: of two runs, one inserts.
  const insertPeriod = db.prepare(
    `INSERT INTO campaigns (${CAMPAIGN_COLUMNS.join(', ')}) VALUES (${CAMPAIGN_COLUMNS.map((c) => `@${c}`).join(', ')}) ON CONFLICT DO NOTHING`,
  )
  const open = db.transaction((row: Record<string, unknown>, outbox: Parameters<SeriesMethods['openPeriod']>[1]) => {
    if (insertPeriod.run(row).changes === 0) return false
    writeOutbox(outbox)
    return true
  })
  const all = (sql: string, ...params: unknown[]) =>
    db
      .prepare(sql)
      .all(...params)
      .map(campaignFromRow)

  return {
    openPeriod(period, outbox) {
      return group.run(() => open(campaignToRow(period), outbox))
    },
    async repeating(now) {
      return all(`SELECT * FROM campaigns WHERE repeat IS NOT NULL AND ends_at > ? ORDER BY adopted_from IS NOT NULL, id`, now.toISOString())
    },
    async periodsOf(seriesId) {
      return all('SELECT * FROM campaigns WHERE series_id = ? ORDER BY period DESC, id', seriesId)
    },
    async periodsIn(month) {
      return all('SELECT * FROM campaigns WHERE period = ? ORDER BY id', month)
    },
    async adoptionsOf(campaignId) {
      return all('SELECT * FROM campaigns WHERE adopted_from = ? ORDER BY id', campaignId)
    },
  }
}
