import type { Db } from './open.js'
import type { DigestPreferences, DigestRepo } from '../ports.js'
import type { GroupCommit } from './group-commit.js'
import { outboxWriter } from './outbox-writer.js'

export function digestRepo(db: Db, group: GroupCommit): DigestRepo {
  const fromRow = (r: { channels: string; send_at: string | null; mute_weekends: number }): DigestPreferences => ({
    channels: JSON.parse(r.channels),
    sendAt: r.send_at,
    muteWeekends: r.mute_weekends === 1,
  })
  const insertDigest = db.prepare('INSERT INTO digests (deputy_id, day, created_at, outbox_id) VALUES (?, ?, ?, ?) ON CONFLICT(deputy_id, day) DO NOTHING')
  const writeOutbox = outboxWriter(db)
  return {
    async allPreferences() {
      const out: Record<string, DigestPreferences> = {}
      for (const r of db.prepare('SELECT * FROM digest_preferences').all() as Array<Parameters<typeof fromRow>[0] & { deputy_id: string }>)
        out[r.deputy_id] = fromRow(r)
      return out
    },
    async preferences(deputyId) {
      const row = db.prepare('SELECT * FROM digest_preferences WHERE deputy_id = ?').get(deputyId) as Parameters<typeof fromRow>[0] | undefined
      return row ? fromRow(row) : null
    },
    async savePreferences(deputyId, p, at) {
      db.prepare(
        `INSERT INTO digest_preferences (deputy_id, channels, send_at, mute_weekends, updated_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(deputy_id) DO UPDATE SET channels = excluded.channels, send_at = excluded.send_at, mute_weekends = excluded.mute_weekends,
        updated_at = excluded.updated_at`,
      ).run(deputyId, JSON.stringify(p.channels), p.sendAt, p.muteWeekends ? 1 : 0, at.toISOString())
    },
    async sentOn(day) {
      return db.prepare('SELECT deputy_id FROM digests WHERE day = ?').pluck().all(day) as string[]
    },
    async lastMade() {
      const out: Record<string, Date> = {}
      // A loose index scan (migration 033): hop from one deputy to the next on the index and take
      // each one's newest, never reading the years of digests in between.
      const rows = db
        .prepare(
          `WITH RECURSIVE ids(id) AS (
            SELECT min(deputy_id) FROM digests
            UNION ALL
            SELECT (SELECT min(deputy_id) FROM digests WHERE deputy_id > ids.id) FROM ids WHERE ids.id IS NOT NULL
          )
          SELECT id AS deputy_id, (SELECT max(created_at) FROM digests WHERE deputy_id = ids.id) AS at FROM ids WHERE id IS NOT NULL`,
        )
        .all() as Array<{ deputy_id: string; at: string }>
      for (const r of rows) {
        out[r.deputy_id] = new Date(r.at)
      }
      return out
    },
    record(day, digests, at) {
      return group.run(() => {
        let made = 0
        for (const { deputyId, message: m } of digests) {
          if (insertDigest.run(deputyId, day, at.toISOString(), m.id).changes === 0) continue
          writeOutbox([m])
          made++
        }
        return made
      })
    },
  }
}
