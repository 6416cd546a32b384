import type { Db } from './open.js'
import type { IdempotencyRepo, MpUserRecord, MpUserRepo, OutboxQuery, OutboxRepo, OutboxStatus } from '../ports.js'
import { decodeCursor, toPage } from '../cursor.js'
import { NotFoundError } from '../../errors.js'
import { idempotencyFromRow, mpUserFromRow, outboxFromRow } from './case-rows.js'
import { translate } from './errors.js'
import type { GroupCommit } from './group-commit.js'

export function mpUserRepo(db: Db): MpUserRepo {
  const one = (sql: string, value: string) => {
    const row = db.prepare(sql).get(value)
    return row ? mpUserFromRow(row) : null
  }
  const write = db.prepare(`UPDATE mp_users SET unionid = @unionid, deputy_id = @deputyId, phone_enc = @phoneEnc,
    phone_index = @phoneIndex, consent_version = @consentVersion, consent_at = @consentAt WHERE id = @id`)
  return {
    async get(id) {
      return one('SELECT * FROM mp_users WHERE id = ?', id)
    },
    async getByOpenid(openid) {
      return one('SELECT * FROM mp_users WHERE openid = ?', openid)
    },
    async getByDeputyId(deputyId) {
      return one('SELECT * FROM mp_users WHERE deputy_id = ?', deputyId)
    },
    async create(u: MpUserRecord) {
      translate(() =>
        db
          .prepare(`INSERT INTO mp_users (id, openid, unionid, deputy_id, phone_enc, phone_index, consent_version, consent_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(u.id, u.openid, u.unionid, u.deputyId, u.phoneEnc, u.phoneIndex, u.consentVersion, u.consentAt?.toISOString() ?? null, u.createdAt.toISOString()),
      )
      return u
    },
    async update(id, patch) {
      const current = one('SELECT * FROM mp_users WHERE id = ?', id)
      if (!current) throw new NotFoundError('用户不存在')
      const next = { ...current, ...patch }
      translate(() => write.run({ ...next, consentAt: next.consentAt?.toISOString() ?? null }))
      return next
    },
  }
}

export function outboxRepo(db: Db): OutboxRepo {
  return {
    async search(query: OutboxQuery) {
      const clauses: string[] = []
      const params: unknown[] = []
      if (query.status) clauses.push('status = ?') && params.push(query.status)
      if (query.recipientId) clauses.push('recipient_id = ?') && params.push(query.recipientId)
      if (query.kind) clauses.push('kind = ?') && params.push(query.kind)
      const after = decodeCursor(query.cursor)
      if (after !== null) clauses.push('id > ?') && params.push(after)
      const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''
      const rows = db.prepare(`SELECT * FROM outbox ${where} ORDER BY id LIMIT ?`).all(...params, query.limit + 1).map(outboxFromRow)
      return toPage(rows, query.limit, (m) => m.id)
    },
    async countsByStatus() {
      const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, dead: 0 }
      for (const r of db.prepare('SELECT status, count(*) AS n FROM outbox GROUP BY status').all() as Array<{ status: OutboxStatus; n: number }>) {
        counts[r.status] = r.n
      }
      return counts
    },
  }
}

export function idempotencyRepo(db: Db, group: GroupCommit): IdempotencyRepo {
  const insert = db.prepare(`INSERT INTO idempotency_keys (scope, key, request_hash, status, body, created_at)
    VALUES (?, ?, ?, NULL, NULL, ?) ON CONFLICT(scope, key) DO NOTHING`)
  const find = db.prepare('SELECT * FROM idempotency_keys WHERE scope = ? AND key = ?')
  return {
    claim(scope, key, requestHash, now) {
      return group.run(() => {
        if (insert.run(scope, key, requestHash, now.toISOString()).changes === 1) return 'claimed' as const
        return idempotencyFromRow(find.get(scope, key))
      })
    },
    async complete(scope, key, status, body) {
      await group.run(() => db.prepare('UPDATE idempotency_keys SET status = ?, body = ? WHERE scope = ? AND key = ?').run(status, JSON.stringify(body), scope, key))
    },
    async release(scope, key) {
      await group.run(() => db.prepare('DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND status IS NULL').run(scope, key))
    },
    async purgeBefore(before) {
      return db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(before.toISOString()).changes
    },
  }
}
