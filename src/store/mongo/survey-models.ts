import { Schema, type Connection, type Model } from 'mongoose'
import { createIndexes } from './indexes.js'
import type { Opinion, SurveyRecord, SurveyResponse } from '../../domain/survey.js'
import type { TallyRow } from '../../domain/survey-tally.js'
import type { TextAnswer } from '../survey-ports.js'

/**
 * Survey documents: the mongo side of sqlite's 010_surveys.sql. Surveys, responses and
 * opinions keep their own id as `_id`; tallies and text answers are unique on the keys
 * sqlite makes their primary keys.
 */
type Stored<T extends { id: string }> = Omit<T, 'id'> & { _id: string }
/** `uncountedAtClose`: the ballot's count fixed at its close, beside its rules (which `update` rewrites), never inside them. */
export type SurveyDoc = Stored<SurveyRecord> & { revision?: number; uncountedAtClose?: string[] | null; outcomePublishedAt?: Date | null }
/** `requestKey`: the keyed hash of the Idempotency-Key it was written with (sqlite's request_key), beside the response only. */
export type SurveyResponseDoc = Stored<SurveyResponse> & { requestKey?: string | null }
export type OpinionDoc = Stored<Opinion>
export type TallyDoc = TallyRow & { surveyId: string }
export type TextAnswerDoc = TextAnswer & { surveyId: string }

export interface SurveyModels {
  Survey: Model<SurveyDoc>
  SurveyResponse: Model<SurveyResponseDoc>
  SurveyTally: Model<TallyDoc>
  SurveyText: Model<TextAnswerDoc>
  SurveyOpinion: Model<OpinionDoc>
}

// The conventions of models.ts: no `required` validators, no version key, no `id` virtual;
// minimize: false keeps empty objects (answers, ballot rules) as written.
const options = { versionKey: false, id: false, minimize: false } as const
const mixed = { type: Schema.Types.Mixed, default: null }

export async function defineSurveyModels(conn: Connection): Promise<SurveyModels> {
  const survey = new Schema<SurveyDoc>(
    {
      _id: String,
      shortCode: String,
      kind: String,
      title: String,
      description: String,
      questions: mixed,
      articles: mixed,
      ballot: mixed,
      anonymous: Boolean,
      draft: { type: Boolean, default: false },
      opensAt: Date,
      closesAt: Date,
      responseCap: { type: Number, default: null },
      responseCount: { type: Number, default: 0 },
      // Moved by every update and when a 述职评议 takes the survey over (see survey-ports.ts).
      revision: { type: Number, default: 0 },
      districtIds: { type: [String], default: () => [] as string[] },
      audienceDeputyIds: { type: [String], default: undefined },
      // Written once by fixBallotCount alone: absent (null) until a ballot has closed.
      uncountedAtClose: { type: [String], default: undefined },
      // A consultation's 采纳情况 published: written once by publishOutcome alone (sqlite's 063).
      outcomePublishedAt: { type: Date, default: undefined },
      createdBy: String,
      createdAt: Date,
      updatedAt: Date,
    },
    options,
  )
  survey.index({ shortCode: 1 }, { unique: true })
  survey.index({ createdAt: -1, _id: -1 })
  survey.index({ closesAt: 1, _id: 1 })
  // The closed ballots still to be counted, asked each minute (sqlite's 053): ballots only, the uncounted (null) first.
  survey.index({ uncountedAtClose: 1, closesAt: 1 }, { partialFilterExpression: { kind: 'ballot' } })
  const response = new Schema<SurveyResponseDoc>(
    {
      _id: String,
      surveyId: String,
      respondentKey: String,
      mpUserId: String,
      deputyId: String,
      stationId: String,
      districtId: String,
      via: String,
      answers: mixed,
      comments: mixed,
      createdAt: Date,
      requestKey: String,
    },
    options,
  )
  response.index({ surveyId: 1, respondentKey: 1 }, { unique: true })
  response.index({ surveyId: 1, createdAt: 1, _id: 1 })
  // A person's named answers (a copy of their data, erasure): sqlite's survey_responses_mp_user.
  response.index({ mpUserId: 1 }, { partialFilterExpression: { mpUserId: { $type: 'string' } } })
  const tally = new Schema<TallyDoc>({ surveyId: String, scope: String, questionId: String, bucket: String, count: Number, sum: Number }, options)
  tally.index({ surveyId: 1, scope: 1, questionId: 1, bucket: 1 }, { unique: true })
  const text = new Schema<TextAnswerDoc>(
    {
      surveyId: String,
      questionId: String,
      responseId: String,
      text: String,
      stationId: String,
      districtId: String,
      createdAt: Date,
    },
    options,
  )
  text.index({ surveyId: 1, questionId: 1, responseId: 1 }, { unique: true })
  text.index({ surveyId: 1, questionId: 1, createdAt: -1, responseId: -1 })
  const opinion = new Schema<OpinionDoc>(
    {
      _id: String,
      surveyId: String,
      responseId: String,
      articleId: String,
      text: String,
      mpUserId: String,
      via: String,
      stationId: String,
      outcome: String,
      reason: String,
      decidedBy: String,
      decidedAt: Date,
      createdAt: Date,
    },
    options,
  )
  opinion.index({ surveyId: 1, articleId: 1, createdAt: 1 })
  // The console's 逐条意见, a page at a time, oldest first (sqlite's 063).
  opinion.index({ surveyId: 1, createdAt: 1, _id: 1 })
  opinion.index({ mpUserId: 1 }, { partialFilterExpression: { mpUserId: { $type: 'string' } } })
  const models: SurveyModels = {
    Survey: conn.model<SurveyDoc>('Survey', survey, 'surveys'),
    SurveyResponse: conn.model<SurveyResponseDoc>('SurveyResponse', response, 'survey_responses'),
    SurveyTally: conn.model<TallyDoc>('SurveyTally', tally, 'survey_tallies'),
    SurveyText: conn.model<TextAnswerDoc>('SurveyText', text, 'survey_text_answers'),
    SurveyOpinion: conn.model<OpinionDoc>('SurveyOpinion', opinion, 'survey_opinions'),
  }
  await createIndexes(models)
  return models
}
