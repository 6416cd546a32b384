import type { Db } from './open.js'
import type { AttemptRecord } from '../../domain/quiz.js'
import type { QuizRepo } from '../ports.js'
import { toPage } from '../cursor.js'
import { afterCursorClause, scopeClause, placeholders } from './sql.js'
import { NotFoundError } from '../../errors.js'
import {
  ATTEMPT_COLUMNS,
  QUESTION_COLUMNS,
  QUIZ_COLUMNS,
  attemptFromRow,
  attemptToRow,
  questionFromRow,
  questionToRow,
  quizFromRow,
  quizToRow,
} from './quiz-rows.js'
import { translate } from './errors.js'
import type { GroupCommit } from './group-commit.js'
import { outboxWriter } from './outbox-writer.js'
import { StoreConflict } from '../conflicts.js'
import { limitSql } from './sql-limit.js'

const insertSql = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`

/** Someone started between reading the quiz and correcting it: what their paper is scored by stays. */
const quizStarted = () => new StoreConflict('quiz_started', [], { frozen: 'scoring' })

export function quizRepo(db: Db, group: GroupCommit): QuizRepo {
  const all = <T>(map: (row: unknown) => T, sql: string, ...params: unknown[]) =>
    db
      .prepare(sql)
      .all(...params)
      .map(map)
  const writeOutbox = outboxWriter(db)

  // Runs inside the group's transaction (its own savepoint): check, expire and insert see one state.
  const start = (a: AttemptRecord, now: Date, allowed: number): AttemptRecord => {
    db.prepare(
      `UPDATE quiz_attempts SET status = 'expired', finished_at = deadline, answers = '[]', score = 0
      WHERE quiz_id = ? AND person_kind = ? AND person_id = ? AND status = 'open' AND deadline < ?`,
    ).run(a.quizId, a.personKind, a.personId, now.toISOString())
    const open = db
      .prepare(`SELECT id FROM quiz_attempts WHERE quiz_id = ? AND person_kind = ? AND person_id = ? AND status = 'open'`)
      .pluck()
      .get(a.quizId, a.personKind, a.personId) as string | undefined
    if (open) throw new StoreConflict('attempt_open', [{ path: 'attemptId', message: open }])
    const used = db
      .prepare('SELECT COUNT(*) FROM quiz_attempts WHERE quiz_id = ? AND person_kind = ? AND person_id = ?')
      .pluck()
      .get(a.quizId, a.personKind, a.personId) as number
    if (used >= allowed) throw new StoreConflict('attempts_used_up', [], { allowed })
    const stored = { ...a, number: used + 1 }
    translate(() => db.prepare(insertSql('quiz_attempts', ATTEMPT_COLUMNS)).run(attemptToRow(stored)))
    return stored
  }

  return {
    create(quiz, outbox = []) {
      return group.run(() =>
        translate(() => {
          db.prepare(insertSql('quizzes', QUIZ_COLUMNS)).run(quizToRow(quiz))
          writeOutbox(outbox)
          return quiz
        }),
      )
    },
    async get(id) {
      const row = db.prepare('SELECT * FROM quizzes WHERE id = ?').get(id)
      return row ? quizFromRow(row) : null
    },
    update(quiz, options) {
      return group.run(() => {
        const sets = QUIZ_COLUMNS.filter((c) => c !== 'id' && c !== 'created_by' && c !== 'created_at')
          .map((c) => `${c} = @${c}`)
          .join(', ')
        const unstarted = options?.unstarted ? ' AND NOT EXISTS (SELECT 1 FROM quiz_attempts WHERE quiz_id = @id)' : ''
        if (db.prepare(`UPDATE quizzes SET ${sets} WHERE id = @id${unstarted}`).run(quizToRow(quiz)).changes === 0) {
          if (unstarted && db.prepare('SELECT 1 FROM quizzes WHERE id = ?').get(quiz.id)) throw new StoreConflict('quiz_started', [], { frozen: 'draw' })
          throw new NotFoundError('知识竞赛不存在')
        }
        return quiz
      })
    },
    deleteDraft(id) {
      return group.run(() => {
        // A draft was never published, so nobody could have started it: its questions go with it.
        if (!db.prepare('SELECT 1 FROM quizzes WHERE id = ? AND draft = 1').get(id)) return false
        db.prepare('DELETE FROM quiz_questions WHERE quiz_id = ?').run(id)
        return db.prepare('DELETE FROM quizzes WHERE id = ? AND draft = 1').run(id).changes === 1
      })
    },
    async search(query) {
      const clauses: string[] = []
      const params: unknown[] = []
      if (query.scopeDistrictIds) {
        const scope = scopeClause(query.scopeDistrictIds)
        clauses.push(query.cityWide ? `(${scope.clause} OR scope_district_ids = '[]')` : scope.clause)
        params.push(...scope.params)
      }
      if (query.campaignId) clauses.push('campaign_id = ?') && params.push(query.campaignId)
      const after = afterCursorClause(query.cursor)
      if (after) {
        clauses.push(after.clause)
        params.push(...after.params)
      }
      const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''
      const rows = all(quizFromRow, `SELECT * FROM quizzes ${where} ORDER BY created_at DESC, id DESC ${limitSql(query.limit + 1)}`, ...params)
      return toPage(rows, query.limit, (q) => `${q.createdAt.toISOString()}|${q.id}`)
    },
    async openAt(now) {
      const t = now.toISOString()
      return all(quizFromRow, 'SELECT * FROM quizzes WHERE opens_at <= ? AND closes_at > ? AND draft = 0 ORDER BY closes_at, id', t, t)
    },
    async closedBetween(since, now) {
      return all(
        quizFromRow,
        'SELECT * FROM quizzes WHERE closes_at > ? AND closes_at <= ? AND draft = 0 ORDER BY closes_at DESC, id',
        since.toISOString(),
        now.toISOString(),
      )
    },
    addQuestions(questions) {
      // One savepoint for the whole list: a taken id undoes every insert of this call.
      return group.run(() =>
        translate(() => {
          const insert = db.prepare(insertSql('quiz_questions', QUESTION_COLUMNS))
          for (const q of questions) insert.run(questionToRow(q))
        }),
      )
    },
    updateQuestion(question, options) {
      return group.run(() => {
        const row = questionToRow(question)
        const unstarted = options?.unstarted ? ' AND NOT EXISTS (SELECT 1 FROM quiz_attempts WHERE quiz_id = @quiz_id)' : ''
        const changed = db
          .prepare(
            `UPDATE quiz_questions SET type = @type, stem = @stem, options = @options, answer = @answer, explanation = @explanation, points = @points, tags = @tags
          WHERE id = @id${unstarted}`,
          )
          .run({
            id: row.id,
            quiz_id: row.quiz_id,
            type: row.type,
            stem: row.stem,
            options: row.options,
            answer: row.answer,
            explanation: row.explanation,
            points: row.points,
            tags: row.tags,
          }).changes
        if (!changed && unstarted && db.prepare('SELECT 1 FROM quiz_questions WHERE id = ?').get(question.id)) throw quizStarted()
        if (!changed) throw new NotFoundError('题目不存在')
        return question
      })
    },
    async questions(quizId) {
      return all(questionFromRow, 'SELECT * FROM quiz_questions WHERE quiz_id = ? ORDER BY position, id', quizId)
    },
    async getQuestions(ids) {
      if (!ids.length) return []
      return all(questionFromRow, `SELECT * FROM quiz_questions WHERE id IN (${placeholders(ids.length)}) ORDER BY position, id`, ...ids)
    },
    startAttempt(attempt, now, allowed) {
      return group.run(() => start(attempt, now, allowed))
    },
    async getAttempt(id) {
      const row = db.prepare('SELECT * FROM quiz_attempts WHERE id = ?').get(id)
      return row ? attemptFromRow(row) : null
    },
    finishAttempt(id, o) {
      return group.run(
        () =>
          db
            .prepare(`UPDATE quiz_attempts SET status = ?, finished_at = ?, answers = ?, score = ? WHERE id = ? AND status = 'open'`)
            .run(o.status, o.finishedAt.toISOString(), JSON.stringify(o.answers), o.score, id).changes === 1,
      )
    },
    async attemptsOf(quizId, person) {
      return all(
        attemptFromRow,
        'SELECT * FROM quiz_attempts WHERE quiz_id = ? AND person_kind = ? AND person_id = ? ORDER BY number',
        quizId,
        person.kind,
        person.id,
      )
    },
    async attempts(quizId) {
      return all(attemptFromRow, 'SELECT * FROM quiz_attempts WHERE quiz_id = ? ORDER BY started_at, id', quizId)
    },
    async attemptHeads(quizIds, kind) {
      if (!quizIds.length) return []
      // Only the columns that judge a quiz owed: the papers (question ids, orders, answers) are most of a row.
      return all(
        (r) => {
          const row = r as { quiz_id: string; person_kind: AttemptRecord['personKind']; person_id: string; status: AttemptRecord['status']; deadline: string }
          return { quizId: row.quiz_id, personKind: row.person_kind, personId: row.person_id, status: row.status, deadline: new Date(row.deadline) }
        },
        `SELECT quiz_id, person_kind, person_id, status, deadline FROM quiz_attempts WHERE quiz_id IN (${placeholders(quizIds.length)}) AND person_kind = ?`,
        ...quizIds,
        kind,
      )
    },
  }
}
