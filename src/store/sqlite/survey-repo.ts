import type { Db } from './open.js'
import type { SurveyRepo } from '../survey-ports.js'
import { decodeTimeCursor, timeCursorKey, toPage } from '../cursor.js'
import { NotFoundError } from '../../errors.js'
import { translate } from './errors.js'
import type { GroupCommit } from './group-commit.js'
import { SURVEY_COLUMNS, surveyFromRow, surveyToRow } from './survey-rows.js'
import { conditions, placeholders } from './sql.js'
import { outboxWriter } from './outbox-writer.js'
import { StoreConflict } from '../conflicts.js'
import { limitSql } from './sql-limit.js'
import { ballotSecrecyRepo } from './ballot-secrecy-repo.js'
import { surveyAnswersRepo } from './survey-answers-repo.js'
import { surveyOpinionsRepo } from './survey-opinions-repo.js'

/** Someone answered between reading the survey and correcting it: what they answered stays. */
const frozen = () => new StoreConflict('survey_frozen')

// The survey and whether a 述职评议 owns it, in one statement: each answer reads both.
const FOR_RESPONDENT = 'SELECT s.*, EXISTS (SELECT 1 FROM record_appraisals a WHERE a.survey_id = s.id) AS appraisal FROM surveys s'
const FOR_RESPONDENT_BY_ID = `${FOR_RESPONDENT} WHERE s.id = ?`
const FOR_RESPONDENT_BY_CODE = `${FOR_RESPONDENT} WHERE s.short_code = ?`

export function surveyRepo(db: Db, group: GroupCommit): SurveyRepo {
  const insertSurvey = db.prepare(`INSERT INTO surveys (${SURVEY_COLUMNS.join(', ')}) VALUES (${SURVEY_COLUMNS.map((c) => `@${c}`).join(', ')})`)
  const updateSurvey = db.prepare(
    `UPDATE surveys SET ${SURVEY_COLUMNS.filter((c) => c !== 'id')
      .map((c) => `${c} = @${c}`)
      .join(', ')}, revision = revision + 1 WHERE id = @id`,
  )
  const updateUnanswered = db.prepare(
    `UPDATE surveys SET ${SURVEY_COLUMNS.filter((c) => c !== 'id')
      .map((c) => `${c} = @${c}`)
      .join(', ')}, revision = revision + 1 WHERE id = @id AND response_count = 0`,
  )
  const byId = db.prepare('SELECT * FROM surveys WHERE id = ?')
  const writeOutbox = outboxWriter(db)
  const fixCount = db.prepare("UPDATE surveys SET uncounted_at_close = ? WHERE id = ? AND kind = 'ballot' AND uncounted_at_close IS NULL")
  const markPublished = db.prepare("UPDATE surveys SET outcome_published_at = ? WHERE id = ? AND kind = 'consultation' AND outcome_published_at IS NULL")

  const one = (sql: string, ...params: unknown[]) => {
    const row = db.prepare(sql).get(...params)
    return row ? surveyFromRow(row) : null
  }

  return {
    ...surveyAnswersRepo(db, group),
    ...surveyOpinionsRepo(db, group),
    ...ballotSecrecyRepo(db, group),
    create(survey, outbox = []) {
      return group.run(() =>
        translate(() => {
          insertSurvey.run(surveyToRow(survey))
          writeOutbox(outbox)
          return { ...survey, responseCount: 0 }
        }),
      )
    },
    async get(id) {
      return one('SELECT * FROM surveys WHERE id = ?', id)
    },
    async getByShortCode(shortCode) {
      return one('SELECT * FROM surveys WHERE short_code = ?', shortCode)
    },
    async forRespondent(ref) {
      const row = 'id' in ref ? db.prepare(FOR_RESPONDENT_BY_ID).get(ref.id) : db.prepare(FOR_RESPONDENT_BY_CODE).get(ref.shortCode)
      const r = row as { appraisal: number; revision: number } | undefined
      return r ? { survey: surveyFromRow(r), appraisal: r.appraisal === 1, revision: r.revision } : null
    },
    async update(survey, options) {
      const changed = await group.run(() => (options?.unanswered ? updateUnanswered : updateSurvey).run(surveyToRow(survey)).changes)
      if (!changed && options?.unanswered && byId.get(survey.id)) throw frozen()
      if (!changed) throw new NotFoundError('问卷不存在')
      return surveyFromRow(byId.get(survey.id))
    },
    async search(query) {
      const where = conditions()
      if (query.visibleTo) {
        const ids = query.visibleTo.districtIds
        const seen = [
          ...(ids.length ? [`EXISTS (SELECT 1 FROM json_each(district_ids) WHERE value IN (${placeholders(ids.length)}))`] : []),
          ...(query.visibleTo.cityWide ? [`district_ids = '[]'`] : []),
        ]
        where.add(seen.length ? `(${seen.join(' OR ')})` : '0', ...ids)
      }
      if (query.kind) where.add('kind = ?', query.kind)
      const after = decodeTimeCursor(query.cursor)
      if (after) where.add('(created_at < ? OR (created_at = ? AND id < ?))', after.key, after.key, after.id)
      const { clauses } = where
      const rows = db
        .prepare(
          `SELECT * FROM surveys ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC ${limitSql(query.limit + 1)}`,
        )
        .all(...where.params)
        .map(surveyFromRow)
      return toPage(rows, query.limit, (s) => timeCursorKey(s.createdAt, s.id))
    },
    async openAt(now) {
      const t = now.toISOString()
      // A 述职评议 is asked of one area's residents only, through its own page: never a task for all.
      return db
        .prepare(
          'SELECT s.* FROM surveys s WHERE s.opens_at <= ? AND s.closes_at > ? AND s.draft = 0 AND NOT EXISTS (SELECT 1 FROM record_appraisals a WHERE a.survey_id = s.id) ORDER BY s.closes_at, s.id',
        )
        .all(t, t)
        .map(surveyFromRow)
    },
    async ballotsToCount(now) {
      return db
        .prepare("SELECT * FROM surveys WHERE kind = 'ballot' AND uncounted_at_close IS NULL AND draft = 0 AND closes_at <= ? ORDER BY closes_at, id")
        .all(now.toISOString())
        .map(surveyFromRow)
    },
    async fixBallotCount(surveyId, uncounted, outbox = []) {
      await group.run(() => {
        // The messages go with the fix itself: a second fix (another instance, a read at the close) finds it made and sends nothing.
        if (fixCount.run(JSON.stringify(uncounted), surveyId).changes === 1) writeOutbox(outbox)
      })
      const row = byId.get(surveyId) as { kind: string } | undefined
      if (!row || row.kind !== 'ballot') throw new NotFoundError('票决不存在')
      return surveyFromRow(row)
    },
    async publishOutcome(surveyId, at) {
      await group.run(() => markPublished.run(at.toISOString(), surveyId))
      const row = byId.get(surveyId) as { kind: string } | undefined
      if (!row || row.kind !== 'consultation') throw new NotFoundError('征求意见不存在')
      return surveyFromRow(row)
    },
  }
}
