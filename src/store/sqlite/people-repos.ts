import type { Db } from './open.js'
import type {
  BindingCodePool,
  BindingCodeRepo,
  IdempotencyRepo,
  MpUserRecord,
  MpUserRepo,
  OutboxMessage,
  OutboxOutcome,
  OutboxQuery,
  OutboxRepo,
  OutboxStatus,
  SubscriptionRepo,
} from '../ports.js'
import { decodeCursor, toPage } from '../cursor.js'
import { NotFoundError } from '../../errors.js'
import { idempotencyFromRow, mpUserFromRow, outboxFromRow } from './case-rows.js'
import { translate } from './errors.js'
import type { GroupCommit } from './group-commit.js'
import { outboxWriter } from './outbox-writer.js'
import { refuseJoinedOfficial, refuseSecondDeputyAccount } from '../deputy-channels.js'
import { limitSql } from './sql-limit.js'
import { SUPERSEDED_REASON } from '../../domain/message-truth.js'

/** Ids bound into one `IN (…)`: well under SQLite's parameter cap, and as many statement shapes as slice sizes. */
const IN_SLICE = 500

export function mpUserRepo(db: Db, group: GroupCommit): MpUserRepo {
  const one = (sql: string, value: string) => {
    const row = db.prepare(sql).get(value)
    return row ? mpUserFromRow(row) : null
  }
  // In slices: SQLite caps the number of parameters of one statement.
  const inSlices = (ids: readonly string[], sql: (marks: string) => string) => {
    const out: MpUserRecord[] = []
    for (let i = 0; i < ids.length; i += IN_SLICE) {
      const slice = ids.slice(i, i + IN_SLICE)
      out.push(
        ...db
          .prepare(sql(slice.map(() => '?').join(', ')))
          .all(...slice)
          .map(mpUserFromRow),
      )
    }
    return out
  }
  const writeOutbox = outboxWriter(db)
  const boundTo = db.prepare('SELECT * FROM mp_users WHERE deputy_id = ? ORDER BY created_at, id')
  const setDeputy = db.prepare('UPDATE mp_users SET deputy_id = ? WHERE id = ?')
  const write = db.prepare(`UPDATE mp_users SET unionid = @unionid, deputy_id = @deputyId, phone_enc = @phoneEnc,
    phone_index = @phoneIndex, consent_version = @consentVersion, consent_at = @consentAt, bot_contact_id = @botContactId,
    bot_alias = @botAlias WHERE id = @id`)
  return {
    async get(id) {
      return one('SELECT * FROM mp_users WHERE id = ?', id)
    },
    async getByOpenid(openid) {
      return one('SELECT * FROM mp_users WHERE openid = ?', openid)
    },
    async listByDeputyId(deputyId) {
      return boundTo.all(deputyId).map(mpUserFromRow)
    },
    async listByDeputyIds(deputyIds) {
      return inSlices(deputyIds, (marks) => `SELECT * FROM mp_users WHERE deputy_id IN (${marks}) ORDER BY deputy_id, created_at, id`)
    },
    async getMany(ids) {
      return inSlices(ids, (marks) => `SELECT * FROM mp_users WHERE id IN (${marks})`)
    },
    bindDeputy(personId, deputyId, replaces, notices) {
      return group.run(() => {
        const others = boundTo
          .all(deputyId)
          .map(mpUserFromRow)
          .filter((u) => u.id !== personId)
        const replaced = others.filter(replaces)
        const person = one('SELECT * FROM mp_users WHERE id = ?', personId)
        refuseSecondDeputyAccount(
          person,
          others.filter((u) => !replaced.includes(u)),
        )
        refuseJoinedOfficial(person)
        for (const u of replaced) setDeputy.run(null, u.id)
        if (!translate(() => setDeputy.run(deputyId, personId)).changes) throw new NotFoundError('用户不存在')
        writeOutbox(notices(replaced))
        return replaced
      })
    },
    async getByBotContact(contactId) {
      return one('SELECT * FROM mp_users WHERE bot_contact_id = ?', contactId)
    },
    async getByBotAlias(alias) {
      return one('SELECT * FROM mp_users WHERE bot_alias = ?', alias)
    },
    async create(u: MpUserRecord) {
      translate(() =>
        db
          .prepare(
            `INSERT INTO mp_users (id, openid, unionid, deputy_id, phone_enc, phone_index, consent_version, consent_at, created_at, bot_contact_id, bot_alias)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            u.id,
            u.openid,
            u.unionid,
            u.deputyId,
            u.phoneEnc,
            u.phoneIndex,
            u.consentVersion,
            u.consentAt?.toISOString() ?? null,
            u.createdAt.toISOString(),
            u.botContactId ?? null,
            u.botAlias ?? null,
          ),
      )
      return { ...u, botContactId: u.botContactId ?? null, botAlias: u.botAlias ?? null }
    },
    async update(id, patch) {
      const current = one('SELECT * FROM mp_users WHERE id = ?', id)
      if (!current) throw new NotFoundError('用户不存在')
      const next = { ...current, ...patch }
      translate(() =>
        write.run({ ...next, consentAt: next.consentAt?.toISOString() ?? null, botContactId: next.botContactId ?? null, botAlias: next.botAlias ?? null }),
      )
      return next
    },
  }
}

export function outboxRepo(db: Db, group: GroupCommit): OutboxRepo {
  const writeOutbox = outboxWriter(db)
  const held = `WHERE id = @id AND lease_holder = @holder AND status = 'sending'`
  const outcomes = {
    sent: db.prepare(`UPDATE outbox SET status = 'sent', sent_at = @at, channel = @channel, address = @address, attempts = attempts + 1,
      last_error = NULL, last_error_code = NULL, waiting_reason = NULL, lease_holder = NULL, lease_until = NULL ${held}`),
    failed: db.prepare(`UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = @error, last_error_code = @code,
      next_attempt_at = @retryAt, waiting_reason = NULL, lease_holder = NULL, lease_until = NULL ${held}`),
    dead: db.prepare(`UPDATE outbox SET status = 'dead', attempts = attempts + 1, last_error = @error, last_error_code = @code,
      waiting_reason = NULL, lease_holder = NULL, lease_until = NULL ${held}`),
    // Not an attempt, unless the way it was routed found nobody (`missed`): then counted, with why.
    pending: db.prepare(`UPDATE outbox SET status = 'pending', channel = @channel, address = @address, next_attempt_at = @until,
      waiting_reason = @reason, attempts = attempts + (@missed IS NOT NULL), last_error = coalesce(@missed, last_error),
      last_error_code = CASE WHEN @missed IS NULL THEN last_error_code END, lease_holder = NULL, lease_until = NULL ${held}`),
  }
  return {
    async search(query: OutboxQuery) {
      const clauses: string[] = []
      const params: unknown[] = []
      if (query.status) clauses.push('status = ?') && params.push(query.status)
      if (query.channel) clauses.push('channel = ?') && params.push(query.channel)
      if (query.recipientId) clauses.push('recipient_id = ?') && params.push(query.recipientId)
      if (query.kind) clauses.push('kind = ?') && params.push(query.kind)
      if (query.dropped !== undefined) {
        clauses.push(`status = 'dead' AND ${query.dropped ? DROPPED : `NOT ${DROPPED}`}`)
        params.push(...DROPPED_PARAMS)
      }
      const after = decodeCursor(query.cursor)
      if (after !== null) clauses.push('id > ?') && params.push(after)
      const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''
      const rows = db
        .prepare(`SELECT * FROM outbox ${where} ORDER BY id ${limitSql(query.limit + 1)}`)
        .all(...params)
        .map(outboxFromRow)
      return toPage(rows, query.limit, (m) => m.id)
    },
    async countsByStatus() {
      const counts = emptyCounts()
      for (const r of db.prepare('SELECT status, count(*) AS n FROM outbox GROUP BY status').all() as Array<{ status: OutboxStatus; n: number }>) {
        counts[r.status] = r.n
      }
      return counts
    },
    async countDropped() {
      // Seeks the dead messages through outbox_status_id and reads only their error.
      return (db.prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'dead' AND ${DROPPED}`).get(...DROPPED_PARAMS) as { n: number }).n
    },
    async countsByChannel() {
      const out: Record<string, Record<OutboxStatus, number>> = {}
      const rows = db.prepare('SELECT channel, status, count(*) AS n FROM outbox GROUP BY channel, status').all() as Array<{
        channel: string
        status: OutboxStatus
        n: number
      }>
      for (const r of rows) (out[r.channel] ??= emptyCounts())[r.status] = r.n
      return out
    },
    async get(id) {
      const row = db.prepare('SELECT * FROM outbox WHERE id = ?').get(id)
      return row ? outboxFromRow(row) : null
    },
    async byDedupeKeys(keys) {
      const out: OutboxMessage[] = []
      // In slices: SQLite caps the number of parameters of one statement.
      for (let i = 0; i < keys.length; i += 500) {
        const slice = keys.slice(i, i + 500)
        out.push(
          ...db
            .prepare(`SELECT * FROM outbox WHERE dedupe_key IN (${slice.map(() => '?').join(', ')})`)
            .all(...slice)
            .map(outboxFromRow),
        )
      }
      return out
    },
    enqueue(messages) {
      return group.run(() => {
        writeOutbox(messages)
      })
    },
    async claimDue(now, { limit, leaseMs, holder, channels }) {
      if (!channels.length || limit < 1) return []
      const at = now.toISOString()
      const inChannels = `channel IN (${channels.map(() => '?').join(', ')})`
      // One statement: the choice and the lease are atomic even with other processes on the file.
      // The due messages and the expired leases are two seeks of outbox_channel_due: written as one
      // OR, SQLite walked every message of the channel, sent ones too (~0.6 s a claim on a province's file).
      const rows = db
        .prepare(
          `UPDATE outbox SET status = 'sending', lease_holder = ?, lease_until = ?
          WHERE id IN (SELECT id FROM (
              SELECT id, next_attempt_at FROM outbox WHERE ${inChannels} AND status IN ('pending', 'failed') AND next_attempt_at <= ?
              UNION ALL
              SELECT id, next_attempt_at FROM outbox WHERE ${inChannels} AND status = 'sending' AND lease_until <= ?)
            ORDER BY next_attempt_at, id ${limitSql(limit)})
          RETURNING *`,
        )
        .all(holder, new Date(now.getTime() + leaseMs).toISOString(), ...channels, at, ...channels, at)
      return rows.map(outboxFromRow).sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id.localeCompare(b.id))
    },
    complete(id, holder, outcome: OutboxOutcome) {
      return group.run(() => {
        const base = { id, holder }
        switch (outcome.status) {
          case 'sent':
            return outcomes.sent.run({ ...base, at: outcome.at.toISOString(), channel: outcome.channel, address: outcome.address }).changes === 1
          case 'failed':
            return outcomes.failed.run({ ...base, error: outcome.error, code: outcome.code ?? null, retryAt: outcome.retryAt.toISOString() }).changes === 1
          case 'dead':
            return outcomes.dead.run({ ...base, error: outcome.error, code: outcome.code ?? null }).changes === 1
          case 'pending':
            return (
              outcomes.pending.run({
                ...base,
                channel: outcome.channel,
                address: outcome.address,
                until: outcome.until.toISOString(),
                reason: outcome.reason,
                missed: outcome.missed ?? null,
              }).changes === 1
            )
        }
      })
    },
    async retryDead(id, now) {
      return (
        db
          .prepare(
            `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, last_error = NULL, last_error_code = NULL WHERE id = ? AND status = 'dead'`,
          )
          .run(now.toISOString(), id).changes === 1
      )
    },
    async newerSent(m, about) {
      // The key is one of a fixed list (OutboxSubject), never caller text.
      const row = db
        .prepare(
          `SELECT 1 FROM outbox WHERE recipient_id = ? AND recipient_kind = ? AND created_at > ? AND status = 'sent'
        AND json_extract(payload, '$.${about.key}') = ? LIMIT 1`,
        )
        .get(m.recipientId, m.recipientKind, m.createdAt.toISOString(), about.id)
      return row !== undefined
    },
  }
}

