import Database from 'better-sqlite3'
import type { Db } from './open.js'
import type { SurveyRepo, SurveySubmission } from '../survey-ports.js'
import { decodeTimeCursor, timeCursorKey, toPage } from '../cursor.js'
import { NotFoundError } from '../../errors.js'
import { translate } from './errors.js'
import type { GroupCommit } from './group-commit.js'
import { opinionFromRow, responseFromRow, SURVEY_COLUMNS, surveyFromRow, surveyToRow, textFromRow } from './survey-rows.js'
import { placeholders } from './sql.js'
import { outboxWriter } from './outbox-writer.js'
import { StoreConflict } from '../conflicts.js'
import { limitSql } from './sql-limit.js'
import { mergeIncrements, type TallyIncrement } from '../../domain/survey-tally.js'

/** Someone answered between reading the survey and correcting it: what they answered stays. */
const frozen = () => new StoreConflict('survey_frozen')

// The survey and whether a 述职评议 owns it, in one statement: each answer reads both.
const FOR_RESPONDENT = 'SELECT s.*, EXISTS (SELECT 1 FROM record_appraisals a WHERE a.survey_id = s.id) AS appraisal FROM surveys s'
const FOR_RESPONDENT_BY_ID = `${FOR_RESPONDENT} WHERE s.id = ?`
const FOR_RESPONDENT_BY_CODE = `${FOR_RESPONDENT} WHERE s.short_code = ?`

