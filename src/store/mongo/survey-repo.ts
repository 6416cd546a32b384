import type { Connection, PipelineStage } from 'mongoose'
import type { Opinion, OpinionOutcome, SurveyRecord, SurveyResponse } from '../../domain/survey.js'
import type { OpinionQuery, SurveyRepo, TextAnswer } from '../survey-ports.js'
import { decodeTimeCursor, timeCursorKey, toPage } from '../cursor.js'
import { NotFoundError } from '../../errors.js'
import { defineSurveyModels, type OpinionDoc, type SurveyDoc, type SurveyResponseDoc, type TextAnswerDoc } from './survey-models.js'
import { isDuplicateKey, translate } from './errors.js'
import { escapeRegex } from './query.js'
import { insertOutbox } from './outbox-repo.js'
import type { Models } from './models.js'
import { StoreConflict } from '../conflicts.js'

type Filter = Record<string, unknown>
const date = (v: Date | null | undefined) => (v == null ? null : new Date(v))
// Mixed fields come back as stored: a JSON round trip makes plain copies with no driver types in them.
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v ?? null))

/** A ballot's rules as its document keeps them: the count fixed at its close is a field of its own (uncountedAtClose). */
const ballotRules = ({ uncountedAtClose: _, ...rules }: NonNullable<SurveyRecord['ballot']>) => rules

// Every field picked by name, so no `_id` or stray field leaks out.
const surveyToDoc = (s: SurveyRecord): Omit<SurveyDoc, 'responseCount'> => ({
  _id: s.id,
  shortCode: s.shortCode,
  kind: s.kind,
  title: s.title,
  description: s.description,
  questions: plain(s.questions),
  articles: plain(s.articles),
  ballot: s.ballot ? plain(ballotRules(s.ballot)) : null,
  anonymous: s.anonymous,
  opensAt: s.opensAt,
  closesAt: s.closesAt,
  responseCap: s.responseCap,
  districtIds: [...s.districtIds],
  createdBy: s.createdBy,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
  draft: s.draft,
  audienceDeputyIds: s.audienceDeputyIds ? [...s.audienceDeputyIds] : null,
})
const surveyFromDoc = (d: SurveyDoc): SurveyRecord => ({
  id: d._id,
  shortCode: d.shortCode,
  kind: d.kind,
  title: d.title,
  description: d.description,
  questions: plain(d.questions),
  articles: plain(d.articles ?? []),
  ballot: d.ballot ? { ...plain(d.ballot), ...(Array.isArray(d.uncountedAtClose) ? { uncountedAtClose: [...d.uncountedAtClose] } : {}) } : null,
  anonymous: d.anonymous === true,
  opensAt: new Date(d.opensAt),
  closesAt: new Date(d.closesAt),
  responseCap: d.responseCap ?? null,
  responseCount: d.responseCount ?? 0,
  districtIds: [...(d.districtIds ?? [])],
  createdBy: d.createdBy,
  createdAt: new Date(d.createdAt),
  updatedAt: new Date(d.updatedAt),
  draft: d.draft === true,
  audienceDeputyIds: Array.isArray(d.audienceDeputyIds) ? [...d.audienceDeputyIds] : null,
  ...(d.outcomePublishedAt ? { outcomePublishedAt: new Date(d.outcomePublishedAt) } : {}),
})
const responseFromDoc = (d: SurveyResponseDoc): SurveyResponse => ({
  id: d._id,
  surveyId: d.surveyId,
  respondentKey: d.respondentKey,
  mpUserId: d.mpUserId ?? null,
  deputyId: d.deputyId ?? null,
  stationId: d.stationId ?? null,
  districtId: d.districtId ?? null,
  via: d.via ?? null,
  answers: plain(d.answers),
  comments: plain(d.comments ?? []),
  createdAt: new Date(d.createdAt),
})
const textFromDoc = (d: TextAnswerDoc): TextAnswer => ({
  responseId: d.responseId,
  questionId: d.questionId,
  text: d.text,
  stationId: d.stationId ?? null,
  districtId: d.districtId ?? null,
  createdAt: new Date(d.createdAt),
})
const opinionFromDoc = (d: OpinionDoc): Opinion => ({
  id: d._id,
  surveyId: d.surveyId,
  responseId: d.responseId,
  articleId: d.articleId,
  text: d.text,
  mpUserId: d.mpUserId ?? null,
  via: d.via ?? null,
  stationId: d.stationId ?? null,
  outcome: d.outcome,
  reason: d.reason ?? null,
  decidedBy: d.decidedBy ?? null,
  decidedAt: date(d.decidedAt),
  createdAt: new Date(d.createdAt),
})

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