const emptyCounts = (): Record<OutboxStatus, number> => ({ pending: 0, sending: 0, sent: 0, failed: 0, dead: 0 })

/** A dead message dropped on purpose: its error starts with SUPERSEDED_REASON (compared exactly, not by LIKE's pattern). */
const DROPPED = `coalesce(substr(last_error, 1, ?), '') = ?`
const DROPPED_PARAMS = [SUPERSEDED_REASON.length, SUPERSEDED_REASON] as const

/**
 * Every credit change goes through group commit: the dispatcher spends a credit for each
 * subscribe message, and one fsync each (a commit of its own outside the group) was most
 * of the time of draining the outbox.
 */
export function subscriptionRepo(db: Db, group: GroupCommit): SubscriptionRepo {
  const upsert = (userId: string, templateId: string, at: Date, set: string) =>
    db
      .prepare(
        `INSERT INTO subscription_credits (user_id, template_id, one_time, long_term, updated_at) VALUES (?, ?, 0, 0, ?)
      ON CONFLICT(user_id, template_id) DO NOTHING`,
      )
      .run(userId, templateId, at.toISOString()) &&
    db.prepare(`UPDATE subscription_credits SET ${set}, updated_at = ? WHERE user_id = ? AND template_id = ?`).run(at.toISOString(), userId, templateId)
  /** One send taken, in one UPDATE, if more than `keep` one-time sends are left or the subscription is long-term. */
  const consumeDown = async (userId: string, templateId: string, at: Date, keep: number) => {
    const row = await group.run(() =>
      db
        .prepare(
          `UPDATE subscription_credits SET one_time = CASE WHEN long_term = 1 THEN one_time ELSE one_time - 1 END, updated_at = ?
          WHERE user_id = ? AND template_id = ? AND (long_term = 1 OR one_time > ?) RETURNING 1`,
        )
        .get(at.toISOString(), userId, templateId, keep),
    )
    return row !== undefined
  }
  return {
    async record(userId, templateId, change, at) {
      const set = { accept_once: 'one_time = one_time + 1', long_term_on: 'long_term = 1', off: 'long_term = 0' }[change]
      await group.run(() => upsert(userId, templateId, at, set))
    },
    async get(userId, templateId) {
      const row = db.prepare('SELECT one_time, long_term FROM subscription_credits WHERE user_id = ? AND template_id = ?').get(userId, templateId) as
        { one_time: number; long_term: number } | undefined
      return row ? { oneTime: row.one_time, longTerm: row.long_term === 1 } : null
    },
    async consume(userId, templateId, at) {
      return consumeDown(userId, templateId, at, 0)
    },
    async consumeUnlessLast(userId, templateId, at) {
      return consumeDown(userId, templateId, at, 1)
    },
    async restore(userId, templateId, at) {
      await group.run(() =>
        db
          .prepare('UPDATE subscription_credits SET one_time = one_time + 1, updated_at = ? WHERE user_id = ? AND template_id = ? AND long_term = 0')
          .run(at.toISOString(), userId, templateId),
      )
    },
    async clear(userId, templateId, at) {
      await group.run(() =>
        db
          .prepare('UPDATE subscription_credits SET one_time = 0, long_term = 0, updated_at = ? WHERE user_id = ? AND template_id = ?')
          .run(at.toISOString(), userId, templateId),
      )
    },
  }
}

