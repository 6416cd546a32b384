import type { Connection, PipelineStage } from 'mongoose'
import type { OpinionOutcome } from '../../domain/survey.js'
import type { OpinionQuery, SurveyRepo } from '../survey-ports.js'
import { NotFoundError } from '../../errors.js'
import type { OpinionDoc, SurveyModels } from './survey-models.js'
import { translate } from './errors.js'
import { insertOutbox } from './outbox-repo.js'
import type { Models } from './models.js'
import { opinionFromDoc } from './survey-records.js'

type Filter = Record<string, unknown>
type OpinionMethods = Pick<SurveyRepo, 'opinions' | 'opinionTally' | 'opinionPage' | 'getOpinion' | 'decideOpinion'>

/**
 * The stages that keep a follower's part of a city-level consultation (OpinionQuery.within): an opinion
 * keeps its answer's station; one given at none is placed by its answer's district, looked up beside it
 * on the answers' key (sqlite's subquery), never by reading the answers' ids into the query.
 */
function withinPlaces({ stationIds, districtIds }: NonNullable<OpinionQuery['within']>, responses: string): PipelineStage[] {
  const atStation = { stationId: { $in: [...stationIds] } }
  if (!districtIds.length) return [{ $match: atStation }]
  return [
    { $match: { $or: [atStation, { stationId: null }] } },
    { $lookup: { from: responses, localField: 'responseId', foreignField: '_id', as: 'answer' } },
    { $match: { $or: [atStation, { stationId: null, answer: { $elemMatch: { stationId: null, districtId: { $in: [...districtIds] } } } }] } },
    { $project: { answer: 0 } },
  ]
}

/** A consultation's opinions: read by filter, counted, paged within a follower's places, and each decided with its notices. */
export function surveyOpinions(
  conn: Connection,
  { SurveyResponse, SurveyOpinion }: Pick<SurveyModels, 'SurveyResponse' | 'SurveyOpinion'>,
  { Outbox }: Pick<Models, 'Outbox'>,
): OpinionMethods {
  return {
    async opinions(surveyId, filter) {
      const f: Filter = { surveyId }
      if (filter.articleId) f.articleId = filter.articleId
      if (filter.outcome) f.outcome = filter.outcome
      // Compared with undefined, never by truth: an empty id must find nobody's opinions, not everyone's.
      if (filter.mpUserId !== undefined) f.mpUserId = filter.mpUserId
      return (await SurveyOpinion.find(f).sort({ createdAt: 1, _id: 1 }).lean<OpinionDoc[]>()).map(opinionFromDoc)
    },
    async opinionTally(surveyId) {
      const [counts, reasons] = await Promise.all([
        SurveyOpinion.aggregate<{ _id: { articleId: string; outcome: OpinionOutcome }; count: number }>([
          { $match: { surveyId } },
          { $group: { _id: { articleId: '$articleId', outcome: '$outcome' }, count: { $sum: 1 } } },
          { $sort: { '_id.articleId': 1, '_id.outcome': 1 } },
        ]),
        // Each reason where it was first given: the first of its group in the order the opinions came.
        SurveyOpinion.aggregate<{ _id: { articleId: string; outcome: OpinionOutcome; reason: string } }>([
          { $match: { surveyId, outcome: { $in: ['adopted', 'partly_adopted'] }, reason: { $nin: [null, ''] } } },
          { $sort: { createdAt: 1, _id: 1 } },
          {
            $group: {
              _id: { articleId: '$articleId', outcome: '$outcome', reason: '$reason' },
              firstAt: { $first: '$createdAt' },
              firstId: { $first: '$_id' },
            },
          },
          { $sort: { firstAt: 1, firstId: 1 } },
        ]),
      ])
      return {
        counts: counts.map((c) => ({ articleId: c._id.articleId, outcome: c._id.outcome, count: c.count })),
        reasons: reasons.map((r) => ({ articleId: r._id.articleId, outcome: r._id.outcome, reason: r._id.reason })),
      }
    },
    async opinionPage(surveyId, query) {
      const f: Filter = { surveyId }
      if (query.articleId) f.articleId = query.articleId
      if (query.outcome) f.outcome = query.outcome
      const placed = query.within ? withinPlaces(query.within, SurveyResponse.collection.collectionName) : []
      // The draft's order first (each opinion's article's place in it, one not listed after them), then oldest first.
      const order = query.articleOrder ?? []
      const place = { $indexOfArray: [order, '$articleId'] }
      const byArticle = order.length ? [{ $addFields: { articlePlace: { $cond: [{ $eq: [place, -1] }, order.length, place] } } }] : []
      // The page and the count in one aggregate (one snapshot), on the (surveyId, createdAt, _id) index.
      const [found] = await SurveyOpinion.aggregate<{ items: OpinionDoc[]; total: Array<{ n: number }> }>([
        { $match: f },
        ...byArticle,
        { $sort: order.length ? { articlePlace: 1, createdAt: 1, _id: 1 } : { createdAt: 1, _id: 1 } },
        ...placed,
        { $facet: { items: [{ $skip: query.offset }, { $limit: query.limit }], total: [{ $count: 'n' }] } },
      ])
      return { items: (found?.items ?? []).map(opinionFromDoc), total: found?.total[0]?.n ?? 0 }
    },
    async getOpinion(id) {
      const doc = await SurveyOpinion.findOne({ _id: id }).lean<OpinionDoc>()
      return doc ? opinionFromDoc(doc) : null
    },
    async decideOpinion(o, outbox) {
      await translate(() =>
        conn.transaction(async (session) => {
          const result = await SurveyOpinion.updateOne(
            { _id: o.id },
            { $set: { outcome: o.outcome, reason: o.reason, decidedBy: o.decidedBy, decidedAt: o.decidedAt } },
            { session },
          )
          if (result.matchedCount === 0) throw new NotFoundError('意见不存在')
          await insertOutbox(Outbox, outbox, session)
        }),
      )
      return o
    },
  }
}
