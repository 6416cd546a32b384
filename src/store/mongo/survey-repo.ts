import type { Connection } from 'mongoose'
import type { SurveyRepo } from '../survey-ports.js'
import { decodeTimeCursor, timeCursorKey, toPage } from '../cursor.js'
import { NotFoundError } from '../../errors.js'
import { defineSurveyModels, type SurveyDoc, type SurveyResponseDoc, type TextAnswerDoc } from './survey-models.js'
import { isDuplicateKey, translate } from './errors.js'
import { escapeRegex } from './query.js'
import { insertOutbox } from './outbox-repo.js'
import type { Models } from './models.js'
import { StoreConflict } from '../conflicts.js'
import { plain, responseFromDoc, surveyFromDoc, surveyToDoc, textFromDoc } from './survey-records.js'
import { surveyOpinions } from './survey-opinion-repo.js'
import { ballotSecrecy } from './survey-ballot-secrecy.js'

type Filter = Record<string, unknown>

/** Someone answered between reading the survey and correcting it: what they answered stays. */
const frozen = () => new StoreConflict('survey_frozen')

export async function surveyRepo(conn: Connection, { Outbox }: Pick<Models, 'Outbox'>): Promise<SurveyRepo> {
  const models = await defineSurveyModels(conn)
  const { Survey, SurveyResponse, SurveyTally, SurveyText, SurveyOpinion } = models
  const one = async (filter: Filter) => {
    const doc = await Survey.findOne(filter).lean<SurveyDoc>()
    return doc ? surveyFromDoc(doc) : null
  }

  return {
    ...surveyOpinions(conn, models, { Outbox }),
    ...ballotSecrecy(conn, models),
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
    async ballotsToCount(now) {
      return (
        await Survey.find({ kind: 'ballot', uncountedAtClose: null, draft: { $ne: true }, closesAt: { $lte: now } })
          .sort({ closesAt: 1, _id: 1 })
          .lean<SurveyDoc[]>()
      ).map(surveyFromDoc)
    },
    async fixBallotCount(surveyId, uncounted, outbox = []) {
      // null matches a ballot with no such field: the first fix stands.
      const fix = { _id: surveyId, kind: 'ballot' as const, uncountedAtClose: null }
      if (!outbox.length) await Survey.updateOne(fix, { $set: { uncountedAtClose: [...uncounted] } })
      else
        await conn.transaction(async (session) => {
          // The messages go with the fix itself: a second fix (another instance, a read at the close) matches nothing and sends nothing.
          const { modifiedCount } = await Survey.updateOne(fix, { $set: { uncountedAtClose: [...uncounted] } }, { session })
          if (modifiedCount === 1) await insertOutbox(Outbox, outbox, session)
        })
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
  }
}
