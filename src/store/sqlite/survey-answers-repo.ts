import Database from 'better-sqlite3'
import { mergeIncrements, type TallyIncrement } from '../../domain/survey-tally.js'
import { NotFoundError } from '../../errors.js'
import { StoreConflict } from '../conflicts.js'
import { decodeTimeCursor, timeCursorKey, toPage } from '../cursor.js'
import type { SurveyRepo, SurveySubmission } from '../survey-ports.js'
import { Refused, type GroupCommit } from './group-commit.js'
import type { Db } from './open.js'
import { conditions, placeholders } from './sql.js'
import { limitSql } from './sql-limit.js'
import { responseFromRow, textFromRow } from './survey-rows.js'

const isConstraint = (err: unknown, code: string, column = ''): boolean =>
  err instanceof Database.SqliteError && err.code === code && err.message.includes(column)

/** Answers to a survey: one response with all it adds (counters, text answers, opinions), and reading them back. */
export function surveyAnswersRepo(
  db: Db,
  group: GroupCommit,
): Pick<SurveyRepo, 'respond' | 'hasResponded' | 'answerOf' | 'tallies' | 'textAnswers' | 'responses'> {
  // The cap (and the revision the answer was judged on) checked and the count bumped in one
  // statement: two last responses cannot both pass, nor one judged on a survey since changed.
  const countOne = db.prepare(
    'UPDATE surveys SET response_count = response_count + 1 WHERE id = ? AND (response_cap IS NULL OR response_count < response_cap) AND (? IS NULL OR revision = ?)',
  )
  const revisionOf = db.prepare('SELECT revision FROM surveys WHERE id = ?').pluck()
  const insertResponse =
    db.prepare(`INSERT INTO survey_responses (id, survey_id, respondent_key, mp_user_id, deputy_id, station_id, district_id, via, answers, comments, created_at,
    request_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const removeResponse = db.prepare('DELETE FROM survey_responses WHERE id = ?')
  const bump = db.prepare(`INSERT INTO survey_tallies (survey_id, scope, question_id, bucket, count, sum) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (survey_id, scope, question_id, bucket) DO UPDATE SET count = count + excluded.count, sum = sum + excluded.sum`)
  const insertText = db.prepare(`INSERT INTO survey_text_answers (survey_id, question_id, response_id, text, station_id, district_id, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  const insertOpinion = db.prepare(`INSERT INTO survey_opinions (id, survey_id, response_id, article_id, text, mp_user_id, via, station_id, outcome, reason,
    decided_by, decided_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const answered = db.prepare('SELECT 1 FROM survey_responses WHERE survey_id = ? AND respondent_key = ?')
  const answerOf = db.prepare('SELECT * FROM survey_responses WHERE survey_id = ? AND respondent_key = ?')
  const isAnonymous = db.prepare('SELECT anonymous FROM surveys WHERE id = ?').pluck()
  /**
   * The tallies a group's answers add, merged and written once at the group's end: an answer bumps a
   * counter per option, per rating and per place (dozens in a long survey), and fifty answers bump
   * the same few counters. Nothing reads tallies inside a grouped write; a ballot sealed in the same
   * group (sealBallots: its counts by place deleted) gets no counts by place back from answers before it.
   */
  const addTallies = group.gather<{ surveyId: string; increments: TallyIncrement[] }>((answers) => {
    const bySurvey = new Map<string, TallyIncrement[]>()
    for (const a of answers) {
      const all = bySurvey.get(a.surveyId)
      if (all) for (const i of a.increments) all.push(i)
      else bySurvey.set(a.surveyId, [...a.increments])
    }
    for (const [surveyId, increments] of bySurvey) {
      const everyoneOnly = isAnonymous.get(surveyId) === 1
      for (const i of mergeIncrements(increments)) if (!everyoneOnly || i.scope === '') bump.run(surveyId, i.scope, i.questionId, i.bucket, i.count, i.sum)
    }
  })

  /**
   * One response and what it adds, run through `group.runWhole`: no savepoint around it, so it
   * keeps itself whole. The response goes in first, so its unique key answers "already responded"
   * before the cap is looked at, as a separate check used to, and a refused INSERT leaves nothing;
   * the cap (and the revision) is checked and the count bumped in one statement, so two last
   * responses cannot both pass, and when it refuses the response just written is deleted again.
   * Only then does anything else follow. What fails otherwise (the disk) fails the group.
   */
  const respond = (s: SurveySubmission): Refused | undefined => {
    const r = s.response
    try {
      insertResponse.run(
        r.id,
        r.surveyId,
        r.respondentKey,
        r.mpUserId,
        r.deputyId,
        r.stationId,
        r.districtId,
        r.via,
        JSON.stringify(r.answers),
        JSON.stringify(r.comments),
        r.createdAt.toISOString(),
        s.requestKey ?? null,
      )
    } catch (err) {
      if (isConstraint(err, 'SQLITE_CONSTRAINT_UNIQUE', 'survey_responses.respondent_key')) return new Refused(new StoreConflict('already_responded'))
      if (isConstraint(err, 'SQLITE_CONSTRAINT_FOREIGNKEY')) return new Refused(new NotFoundError('问卷不存在'))
      throw err
    }
    const revision = s.revision ?? null
    if (countOne.run(r.surveyId, revision, revision).changes === 0) {
      const stale = s.revision !== undefined && revisionOf.get(r.surveyId) !== s.revision
      removeResponse.run(r.id)
      return new Refused(new StoreConflict(stale ? 'stale_survey' : 'response_cap_reached'))
    }
    addTallies({ surveyId: r.surveyId, increments: s.increments })
    for (const t of s.texts) insertText.run(r.surveyId, t.questionId, r.id, t.text, t.stationId, t.districtId, t.createdAt.toISOString())
    for (const o of s.opinions) {
      insertOpinion.run(
        o.id,
        o.surveyId,
        o.responseId,
        o.articleId,
        o.text,
        o.mpUserId,
        o.via,
        o.stationId,
        o.outcome,
        o.reason,
        o.decidedBy,
        o.decidedAt?.toISOString() ?? null,
        o.createdAt.toISOString(),
      )
    }
    return undefined
  }

  return {
    async respond(submission) {
      await group.runWhole(() => respond(submission))
      return submission.response
    },
    async hasResponded(surveyId, respondentKey) {
      return !!answered.get(surveyId, respondentKey)
    },
    async answerOf(surveyId, respondentKey) {
      const row = answerOf.get(surveyId, respondentKey) as { request_key: string | null } | undefined
      return row ? { response: responseFromRow(row), requestKey: row.request_key ?? null } : null
    },
    async tallies(surveyId, scope) {
      return (
        db.prepare('SELECT scope, question_id, bucket, count, sum FROM survey_tallies WHERE survey_id = ? AND scope = ?').all(surveyId, scope) as Array<
          Record<string, never>
        >
      ).map((r) => ({ scope: r.scope, questionId: r.question_id, bucket: r.bucket, count: r.count, sum: r.sum }))
    },
    async textAnswers(surveyId, query) {
      const where = conditions(['survey_id = ?', 'question_id = ?'], [surveyId, query.questionId])
      if (query.q) where.add('instr(text, ?) > 0', query.q)
      if (query.stationId) where.add('station_id = ?', query.stationId)
      if (query.districtId) where.add('district_id = ?', query.districtId)
      if (query.stationIds) where.add(query.stationIds.length ? `station_id IN (${placeholders(query.stationIds.length)})` : '0', ...query.stationIds)
      if (query.districtIds) where.add(query.districtIds.length ? `district_id IN (${placeholders(query.districtIds.length)})` : '0', ...query.districtIds)
      const after = decodeTimeCursor(query.cursor)
      if (after) where.add('(created_at < ? OR (created_at = ? AND response_id < ?))', after.key, after.key, after.id)
      const rows = db
        .prepare(
          `SELECT * FROM survey_text_answers WHERE ${where.clauses.join(' AND ')} ORDER BY created_at DESC, response_id DESC ${limitSql(query.limit + 1)}`,
        )
        .all(...where.params)
        .map(textFromRow)
      return toPage(rows, query.limit, (t) => timeCursorKey(t.createdAt, t.responseId))
    },
    async responses(surveyId) {
      return db.prepare('SELECT * FROM survey_responses WHERE survey_id = ? ORDER BY created_at, id').all(surveyId).map(responseFromRow)
    },
  }
}
