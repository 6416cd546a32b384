import type { Db } from './open.js'
import type { GroupCommit } from './group-commit.js'
import type { AnalysisRepo, PublicationRecord, PublicationRepo } from '../ports.js'
import { decodeTimeCursor, timeCursorKey, toPage } from '../cursor.js'
import { outboxWriter } from './outbox-writer.js'
import { limitSql } from './sql-limit.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = any

export function analysisRepo(db: Db, group: GroupCommit): AnalysisRepo {
  const insertAlert = db.prepare('INSERT INTO hot_issue_alerts (key, case_ids, district_id, station_id, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING')
  const writeOutbox = outboxWriter(db)
  return {
    async alertedCaseIds(since) {
      const rows = db.prepare('SELECT case_ids FROM hot_issue_alerts WHERE at >= ?').all(since.toISOString()) as Row[]
      return new Set(rows.flatMap((r) => JSON.parse(r.case_ids) as string[]))
    },
    recordAlert(alert, outbox) {
      return group.run(() => {
        const made = insertAlert.run(alert.key, JSON.stringify(alert.caseIds), alert.districtId, alert.stationId, alert.at.toISOString()).changes > 0
        if (made) writeOutbox(outbox)
        return made
      })
    },
    async saveWeeklyReport(r) {
      db.prepare(
        `INSERT INTO weekly_reports (scope, week, generated_at, body) VALUES (?, ?, ?, ?)
         ON CONFLICT (scope, week) DO UPDATE SET generated_at = excluded.generated_at, body = excluded.body`,
      ).run(r.scope, r.week, r.generatedAt.toISOString(), JSON.stringify(r.body))
    },
    async weeklyReport(scope, week) {
      const r = db.prepare('SELECT * FROM weekly_reports WHERE scope = ? AND week = ?').get(scope, week) as Row
      return r ? { scope: r.scope, week: r.week, generatedAt: new Date(r.generated_at), body: JSON.parse(r.body) } : null
    },
    async reportWeeks(scope, limit) {
      return (db.prepare(`SELECT week FROM weekly_reports WHERE scope = ? ORDER BY week DESC ${limitSql(limit)}`).all(scope) as Row[]).map((r) => r.week)
    },
  }
}

const publicationFromRow = (r: Row): PublicationRecord => ({
  caseId: r.case_id,
  residentId: r.resident_id,
  ticket: r.ticket,
  topic: r.topic,
  districtId: r.district_id,
  stationId: r.station_id,
  question: r.question,
  answer: r.answer,
  askedAt: new Date(r.asked_at),
  answeredAt: new Date(r.answered_at),
  publishedBy: r.published_by,
  publishedAt: new Date(r.published_at),
})

export function publicationRepo(db: Db): PublicationRepo {
  return {
    async publish(p) {
      db.prepare(
        `INSERT INTO case_publications (case_id, resident_id, ticket, topic, district_id, station_id, question, answer, asked_at, answered_at, published_by, published_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (case_id) DO UPDATE SET question = excluded.question, answer = excluded.answer, topic = excluded.topic,
           published_by = excluded.published_by, published_at = excluded.published_at`,
      ).run(
        p.caseId,
        p.residentId,
        p.ticket,
        p.topic,
        p.districtId,
        p.stationId,
        p.question,
        p.answer,
        p.askedAt.toISOString(),
        p.answeredAt.toISOString(),
        p.publishedBy,
        p.publishedAt.toISOString(),
      )
    },
    async unpublish(caseId) {
      return db.prepare('DELETE FROM case_publications WHERE case_id = ?').run(caseId).changes > 0
    },
    async unpublishResident(residentId) {
      return db.prepare('DELETE FROM case_publications WHERE resident_id = ?').run(residentId).changes
    },
    async get(caseId) {
      const r = db.prepare('SELECT * FROM case_publications WHERE case_id = ?').get(caseId) as Row
      return r ? publicationFromRow(r) : null
    },
    async list(q) {
      const clauses: string[] = []
      const params: unknown[] = []
      if (q.topic) clauses.push('topic = ?') && params.push(q.topic)
      if (q.districtId) clauses.push('district_id = ?') && params.push(q.districtId)
      if (q.stationId) clauses.push('station_id = ?') && params.push(q.stationId)
      const after = decodeTimeCursor(q.cursor)
      if (after !== null) clauses.push('(published_at < ? OR (published_at = ? AND case_id < ?))') && params.push(after.key, after.key, after.id)
      const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''
      const rows = db
        .prepare(`SELECT * FROM case_publications ${where} ORDER BY published_at DESC, case_id DESC ${limitSql(q.limit + 1)}`)
        .all(...params) as Row[]
      return toPage(rows.map(publicationFromRow), q.limit, (p) => timeCursorKey(p.publishedAt, p.caseId))
    },
    async publishedAmong(caseIds) {
      if (!caseIds.length) return new Set()
      const rows = db.prepare(`SELECT case_id FROM case_publications WHERE case_id IN (${caseIds.map(() => '?').join(',')})`).all(...caseIds) as Row[]
      return new Set(rows.map((r) => r.case_id))
    },
  }
}