export function bindingCodeRepo(db: Db): BindingCodeRepo {
  // A wrong try counts against the live codes of the pool it was typed for; rows without a purpose are deputies' or staff's.
  const inPool = (pool: BindingCodePool) => (pool === 'resident' ? `purpose = 'resident'` : `(purpose IS NULL OR purpose <> 'resident')`)
  return {
    async create(c) {
      translate(() =>
        db.transaction(() => {
          // One live code per subject of this purpose: the earlier ones not used yet go with the new one's write.
          if (c.replacing) db.prepare('DELETE FROM binding_codes WHERE deputy_id = ? AND purpose IS ? AND used_at IS NULL').run(c.deputyId, c.purpose ?? null)
          db.prepare(
            'INSERT INTO binding_codes (code_hash, deputy_id, created_by, created_at, expires_at, purpose, code_key) VALUES (?, ?, ?, ?, ?, ?, ?)',
          ).run(c.codeHash, c.deputyId, c.createdBy, c.createdAt.toISOString(), c.expiresAt.toISOString(), c.purpose ?? null, c.codeKey ?? null)
        })(),
      )
    },
    async redeem(codeHash, userId, now) {
      const row = db
        .prepare(
          `UPDATE binding_codes SET used_at = ?, used_by = ? WHERE code_hash = ? AND used_at IS NULL AND locked_at IS NULL
        AND expires_at > ? RETURNING deputy_id`,
        )
        .get(now.toISOString(), userId, codeHash, now.toISOString()) as { deputy_id: string } | undefined
      return row?.deputy_id ?? null
    },
    async redeemAny(codeHashes, userId, now) {
      if (!codeHashes.length) return []
      const rows = db
        .prepare(
          `UPDATE binding_codes SET used_at = ?, used_by = ? WHERE code_hash IN (${codeHashes.map(() => '?').join(', ')})
          AND used_at IS NULL AND locked_at IS NULL AND expires_at > ? RETURNING code_hash, deputy_id, expires_at`,
        )
        .all(now.toISOString(), userId, ...codeHashes, now.toISOString()) as Array<{ code_hash: string; deputy_id: string; expires_at: string }>
      return rows.map((r) => ({ codeHash: r.code_hash, subjectId: r.deputy_id, expiresAt: new Date(r.expires_at) }))
    },
    async recordWrongTry(now, lockAfter, pool = 'official') {
      const live = `used_at IS NULL AND locked_at IS NULL AND expires_at > ? AND ${inPool(pool)}`
      return db.transaction(() => {
        db.prepare(`UPDATE binding_codes SET wrong_tries = wrong_tries + 1 WHERE ${live}`).run(now.toISOString())
        return db.prepare(`UPDATE binding_codes SET locked_at = ? WHERE ${live} AND wrong_tries >= ?`).run(now.toISOString(), now.toISOString(), lockAfter)
          .changes
      })()
    },
    async purgeExpired(before) {
      return db.prepare('DELETE FROM binding_codes WHERE expires_at < ?').run(before.toISOString()).changes
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
      await group.run(() =>
        db.prepare('UPDATE idempotency_keys SET status = ?, body = ? WHERE scope = ? AND key = ?').run(status, JSON.stringify(body), scope, key),
      )
    },
    async release(scope, key) {
      await group.run(() => db.prepare('DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND status IS NULL').run(scope, key))
    },
    async purgeBefore(before) {
      return db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(before.toISOString()).changes
    },
  }
}
