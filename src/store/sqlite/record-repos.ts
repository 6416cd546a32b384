import type { Db } from './open.js'
import type { GroupCommit } from './group-commit.js'
import type { ActivityRecord } from '../../domain/record-activity.js'
import type { AppraisalRecord, AppraisalRepo, PointRuleRepo, RecordActivityRepo } from '../ports.js'
import { StoreConflict } from '../conflicts.js'
import { decodeTimeCursor, timeCursorKey, toPage } from '../cursor.js'
import { outboxWriter } from './outbox-writer.js'
import { translate } from './errors.js'
import { limitSql } from './sql-limit.js'

/** The sqlite side of 027_deputy_records.sql. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = any

const activityFromRow = (r: Row): ActivityRecord => ({
  id: r.id,
  deputyId: r.deputy_id,
  stationId: r.station_id,
  kind: r.kind,
  date: r.date,
  place: r.place,
  text: r.text,
  photos: JSON.parse(r.photos),
  status: r.status,
  reviewNote: r.review_note,
  reviewedBy: r.reviewed_by,
  reviewedAt: r.reviewed_at ? new Date(r.reviewed_at) : null,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
})

export function recordActivityRepo(db: Db, group: GroupCommit): RecordActivityRepo {
  const writeOutbox = outboxWriter(db)
  const iso = (d: Date | null) => (d ? d.toISOString() : null)
  return {
    create(a) {
      return group.run(() =>
        translate(() => {
          db.prepare(
            `INSERT INTO record_activities (id, deputy_id, station_id, kind, date, place, text, photos, status, review_note, reviewed_by, reviewed_at, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(
            a.id,
            a.deputyId,
            a.stationId,
            a.kind,
            a.date,
            a.place,
            a.text,
            JSON.stringify(a.photos),
            a.status,
            a.reviewNote,
            a.reviewedBy,
            iso(a.reviewedAt),
            a.createdAt.toISOString(),
            a.updatedAt.toISOString(),
          )
          return a
        }),
      )
    },
    async get(id) {
      const r = db.prepare('SELECT * FROM record_activities WHERE id = ?').get(id) as Row
      return r ? activityFromRow(r) : null
    },
    update(a, expected, outbox) {
      return group.run(() => {
        const changed = db
          .prepare(
            `UPDATE record_activities SET kind = ?, date = ?, place = ?, text = ?, photos = ?, status = ?, review_note = ?, reviewed_by = ?,
             reviewed_at = ?, updated_at = ? WHERE id = ? AND status = ?`,
          )
          .run(
            a.kind,
            a.date,
            a.place,
            a.text,
            JSON.stringify(a.photos),
            a.status,
            a.reviewNote,
            a.reviewedBy,
            iso(a.reviewedAt),
            a.updatedAt.toISOString(),
            a.id,
            expected,
          )
        if (!changed.changes) throw new StoreConflict('stale_activity')
        writeOutbox(outbox)
        return a
      })
    },
    async search(q) {
      const where: string[] = []
      const args: unknown[] = []
      if (q.deputyId) {
        where.push('deputy_id = ?')
        args.push(q.deputyId)
      }
      if (q.stationIds) {
        where.push(`station_id IN (${q.stationIds.map(() => '?').join(',') || 'NULL'})`)
        args.push(...q.stationIds)
      }
      if (q.statuses) {
        where.push(`status IN (${q.statuses.map(() => '?').join(',') || 'NULL'})`)
        args.push(...q.statuses)
      }
      const after = decodeTimeCursor(q.cursor)
      if (after) {
        where.push('(created_at < ? OR (created_at = ? AND id < ?))')
        args.push(after.key, after.key, after.id)
      }
      const rows = db
        .prepare(
          `SELECT * FROM record_activities ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC ${limitSql(q.limit + 1)}`,
        )
        .all(...args) as Row[]
      return toPage(rows.map(activityFromRow), q.limit, (a) => timeCursorKey(a.createdAt, a.id))
    },
    async ofDeputy(deputyId, from, to) {
      const rows = db
        .prepare('SELECT * FROM record_activities WHERE deputy_id = ? AND date >= ? AND date <= ? ORDER BY date, created_at, id')
        .all(deputyId, from, to) as Row[]
      return rows.map(activityFromRow)
    },
  }
}

export function pointRuleRepo(db: Db): PointRuleRepo {
  return {
    async get(office) {
      const r = db.prepare('SELECT * FROM point_rules WHERE office = ?').get(office) as Row
      return r ? { office: r.office, rules: JSON.parse(r.rules), updatedBy: r.updated_by, updatedAt: new Date(r.updated_at) } : null
    },
    async save(s) {
      db.prepare(
        `INSERT INTO point_rules (office, rules, updated_by, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (office) DO UPDATE SET rules = excluded.rules, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      ).run(s.office, JSON.stringify(s.rules), s.updatedBy, s.updatedAt.toISOString())
    },
    async seedIfAbsent(s) {
      return (
        db
          .prepare('INSERT INTO point_rules (office, rules, updated_by, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (office) DO NOTHING')
          .run(s.office, JSON.stringify(s.rules), s.updatedBy, s.updatedAt.toISOString()).changes > 0
      )
    },
  }
}

const appraisalFromRow = (r: Row): AppraisalRecord => ({
  surveyId: r.survey_id,
  deputyId: r.deputy_id,
  year: r.year,
  regionIds: JSON.parse(r.region_ids),
  districtId: r.district_id,
  openedBy: r.opened_by,
  openedAt: new Date(r.opened_at),
  reopenedAt: r.reopened_at ? new Date(r.reopened_at) : null,
  reopenedBy: r.reopened_by ?? null,
})

export function appraisalRepo(db: Db): AppraisalRepo {
  return {
    async create(a) {
      try {
        db.transaction(() => {
          db.prepare(
            'INSERT INTO record_appraisals (survey_id, deputy_id, year, region_ids, district_id, opened_by, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          ).run(a.surveyId, a.deputyId, a.year, JSON.stringify(a.regionIds), a.districtId, a.openedBy, a.openedAt.toISOString())
          // From now on the survey is answered only through the appraisal's page: an answer judged
          // on the survey as read before (survey-responses.ts keeps it) is written no more.
          db.prepare('UPDATE surveys SET revision = revision + 1 WHERE id = ?').run(a.surveyId)
        })()
      } catch (err) {
        if ((err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT_UNIQUE') || (err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
          throw new StoreConflict('already_appraised')
        throw err
      }
      return a
    },
    async bySurvey(surveyId) {
      const r = db.prepare('SELECT * FROM record_appraisals WHERE survey_id = ?').get(surveyId) as Row
      return r ? appraisalFromRow(r) : null
    },
    async ofDeputy(deputyId) {
      return (db.prepare('SELECT * FROM record_appraisals WHERE deputy_id = ? ORDER BY year DESC').all(deputyId) as Row[]).map(appraisalFromRow)
    },
    async markReopened(surveyId, staffId, at) {
      // Once: the row changes only while it was never reopened (migration 082).
      const changed = db
        .prepare('UPDATE record_appraisals SET reopened_at = ?, reopened_by = ? WHERE survey_id = ? AND reopened_at IS NULL')
        .run(at.toISOString(), staffId, surveyId).changes
      return changed === 1
    },
  }
}