const isConstraint = (err: unknown, code: string, column = ''): boolean =>
  err instanceof Database.SqliteError && err.code === code && err.message.includes(column)

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
  // The cap (and the revision the answer was judged on) checked and the count bumped in one
  // statement: two last responses cannot both pass, nor one judged on a survey since changed.
  const countOne = db.prepare(
    'UPDATE surveys SET response_count = response_count + 1 WHERE id = @id AND (response_cap IS NULL OR response_count < response_cap) AND (@revision IS NULL OR revision = @revision)',
  )
  const revisionOf = db.prepare('SELECT revision FROM surveys WHERE id = ?').pluck()
  const insertResponse =
    db.prepare(`INSERT INTO survey_responses (id, survey_id, respondent_key, mp_user_id, deputy_id, station_id, district_id, via, answers, comments, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const bump = db.prepare(`INSERT INTO survey_tallies (survey_id, scope, question_id, bucket, count, sum) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (survey_id, scope, question_id, bucket) DO UPDATE SET count = count + excluded.count, sum = sum + excluded.sum`)
  const insertText = db.prepare(`INSERT INTO survey_text_answers (survey_id, question_id, response_id, text, station_id, district_id, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  const insertOpinion = db.prepare(`INSERT INTO survey_opinions (id, survey_id, response_id, article_id, text, mp_user_id, via, station_id, outcome, reason,
    decided_by, decided_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const answered = db.prepare('SELECT 1 FROM survey_responses WHERE survey_id = ? AND respondent_key = ?')
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
  const writeOutbox = outboxWriter(db)

  /**
   * One response and what it adds. Run only through `group.run`, whose savepoint around each
   * write undoes all of it when any step throws: no transaction of its own (a nested savepoint
   * per answer). The response goes in first, so its unique key answers "already responded"
   * before the cap is looked at, as a separate check used to; the cap is checked and the count
   * bumped in one statement, so two last responses cannot both pass.
   */
  const respond = (s: SurveySubmission) => {
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
      )
    } catch (err) {
      if (isConstraint(err, 'SQLITE_CONSTRAINT_UNIQUE', 'survey_responses.respondent_key')) throw new StoreConflict('already_responded')
      if (isConstraint(err, 'SQLITE_CONSTRAINT_FOREIGNKEY')) throw new NotFoundError('问卷不存在')
      throw err
    }
    if (countOne.run({ id: r.surveyId, revision: s.revision ?? null }).changes === 0) {
      if (s.revision !== undefined && revisionOf.get(r.surveyId) !== s.revision) throw new StoreConflict('stale_survey')
      throw new StoreConflict('response_cap_reached')
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
  }

  const decide = db.transaction((o: Parameters<SurveyRepo['decideOpinion']>[0], outbox: Parameters<SurveyRepo['decideOpinion']>[1]) => {
    const changed = db
      .prepare('UPDATE survey_opinions SET outcome = ?, reason = ?, decided_by = ?, decided_at = ? WHERE id = ?')
      .run(o.outcome, o.reason, o.decidedBy, o.decidedAt?.toISOString() ?? null, o.id).changes
    if (!changed) throw new NotFoundError('意见不存在')
    writeOutbox(outbox)
  })

  const seal = db.transaction((secretKey: (surveyId: string, respondentKey: string) => string) => {
    const named = db.prepare("SELECT id, opens_at FROM surveys WHERE kind = 'ballot' AND anonymous = 0").all() as Array<{ id: string; opens_at: string }>
    const rekey = db.prepare(
      'UPDATE survey_responses SET respondent_key = ?, mp_user_id = NULL, deputy_id = NULL, station_id = NULL, district_id = NULL, via = NULL, created_at = ? WHERE id = ?',
    )
    let votes = 0
    for (const b of named) {
      const rows = db.prepare('SELECT id, respondent_key FROM survey_responses WHERE survey_id = ?').all(b.id) as Array<{ id: string; respondent_key: string }>
      for (const r of rows)
        votes += rekey.run(r.respondent_key.startsWith('h:') ? r.respondent_key : secretKey(b.id, r.respondent_key), b.opens_at, r.id).changes
      db.prepare("DELETE FROM survey_tallies WHERE survey_id = ? AND scope <> ''").run(b.id)
      db.prepare('UPDATE surveys SET anonymous = 1, revision = revision + 1 WHERE id = ?').run(b.id)
    }
    return votes
  })

  const scrub = db.transaction((newId: () => string) => {
    const ballots = db.prepare("SELECT id, opens_at FROM surveys WHERE kind = 'ballot'").all() as Array<{ id: string; opens_at: string }>
    const votesOf = db.prepare('SELECT * FROM survey_responses WHERE survey_id = ?')
    // The old row steps aside from the unique key for the moment its new one is written, so the
    // answers and opinions that point at it move over with no foreign key ever broken.
    const stepAside = db.prepare("UPDATE survey_responses SET respondent_key = '~' || id WHERE id = ?")
    const rewrite = db.prepare(
      'INSERT INTO survey_responses (id, survey_id, respondent_key, mp_user_id, deputy_id, station_id, district_id, via, answers, comments, created_at) VALUES (?, ?, ?, NULL, NULL, NULL, NULL, NULL, ?, ?, ?)',
    )
    const moveTexts = db.prepare('UPDATE survey_text_answers SET response_id = ?, station_id = NULL, district_id = NULL, created_at = ? WHERE response_id = ?')
    const moveOpinions = db.prepare(
      'UPDATE survey_opinions SET response_id = ?, mp_user_id = NULL, via = NULL, station_id = NULL, created_at = ? WHERE response_id = ?',
    )
    const drop = db.prepare('DELETE FROM survey_responses WHERE id = ?')
    let votes = 0
    for (const b of ballots) {
      const renamed = (votesOf.all(b.id) as Array<{ id: string; respondent_key: string; answers: string; comments: string }>)
        .map((r) => ({ ...r, next: newId() }))
        .sort((x, y) => (x.next < y.next ? -1 : 1))
      // Written again in the order of their new ids: the table's own row order (rowid) followed the order they were cast.
      for (const r of renamed) {
        stepAside.run(r.id)
        rewrite.run(r.next, b.id, r.respondent_key, r.answers, r.comments, b.opens_at)
        moveTexts.run(r.next, b.opens_at, r.id)
        moveOpinions.run(r.next, b.opens_at, r.id)
        drop.run(r.id)
        votes++
      }
      db.prepare("DELETE FROM survey_tallies WHERE survey_id = ? AND scope <> ''").run(b.id)
    }
    return votes
  })
  const fixCount = db.prepare("UPDATE surveys SET uncounted_at_close = ? WHERE id = ? AND kind = 'ballot' AND uncounted_at_close IS NULL")
  const markPublished = db.prepare("UPDATE surveys SET outcome_published_at = ? WHERE id = ? AND kind = 'consultation' AND outcome_published_at IS NULL")

  const one = (sql: string, ...params: unknown[]) => {
    const row = db.prepare(sql).get(...params)
    return row ? surveyFromRow(row) : null
  }

  return {
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
      const clauses: string[] = []
      const params: unknown[] = []
      if (query.visibleTo) {
        const ids = query.visibleTo.districtIds
        const seen = [
          ...(ids.length ? [`EXISTS (SELECT 1 FROM json_each(district_ids) WHERE value IN (${placeholders(ids.length)}))`] : []),
          ...(query.visibleTo.cityWide ? [`district_ids = '[]'`] : []),
        ]
        clauses.push(seen.length ? `(${seen.join(' OR ')})` : '0')
        params.push(...ids)
      }
      if (query.kind) clauses.push('kind = ?') && params.push(query.kind)
      const after = decodeTimeCursor(query.cursor)
      if (after) clauses.push('(created_at < ? OR (created_at = ? AND id < ?))') && params.push(after.key, after.key, after.id)
      const rows = db
        .prepare(
          `SELECT * FROM surveys ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC ${limitSql(query.limit + 1)}`,
        )
        .all(...params)
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
    async respond(submission) {
      await group.run(() => translate(() => respond(submission)))
      return submission.response
    },
    async hasResponded(surveyId, respondentKey) {
      return !!answered.get(surveyId, respondentKey)
    },
    async tallies(surveyId, scope) {
      return (
        db.prepare('SELECT scope, question_id, bucket, count, sum FROM survey_tallies WHERE survey_id = ? AND scope = ?').all(surveyId, scope) as Array<
          Record<string, never>
        >
      ).map((r) => ({ scope: r.scope, questionId: r.question_id, bucket: r.bucket, count: r.count, sum: r.sum }))
    },
    async textAnswers(surveyId, query) {
      const clauses = ['survey_id = ?', 'question_id = ?']
      const params: unknown[] = [surveyId, query.questionId]
      if (query.q) clauses.push('instr(text, ?) > 0') && params.push(query.q)
      if (query.stationId) clauses.push('station_id = ?') && params.push(query.stationId)
      if (query.districtId) clauses.push('district_id = ?') && params.push(query.districtId)
      if (query.stationIds)
        clauses.push(query.stationIds.length ? `station_id IN (${placeholders(query.stationIds.length)})` : '0') && params.push(...query.stationIds)
      if (query.districtIds)
        clauses.push(query.districtIds.length ? `district_id IN (${placeholders(query.districtIds.length)})` : '0') && params.push(...query.districtIds)
      const after = decodeTimeCursor(query.cursor)
      if (after) clauses.push('(created_at < ? OR (created_at = ? AND response_id < ?))') && params.push(after.key, after.key, after.id)
      const rows = db
        .prepare(`SELECT * FROM survey_text_answers WHERE ${clauses.join(' AND ')} ORDER BY created_at DESC, response_id DESC ${limitSql(query.limit + 1)}`)
        .all(...params)
        .map(textFromRow)
      return toPage(rows, query.limit, (t) => timeCursorKey(t.createdAt, t.responseId))
    },
    async responses(surveyId) {
      return db.prepare('SELECT * FROM survey_responses WHERE survey_id = ? ORDER BY created_at, id').all(surveyId).map(responseFromRow)
    },
    async opinions(surveyId, filter) {
      const clauses = ['survey_id = ?']
      const params: unknown[] = [surveyId]
      if (filter.articleId) clauses.push('article_id = ?') && params.push(filter.articleId)
      if (filter.outcome) clauses.push('outcome = ?') && params.push(filter.outcome)
      return db
        .prepare(`SELECT * FROM survey_opinions WHERE ${clauses.join(' AND ')} ORDER BY created_at, id`)
        .all(...params)
        .map(opinionFromRow)
    },
    async opinionPage(surveyId, query) {
      const clauses = ['survey_id = ?']
      const params: unknown[] = [surveyId]
      if (query.articleId) clauses.push('article_id = ?') && params.push(query.articleId)
      if (query.outcome) clauses.push('outcome = ?') && params.push(query.outcome)
      if (query.within) {
        const { stationIds, districtIds } = query.within
        // An opinion keeps its answer's station; one given at none is placed by its answer's district.
        const parts = [
          ...(stationIds.length ? [`station_id IN (${placeholders(stationIds.length)})`] : []),
          ...(districtIds.length
            ? [
                `(station_id IS NULL AND response_id IN (SELECT id FROM survey_responses WHERE survey_id = ? AND station_id IS NULL AND district_id IN (${placeholders(districtIds.length)})))`,
              ]
            : []),
        ]
        clauses.push(parts.length ? `(${parts.join(' OR ')})` : '0')
        params.push(...stationIds, ...(districtIds.length ? [surveyId, ...districtIds] : []))
      }
      const where = clauses.join(' AND ')
      const total = db
        .prepare(`SELECT COUNT(*) FROM survey_opinions WHERE ${where}`)
        .pluck()
        .get(...params) as number
      const items = db
        .prepare(`SELECT * FROM survey_opinions WHERE ${where} ORDER BY created_at, id ${limitSql(query.limit)} OFFSET ?`)
        .all(...params, query.offset)
        .map(opinionFromRow)
      return { items, total }
    },
    async getOpinion(id) {
      const row = db.prepare('SELECT * FROM survey_opinions WHERE id = ?').get(id)
      return row ? opinionFromRow(row) : null
    },
    async decideOpinion(opinion, outbox) {
      await group.run(() => translate(() => decide(opinion, outbox)))
      return opinion
    },
    async sealBallots(secretKey) {
      return group.run(() => seal(secretKey))
    },
    async scrubBallotVotes(newId) {
      return group.run(() => scrub(newId))
    },
    async ballotsToCount(now) {
      return db
        .prepare("SELECT * FROM surveys WHERE kind = 'ballot' AND uncounted_at_close IS NULL AND draft = 0 AND closes_at <= ? ORDER BY closes_at, id")
        .all(now.toISOString())
        .map(surveyFromRow)
    },
    async fixBallotCount(surveyId, uncounted) {
      await group.run(() => fixCount.run(JSON.stringify(uncounted), surveyId))
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
