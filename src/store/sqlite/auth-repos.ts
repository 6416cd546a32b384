import type { Db } from './open.js'
import type { GroupCommit } from './group-commit.js'
import type { AuditEntry, AuditQuery, AuditRepo, LockRepo, SessionRecord, SessionRepo } from '../ports.js'
import { idsByKind, type AuditName, type AuditNamedKind } from '../../domain/audit-names.js'
import { decodeCursorMatching, toPage } from '../cursor.js'
import { auditFromRow, sessionFromRow } from './rows.js'
import { translate } from './errors.js'
import { limitSql } from './sql-limit.js'

/**
 * `group`: the store's group commit, which a session's touch joins. Without it (a connection of its
 * own) each touch commits alone.
 */
export function sessionRepo(db: Db, group: GroupCommit | null = null): SessionRepo {
  const insert = db.prepare(`INSERT INTO sessions (id, token_hash, subject_kind, subject_id, created_at, last_seen_at, expires_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  const byHash = db.prepare('SELECT * FROM sessions WHERE token_hash = ?')
  // Every request of the mini-program runs this. Its row comes as an array (raw): an object row
  // makes V8 look up each column's name in its string table, per row, and that was a large part of
  // this statement's CPU under load (perf, bench server). The columns are named, so their order is fixed.
  const withPerson = db
    .prepare(
      `SELECT s.id, s.subject_kind, s.subject_id, s.created_at, s.last_seen_at, s.expires_at, u.id, u.deputy_id, u.consent_version
    FROM sessions s LEFT JOIN mp_users u ON s.subject_kind = 'mp_user' AND u.id = s.subject_id WHERE s.token_hash = ?`,
    )
    .raw()
  return {
    async create(s) {
      translate(() =>
        insert.run(s.id, s.tokenHash, s.subjectKind, s.subjectId, s.createdAt.toISOString(), s.lastSeenAt.toISOString(), s.expiresAt.toISOString()),
      )
    },
    async findByTokenHash(tokenHash) {
      const row = byHash.get(tokenHash)
      return row ? sessionFromRow(row as object) : null
    },
    async findMpSession(tokenHash) {
      const row = withPerson.get(tokenHash) as
        [string, SessionRecord['subjectKind'], string, string, string, string, string | null, string | null, string | null] | undefined
      if (!row) return null
      const [id, subjectKind, subjectId, createdAt, lastSeenAt, expiresAt, personId, deputyId, consentVersion] = row
      const session: SessionRecord = {
        id,
        tokenHash,
        subjectKind,
        subjectId,
        createdAt: new Date(createdAt),
        lastSeenAt: new Date(lastSeenAt),
        expiresAt: new Date(expiresAt),
      }
      return { session, person: personId === null ? null : { id: personId, deputyId, consentVersion } }
    },
    async touch(id, at) {
      // Once a minute for each person signed in, on whatever they ask next: on its own, this UPDATE was a
      // transaction of its own whose COMMIT fsynced (synchronous=FULL) on the event loop, every request
      // waiting behind it, ~110 µs of the event loop per request of the request bench once its sessions
      // were a minute old. In the group it shares a COMMIT and a sync off the loop with the writes around it.
      // Once the grouped writes stopped (a failed flush), on its own as before: the connection, read-only by
      // then, refuses it as the store's outage, which a person reading her list is told as such, not "无法保存".
      const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?')
      if (group && !group.stopped) await group.run(() => touch.run(at.toISOString(), id))
      else touch.run(at.toISOString(), id)
    },
    async delete(id) {
      db.prepare('DELETE FROM sessions WHERE id = ?').run(id)
    },
    async deleteForSubject(kind, subjectId) {
      return db.prepare('DELETE FROM sessions WHERE subject_kind = ? AND subject_id = ?').run(kind, subjectId).changes
    },
    async deleteExpired(now) {
      return db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString()).changes
    },
  }
}

/** Writes one entry of the trail, in whatever transaction the caller holds (a case's move writes its own). */
export function auditWriter(db: Db): (e: AuditEntry) => void {
  const insert = db.prepare(`INSERT INTO audit_log (at, actor_kind, actor_id, action, target_kind, target_id, details)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  return (e) => void insert.run(e.at.toISOString(), e.actorKind, e.actorId, e.action, e.targetKind, e.targetId, JSON.stringify(e.details))
}

export function auditRepo(db: Db): AuditRepo {
  const write = auditWriter(db)
  return {
    async append(e) {
      write(e)
    },
    async list(query: AuditQuery) {
      const clauses: string[] = []
      const params: unknown[] = []
      if (query.action) clauses.push('action = ?') && params.push(query.action)
      if (query.targetId) clauses.push('target_id = ?') && params.push(query.targetId)
      if (query.actorId) clauses.push('actor_id = ?') && params.push(query.actorId)
      if (query.reach) {
        // An office's entries: by or about its people and places, or about a case of its own (each id list one JSON array).
        const { ids, districtIds, stationIds } = query.reach
        clauses.push(`(actor_id IN (SELECT value FROM json_each(?)) OR target_id IN (SELECT value FROM json_each(?))
          OR (target_kind = 'case' AND target_id IN (SELECT id FROM cases WHERE district_id IN (SELECT value FROM json_each(?))
            OR handling_district_id IN (SELECT value FROM json_each(?)) OR station_id IN (SELECT value FROM json_each(?)))))`)
        params.push(JSON.stringify(ids), JSON.stringify(ids), JSON.stringify(districtIds), JSON.stringify(districtIds), JSON.stringify(stationIds))
      }
      // Row ids only: any other key would compare as NULL and answer an empty page.
      const before = decodeCursorMatching(query.cursor, /^\d+$/)
      if (before !== null) clauses.push('id < ?') && params.push(Number(before))
      const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''
      const rows = db.prepare(`SELECT * FROM audit_log ${where} ORDER BY id DESC ${limitSql(query.limit + 1)}`).all(...params)
      return toPage(rows.map(auditFromRow), query.limit, (a) => a.id)
    },
    async names(refs) {
      const found: AuditName[] = []
      for (const [kind, ids] of idsByKind(refs)) {
        const { table, name, role = 'NULL' } = NAMED[kind]
        // One statement per kind, the ids as one JSON array: the primary key finds each.
        const rows = db
          .prepare(`SELECT id, ${name} AS name, ${role} AS role FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`)
          .all(JSON.stringify(ids)) as Array<{ id: string; name: string | null; role: string | null }>
        for (const r of rows) if (r.name) found.push({ kind, id: r.id, name: r.name, role: r.role })
      }
      return found
    },
  }
}

/** Where each kind of thing the audit trail names keeps its name (a ticket, a title), and a staff member's role. */
const NAMED: Record<AuditNamedKind, { table: string; name: string; role?: string }> = {
  staff: { table: 'staff', name: 'name', role: 'role' },
  deputy: { table: 'deputies', name: 'name' },
  station: { table: 'stations', name: 'name' },
  unit: { table: 'units', name: 'name' },
  region: { table: 'regions', name: 'name' },
  case: { table: 'cases', name: 'ticket' },
  meeting: { table: 'meetings', name: 'title' },
  survey: { table: 'surveys', name: 'title' },
  quiz: { table: 'quizzes', name: 'title' },
  quiz_question: { table: 'quiz_questions', name: 'stem' },
  campaign: { table: 'campaigns', name: 'title' },
  reading_item: { table: 'reading_items', name: 'title' },
  livelihood_cycle: { table: 'livelihood_cycles', name: "json_extract(doc, '$.title')" },
  livelihood_project: { table: 'livelihood_projects', name: "json_extract(doc, '$.title')" },
  livelihood_proposal: { table: 'livelihood_proposals', name: "json_extract(doc, '$.title')" },
  suggestion: { table: 'suggestions', name: 'number' },
}

export function lockRepo(db: Db): LockRepo {
  // One statement, so two instances sharing the file cannot both win.
  const take = db.prepare(`INSERT INTO job_locks (name, holder, expires_at) VALUES (@name, @holder, @until)
    ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
    WHERE job_locks.expires_at <= @now OR job_locks.holder = excluded.holder`)
  return {
    async acquire(name, holder, ttlMs, now) {
      const until = new Date(now.getTime() + ttlMs).toISOString()
      return take.run({ name, holder, until, now: now.toISOString() }).changes === 1
    },
    async renew(name, holder, ttlMs, now) {
      const until = new Date(now.getTime() + ttlMs).toISOString()
      return db.prepare('UPDATE job_locks SET expires_at = ? WHERE name = ? AND holder = ?').run(until, name, holder).changes === 1
    },
    async release(name, holder) {
      db.prepare('DELETE FROM job_locks WHERE name = ? AND holder = ?').run(name, holder)
    },
  }
}