/** Someone answered between reading the survey and correcting it: what they answered stays. */
const frozen = () => new StoreConflict('survey_frozen')

export async function surveyRepo(conn: Connection, { Outbox }: Pick<Models, 'Outbox'>): Promise<SurveyRepo> {
  const { Survey, SurveyResponse, SurveyTally, SurveyText, SurveyOpinion } = await defineSurveyModels(conn)
  const one = async (filter: Filter) => {
    const doc = await Survey.findOne(filter).lean<SurveyDoc>()
    return doc ? surveyFromDoc(doc) : null
  }

  return {
    async create(survey, outbox = []) {
      await translate(() =>
        conn.transaction(async (session) => {
          await Survey.insertMany([{ ...surveyToDoc(survey), responseCount: 0 }], { session })
          await insertOutbox(Outbox, outbox, session)
        }),
      )
      return { ...survey, responseCount: 0 }
    },
    get: (id) => one({ _id: id }),
    getByShortCode: (shortCode) => one({ shortCode }),
    async forRespondent(ref) {
      const filter = 'id' in ref ? { _id: ref.id } : { shortCode: ref.shortCode }
      const doc = await Survey.findOne(filter).lean<SurveyDoc>()
      if (!doc) return null
      // A 述职评议 is keyed by its survey's id (record-repos.ts).
      const appraisal = await conn.collection('record_appraisals').findOne({ _id: doc._id as never }, { projection: { _id: 1 } })
      return { survey: surveyFromDoc(doc), appraisal: appraisal !== null, revision: doc.revision ?? 0 }
    },
    async update(survey, options) {
      const { _id, ...fields } = surveyToDoc(survey)
      const doc = await Survey.findOneAndUpdate(
        { _id, ...(options?.unanswered ? { responseCount: 0 } : {}) },
        { $set: fields, $inc: { revision: 1 } },
        { returnDocument: 'after' },
      ).lean<SurveyDoc>()
      if (!doc && options?.unanswered && (await Survey.exists({ _id }))) throw frozen()
      if (!doc) throw new NotFoundError('问卷不存在')
      return surveyFromDoc(doc)
    },
    async search(query) {
      const clauses: Filter[] = []
      if (query.visibleTo) {
        clauses.push({
          $or: [{ districtIds: { $in: query.visibleTo.districtIds } }, ...(query.visibleTo.cityWide ? [{ districtIds: { $size: 0 } }] : [])],
        })
      }
      if (query.kind) clauses.push({ kind: query.kind })
      const after = decodeTimeCursor(query.cursor)
      if (after) clauses.push({ $or: [{ createdAt: { $lt: after.at } }, { createdAt: after.at, _id: { $lt: after.id } }] })
      const docs = await Survey.find(clauses.length ? { $and: clauses } : {})
        .sort({ createdAt: -1, _id: -1 })
        .limit(query.limit + 1)
        .lean<SurveyDoc[]>()
      return toPage(docs.map(surveyFromDoc), query.limit, (s) => timeCursorKey(s.createdAt, s.id))
    },
    async openAt(now) {
      const open = await Survey.find({ opensAt: { $lte: now }, closesAt: { $gt: now }, draft: { $ne: true } })
        .sort({ closesAt: 1, _id: 1 })
        .lean<SurveyDoc[]>()
      if (!open.length) return []
      // A 述职评议 is asked of one area's residents only, through its own page: never a task for all.
      // Appraisals are keyed by their survey's id (record-repos.ts): one $in on the primary key.
      const appraised = await conn
        .collection('record_appraisals')
        .find({ _id: { $in: open.map((d) => d._id) as never[] } }, { projection: { _id: 1 } })
        .toArray()
      const skip = new Set(appraised.map((a) => String(a._id)))
      return open.filter((d) => !skip.has(String(d._id))).map(surveyFromDoc)
    },
    async respond({ response: r, increments, texts, opinions, revision, requestKey }) {
      try {
        await conn.transaction(async (session) => {
          if (await SurveyResponse.exists({ surveyId: r.surveyId, respondentKey: r.respondentKey }).session(session)) {
            throw new StoreConflict('already_responded')
          }
          const { id, ...rest } = r
          await SurveyResponse.insertMany([{ _id: id, ...plain(rest), createdAt: r.createdAt, requestKey: requestKey ?? null }], { session })
          if (texts.length)
            await SurveyText.insertMany(
              texts.map((t) => ({ ...t, surveyId: r.surveyId })),
              { session },
            )
          if (opinions.length)
            await SurveyOpinion.insertMany(
              opinions.map(({ id: oid, ...o }) => ({ _id: oid, ...o })),
              { session },
            )
          // The survey's count and its tallies are what every response writes: written last, so
          // each transaction holds them briefly and a burst after a QR poster goes up does not
          // serialise (and abort) on them. A response refused here rolls back with the rest.
          // The cap is checked and the count bumped in one update: two last responses cannot both pass.
          const counted = await Survey.updateOne(
            {
              _id: r.surveyId,
              $or: [{ responseCap: null }, { $expr: { $lt: ['$responseCount', '$responseCap'] } }],
              // Surveys stored before revisions were kept have none: that is revision 0.
              ...(revision === undefined ? {} : { revision: revision === 0 ? { $in: [0, null] } : revision }),
            },
            { $inc: { responseCount: 1 } },
            { session },
          )
          if (counted.matchedCount === 0) {
            const now = await Survey.findById(r.surveyId, { revision: 1 }).session(session).lean<SurveyDoc>()
            if (!now) throw new NotFoundError('问卷不存在')
            if (revision !== undefined && (now.revision ?? 0) !== revision) throw new StoreConflict('stale_survey')
            throw new StoreConflict('response_cap_reached')
          }
          if (increments.length) {
            await SurveyTally.bulkWrite(
              increments.map((i) => ({
                updateOne: {
                  filter: { surveyId: r.surveyId, scope: i.scope, questionId: i.questionId, bucket: i.bucket },
                  update: { $inc: { count: i.count, sum: i.sum } },
                  upsert: true,
                },
              })),
              { session },
            )
          }
        })
      } catch (err) {
        // Two first responses racing: the unique key decides, as it does in sqlite.
        if (isDuplicateKey(err)) throw new StoreConflict('already_responded')
        throw err
      }
      return r
    },
    async hasResponded(surveyId, respondentKey) {
      return !!(await SurveyResponse.exists({ surveyId, respondentKey }))
    },
    async answerOf(surveyId, respondentKey) {
      const d = await SurveyResponse.findOne({ surveyId, respondentKey }).lean<SurveyResponseDoc>()
      return d ? { response: responseFromDoc(d), requestKey: d.requestKey ?? null } : null
    },
    async tallies(surveyId, scope) {
      const docs = await SurveyTally.find({ surveyId, scope }).lean()
      return docs.map((d) => ({ scope: d.scope, questionId: d.questionId, bucket: d.bucket, count: d.count, sum: d.sum }))
    },
    async textAnswers(surveyId, query) {
      const filter: Filter = { surveyId, questionId: query.questionId }
      if (query.q) filter.text = { $regex: escapeRegex(query.q) }
      if (query.stationId) filter.stationId = query.stationId
      if (query.districtId) filter.districtId = query.districtId
      const any = [
        ...(query.stationIds ? [{ stationId: { $in: [...query.stationIds] } }] : []),
        ...(query.districtIds ? [{ districtId: { $in: [...query.districtIds] } }] : []),
      ]
      if (any.length) filter.$and = any
      const after = decodeTimeCursor(query.cursor)
      if (after) filter.$or = [{ createdAt: { $lt: after.at } }, { createdAt: after.at, responseId: { $lt: after.id } }]
      const docs = await SurveyText.find(filter)
        .sort({ createdAt: -1, responseId: -1 })
        .limit(query.limit + 1)
        .lean<TextAnswerDoc[]>()
      return toPage(docs.map(textFromDoc), query.limit, (t) => timeCursorKey(t.createdAt, t.responseId))
    },
    async responses(surveyId) {
      return (await SurveyResponse.find({ surveyId }).sort({ createdAt: 1, _id: 1 }).lean<SurveyResponseDoc[]>()).map(responseFromDoc)
    },
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
      // The page and the count in one aggregate (one snapshot), on the (surveyId, createdAt, _id) index.
      const [found] = await SurveyOpinion.aggregate<{ items: OpinionDoc[]; total: Array<{ n: number }> }>([
        { $match: f },
        { $sort: { createdAt: 1, _id: 1 } },
        ...placed,
        { $facet: { items: [{ $skip: query.offset }, { $limit: query.limit }], total: [{ $count: 'n' }] } },
      ])
      return { items: (found?.items ?? []).map(opinionFromDoc), total: found?.total[0]?.n ?? 0 }
    },
    async getOpinion(id) {
      const doc = await SurveyOpinion.findOne({ _id: id }).lean<OpinionDoc>()
      return doc ? opinionFromDoc(doc) : null
    },
    async sealBallots(secretKey) {
      let votes = 0
      const named = await Survey.find({ kind: 'ballot', anonymous: { $ne: true } }, { _id: 1, opensAt: 1 }).lean<SurveyDoc[]>()
      for (const b of named) {
        await conn.transaction(async (session) => {
          const rows = await SurveyResponse.find({ surveyId: b._id }, { _id: 1, respondentKey: 1 }).session(session).lean<SurveyResponseDoc[]>()
          const writes = rows.map((r) => ({
            updateOne: {
              filter: { _id: r._id },
              update: {
                $set: {
                  respondentKey: r.respondentKey.startsWith('h:') ? r.respondentKey : secretKey(b._id, r.respondentKey),
                  mpUserId: null,
                  deputyId: null,
                  stationId: null,
                  districtId: null,
                  via: null,
                  createdAt: b.opensAt,
                },
              },
            },
          }))
          if (writes.length) votes += (await SurveyResponse.bulkWrite(writes, { session })).modifiedCount
          await SurveyTally.deleteMany({ surveyId: b._id, scope: { $ne: '' } }, { session })
          await Survey.updateOne({ _id: b._id }, { $set: { anonymous: true }, $inc: { revision: 1 } }, { session })
        })
      }
      return votes
    },
    async scrubBallotVotes(newId) {
      let votes = 0
      const ballots = await Survey.find({ kind: 'ballot' }, { _id: 1, opensAt: 1 }).lean<SurveyDoc[]>()
      for (const b of ballots) {
        await conn.transaction(async (session) => {
          const rows = await SurveyResponse.find({ surveyId: b._id }).session(session).lean<SurveyResponseDoc[]>()
          // Inserted again in the order of their new ids: the collection's natural order followed the order they were cast.
          const renamed = rows.map((r) => ({ r, next: newId() })).sort((x, y) => (x.next < y.next ? -1 : 1))
          // Removed before the new ones go in: the unique (surveyId, respondentKey) holds at every step.
          await SurveyResponse.deleteMany({ surveyId: b._id }, { session })
          if (renamed.length)
            await SurveyResponse.insertMany(
              renamed.map(({ r, next }) => ({
                _id: next,
                surveyId: b._id,
                respondentKey: r.respondentKey,
                mpUserId: null,
                deputyId: null,
                stationId: null,
                districtId: null,
                via: null,
                answers: plain(r.answers),
                comments: plain(r.comments ?? []),
                createdAt: b.opensAt,
              })),
              { session },
            )
          // A ballot has neither text answers nor opinions; were there any, they follow their vote.
          const moves = (extra: Filter) =>
            renamed.map(({ r, next }) => ({
              updateMany: {
                filter: { surveyId: b._id, responseId: r._id },
                update: { $set: { responseId: next, stationId: null, createdAt: b.opensAt, ...extra } },
              },
            }))
          if (renamed.length && (await SurveyText.exists({ surveyId: b._id }).session(session)))
            await SurveyText.bulkWrite(moves({ districtId: null }), { session })
          if (renamed.length && (await SurveyOpinion.exists({ surveyId: b._id }).session(session)))
            await SurveyOpinion.bulkWrite(moves({ mpUserId: null, via: null }), { session })
          await SurveyTally.deleteMany({ surveyId: b._id, scope: { $ne: '' } }, { session })
          votes += renamed.length
        })
      }
      return votes
    },
    async ballotsToCount(now) {
      return (
        await Survey.find({ kind: 'ballot', uncountedAtClose: null, draft: { $ne: true }, closesAt: { $lte: now } })
          .sort({ closesAt: 1, _id: 1 })
          .lean<SurveyDoc[]>()
      ).map(surveyFromDoc)
    },
    async fixBallotCount(surveyId, uncounted) {
      // null matches a ballot with no such field: the first fix stands.
      await Survey.updateOne({ _id: surveyId, kind: 'ballot', uncountedAtClose: null }, { $set: { uncountedAtClose: [...uncounted] } })
      const doc = await Survey.findOne({ _id: surveyId, kind: 'ballot' }).lean<SurveyDoc>()
      if (!doc) throw new NotFoundError('票决不存在')
      return surveyFromDoc(doc)
    },
    async publishOutcome(surveyId, at) {
      // null matches a consultation with no such field: the first publishing stands.
      await Survey.updateOne({ _id: surveyId, kind: 'consultation', outcomePublishedAt: null }, { $set: { outcomePublishedAt: at } })
      const doc = await Survey.findOne({ _id: surveyId, kind: 'consultation' }).lean<SurveyDoc>()
      if (!doc) throw new NotFoundError('征求意见不存在')
      return surveyFromDoc(doc)
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
