import type { Opinion, SurveyRecord, SurveyResponse } from '../../domain/survey.js'
import type { TextAnswer } from '../survey-ports.js'
import type { OpinionDoc, SurveyDoc, SurveyResponseDoc, TextAnswerDoc } from './survey-models.js'

/** Surveys, answers, text answers and opinions between their documents and the plain records the port returns. */

export const date = (v: Date | null | undefined) => (v == null ? null : new Date(v))
// Mixed fields come back as stored: a JSON round trip makes plain copies with no driver types in them.
export const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v ?? null))

/** A ballot's rules as its document keeps them: the count fixed at its close is a field of its own (uncountedAtClose). */
export const ballotRules = ({ uncountedAtClose: _, ...rules }: NonNullable<SurveyRecord['ballot']>) => rules

// Every field picked by name, so no `_id` or stray field leaks out.
export const surveyToDoc = (s: SurveyRecord): Omit<SurveyDoc, 'responseCount'> => ({
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
export const surveyFromDoc = (d: SurveyDoc): SurveyRecord => ({
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
export const responseFromDoc = (d: SurveyResponseDoc): SurveyResponse => ({
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
export const textFromDoc = (d: TextAnswerDoc): TextAnswer => ({
  responseId: d.responseId,
  questionId: d.questionId,
  text: d.text,
  stationId: d.stationId ?? null,
  districtId: d.districtId ?? null,
  createdAt: new Date(d.createdAt),
})
export const opinionFromDoc = (d: OpinionDoc): Opinion => ({
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
