import type { AttemptRecord, QuizQuestion, QuizRecord } from '../../domain/quiz.js'

// better-sqlite3 rows are untyped; these mappers are the one place that knows their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = any

export const QUIZ_COLUMNS = [
  'id',
  'campaign_id',
  'title',
  'description',
  'draw_count',
  'time_limit_seconds',
  'attempts_allowed',
  'opens_at',
  'closes_at',
  'audience',
  'scope_district_ids',
  'created_by',
  'created_at',
  'updated_at',
  'draft',
] as const
export const QUESTION_COLUMNS = ['id', 'quiz_id', 'type', 'stem', 'options', 'answer', 'explanation', 'points', 'tags', 'position'] as const
export const ATTEMPT_COLUMNS = [
  'id',
  'quiz_id',
  'person_kind',
  'person_id',
  'station_id',
  'district_id',
  'number',
  'seed',
  'question_ids',
  'option_orders',
  'started_at',
  'deadline',
  'status',
  'finished_at',
  'answers',
  'score',
  'max_score',
] as const

export const quizToRow = (q: QuizRecord): Record<(typeof QUIZ_COLUMNS)[number], unknown> => ({
  id: q.id,
  campaign_id: q.campaignId,
  title: q.title,
  description: q.description,
  draw_count: q.drawCount,
  time_limit_seconds: q.timeLimitSeconds,
  attempts_allowed: q.attemptsAllowed,
  opens_at: q.opensAt.toISOString(),
  closes_at: q.closesAt.toISOString(),
  audience: q.audience,
  scope_district_ids: JSON.stringify(q.scopeDistrictIds),
  created_by: q.createdBy,
  created_at: q.createdAt.toISOString(),
  updated_at: q.updatedAt.toISOString(),
  draft: q.draft ? 1 : 0,
})

export const quizFromRow = (r: Row): QuizRecord => ({
  id: r.id,
  campaignId: r.campaign_id,
  title: r.title,
  description: r.description,
  drawCount: r.draw_count,
  timeLimitSeconds: r.time_limit_seconds,
  attemptsAllowed: r.attempts_allowed,
  opensAt: new Date(r.opens_at),
  closesAt: new Date(r.closes_at),
  audience: r.audience,
  scopeDistrictIds: JSON.parse(r.scope_district_ids),
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  draft: r.draft === 1,
})

export const questionToRow = (q: QuizQuestion): Record<(typeof QUESTION_COLUMNS)[number], unknown> => ({
  id: q.id,
  quiz_id: q.quizId,
  type: q.type,
  stem: q.stem,
  options: JSON.stringify(q.options),
  answer: JSON.stringify(q.answer),
  explanation: q.explanation,
  points: q.points,
  tags: JSON.stringify(q.tags),
  position: q.position,
})

export const questionFromRow = (r: Row): QuizQuestion => ({
  id: r.id,
  quizId: r.quiz_id,
  type: r.type,
  stem: r.stem,
  options: JSON.parse(r.options),
  answer: JSON.parse(r.answer),
  explanation: r.explanation,
  points: r.points,
  tags: JSON.parse(r.tags),
  position: r.position,
})

export const attemptToRow = (a: AttemptRecord): Record<(typeof ATTEMPT_COLUMNS)[number], unknown> => ({
  id: a.id,
  quiz_id: a.quizId,
  person_kind: a.personKind,
  person_id: a.personId,
  station_id: a.stationId,
  district_id: a.districtId,
  number: a.number,
  seed: a.seed,
  question_ids: JSON.stringify(a.questionIds),
  option_orders: JSON.stringify(a.optionOrders),
  started_at: a.startedAt.toISOString(),
  deadline: a.deadline.toISOString(),
  status: a.status,
  finished_at: a.finishedAt?.toISOString() ?? null,
  answers: a.answers === null ? null : JSON.stringify(a.answers),
  score: a.score,
  max_score: a.maxScore,
})

export const attemptFromRow = (r: Row): AttemptRecord => ({
  id: r.id,
  quizId: r.quiz_id,
  personKind: r.person_kind,
  personId: r.person_id,
  stationId: r.station_id,
  districtId: r.district_id,
  number: r.number,
  seed: r.seed,
  questionIds: JSON.parse(r.question_ids),
  optionOrders: JSON.parse(r.option_orders),
  startedAt: new Date(r.started_at),
  deadline: new Date(r.deadline),
  status: r.status,
  finishedAt: r.finished_at === null ? null : new Date(r.finished_at),
  answers: r.answers === null ? null : JSON.parse(r.answers),
  score: r.score,
  maxScore: r.max_score,
})
