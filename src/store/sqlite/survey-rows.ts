import type { Opinion, SurveyRecord, SurveyResponse } from '../../domain/survey.js'
import type { TextAnswer } from '../survey-ports.js'

// better-sqlite3 rows are untyped; these mappers are the one place that knows their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = any

const date = (v: string | null) => (v === null ? null : new Date(v))
const iso = (d: Date | null) => (d === null ? null : d.toISOString())

/** Every column but response_count, which only the store moves. */
export const SURVEY_COLUMNS = [
  'id',
  'short_code',
  'kind',
  'title',
  'description',
  'questions',
  'articles',
  'ballot',
  'anonymous',
  'opens_at',
  'closes_at',
  'response_cap',
  'district_ids',
  'created_by',
  'created_at',
  'updated_at',
  'draft',
  'audience_deputy_ids',
] as const

/** A ballot's rules as its `ballot` column keeps them: without the count fixed at its close. */
const ballotRules = ({ uncountedAtClose: _, ...rules }: NonNullable<SurveyRecord['ballot']>) => rules

export const surveyToRow = (s: SurveyRecord): Record<(typeof SURVEY_COLUMNS)[number], unknown> => ({
  id: s.id,
  short_code: s.shortCode,
  kind: s.kind,
  title: s.title,
  description: s.description,
  questions: JSON.stringify(s.questions),
  articles: JSON.stringify(s.articles),
  // The count fixed at the close has a column of its own (uncounted_at_close), written by the store alone.
  ballot: s.ballot ? JSON.stringify(ballotRules(s.ballot)) : null,
  anonymous: s.anonymous ? 1 : 0,
  opens_at: iso(s.opensAt),
  closes_at: iso(s.closesAt),
  response_cap: s.responseCap,
  district_ids: JSON.stringify(s.districtIds),
  created_by: s.createdBy,
  created_at: iso(s.createdAt),
  updated_at: iso(s.updatedAt),
  draft: s.draft ? 1 : 0,
  audience_deputy_ids: s.audienceDeputyIds ? JSON.stringify(s.audienceDeputyIds) : null,
})

export const surveyFromRow = (r: Row): SurveyRecord => ({
  id: r.id,
  shortCode: r.short_code,
  kind: r.kind,
  title: r.title,
  description: r.description,
  questions: JSON.parse(r.questions),
  articles: JSON.parse(r.articles),
  ballot:
    r.ballot === null
      ? null
      : {
          ...JSON.parse(r.ballot),
          ...(r.uncounted_at_close === null || r.uncounted_at_close === undefined ? {} : { uncountedAtClose: JSON.parse(r.uncounted_at_close) }),
        },
  anonymous: r.anonymous === 1,
  opensAt: new Date(r.opens_at),
  closesAt: new Date(r.closes_at),
  responseCap: r.response_cap,
  responseCount: r.response_count,
  districtIds: JSON.parse(r.district_ids),
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  draft: r.draft === 1,
  audienceDeputyIds: r.audience_deputy_ids ? JSON.parse(r.audience_deputy_ids) : null,
  // Its own column (migration 063), written by publishOutcome alone: absent until published.
  ...(typeof r.outcome_published_at === 'string' ? { outcomePublishedAt: new Date(r.outcome_published_at) } : {}),
})

export const responseFromRow = (r: Row): SurveyResponse => ({
  id: r.id,
  surveyId: r.survey_id,
  respondentKey: r.respondent_key,
  mpUserId: r.mp_user_id,
  deputyId: r.deputy_id,
  stationId: r.station_id,
  districtId: r.district_id,
  via: r.via,
  answers: JSON.parse(r.answers),
  comments: JSON.parse(r.comments),
  createdAt: new Date(r.created_at),
})

export const textFromRow = (r: Row): TextAnswer => ({
  responseId: r.response_id,
  questionId: r.question_id,
  text: r.text,
  stationId: r.station_id,
  districtId: r.district_id,
  createdAt: new Date(r.created_at),
})

export const opinionFromRow = (r: Row): Opinion => ({
  id: r.id,
  surveyId: r.survey_id,
  responseId: r.response_id,
  articleId: r.article_id,
  text: r.text,
  mpUserId: r.mp_user_id,
  via: r.via,
  stationId: r.station_id,
  outcome: r.outcome,
  reason: r.reason,
  decidedBy: r.decided_by,
  decidedAt: date(r.decided_at),
  createdAt: new Date(r.created_at),
})
