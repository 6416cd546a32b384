import type { OpinionOutcome } from '../../domain/survey.js'
import { NotFoundError } from '../../errors.js'
import type { SurveyRepo } from '../survey-ports.js'
import { translate } from './errors.js'
import type { GroupCommit } from './group-commit.js'
import type { Db } from './open.js'
import { outboxWriter } from './outbox-writer.js'
import { conditions, placeholders } from './sql.js'
import { limitSql } from './sql-limit.js'
import { opinionFromRow } from './survey-rows.js'

/** A consultation's opinions (意见), article by article: read, counted for the public 采纳情况, decided. */
export function surveyOpinionsRepo(db: Db, group: GroupCommit): Pick<SurveyRepo, 'opinions' | 'opinionTally' | 'opinionPage' | 'getOpinion' | 'decideOpinion'> {
  const writeOutbox = outboxWriter(db)
  const decide = db.transaction((o: Parameters<SurveyRepo['decideOpinion']>[0], outbox: Parameters<SurveyRepo['decideOpinion']>[1]) => {
    const changed = db
      .prepare('UPDATE survey_opinions SET outcome = ?, reason = ?, decided_by = ?, decided_at = ? WHERE id = ?')
      .run(o.outcome, o.reason, o.decidedBy, o.decidedAt?.toISOString() ?? null, o.id).changes
    if (!changed) throw new NotFoundError('意见不存在')
    writeOutbox(outbox)
  })

  return {
    async opinions(surveyId, filter) {
      const where = conditions(['survey_id = ?'], [surveyId])
      if (filter.articleId) where.add('article_id = ?', filter.articleId)
      if (filter.outcome) where.add('outcome = ?', filter.outcome)
      // Compared with undefined, never by truth: an empty id must find nobody's opinions, not everyone's.
      if (filter.mpUserId !== undefined) where.add('mp_user_id = ?', filter.mpUserId)
      return db
        .prepare(`SELECT * FROM survey_opinions WHERE ${where.clauses.join(' AND ')} ORDER BY created_at, id`)
        .all(...where.params)
        .map(opinionFromRow)
    },
    async opinionTally(surveyId) {
      const counts = db
        .prepare('SELECT article_id, outcome, COUNT(*) AS n FROM survey_opinions WHERE survey_id = ? GROUP BY article_id, outcome ORDER BY article_id, outcome')
        .all(surveyId) as Array<{ article_id: string; outcome: OpinionOutcome; n: number }>
      // Each reason where it was first given: the first row of its group in the order the opinions came.
      const reasons = db
        .prepare(
          `SELECT article_id, outcome, reason FROM (
             SELECT article_id, outcome, reason, created_at, id,
                    ROW_NUMBER() OVER (PARTITION BY article_id, outcome, reason ORDER BY created_at, id) AS nth
               FROM survey_opinions
              WHERE survey_id = ? AND outcome IN ('adopted', 'partly_adopted') AND reason IS NOT NULL AND reason <> '')
            WHERE nth = 1 ORDER BY created_at, id`,
        )
        .all(surveyId) as Array<{ article_id: string; outcome: OpinionOutcome; reason: string }>
      return {
        counts: counts.map((r) => ({ articleId: r.article_id, outcome: r.outcome, count: r.n })),
        reasons: reasons.map((r) => ({ articleId: r.article_id, outcome: r.outcome, reason: r.reason })),
      }
    },
    async opinionPage(surveyId, query) {
      const where = conditions(['survey_id = ?'], [surveyId])
      if (query.articleId) where.add('article_id = ?', query.articleId)
      if (query.outcome) where.add('outcome = ?', query.outcome)
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
        where.add(parts.length ? `(${parts.join(' OR ')})` : '0', ...stationIds, ...(districtIds.length ? [surveyId, ...districtIds] : []))
      }
      const clause = where.clauses.join(' AND ')
      const total = db
        .prepare(`SELECT COUNT(*) FROM survey_opinions WHERE ${clause}`)
        .pluck()
        .get(...where.params) as number
      // The draft's order first (a CASE over its article ids, the place of each bound), then oldest first.
      const order = query.articleOrder ?? []
      const byArticle = order.length ? `CASE article_id ${order.map(() => 'WHEN ? THEN ?').join(' ')} ELSE ? END, ` : ''
      const orderParams = order.length ? [...order.flatMap((id, i) => [id, i]), order.length] : []
      const items = db
        .prepare(`SELECT * FROM survey_opinions WHERE ${clause} ORDER BY ${byArticle}created_at, id ${limitSql(query.limit)} OFFSET ?`)
        .all(...where.params, ...orderParams, query.offset)
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
  }
}
