import { Schema, type Connection, type Model } from 'mongoose'
import { createIndexes } from './indexes.js'
import type { AttemptRecord, QuizQuestion, QuizRecord } from '../../domain/quiz.js'

/**
 * Quiz documents: the mongo side of sqlite's 009_quizzes.sql. Each keeps its own id as
 * `_id`; a partial unique index allows one open attempt per person and quiz.
 */
type Stored<T extends { id: string }> = Omit<T, 'id'> & { _id: string }
/**
 * `started` is set by the first start; `editGate` is bumped by a question edit allowed only
 * while unstarted. The two write the same document, so they conflict (quiz-repo.ts).
 */
export type QuizDoc = Stored<QuizRecord> & { started?: boolean; editGate?: number }
export type QuestionDoc = Stored<QuizQuestion>
export type AttemptDoc = Stored<AttemptRecord>

export interface QuizModels {
  Quiz: Model<QuizDoc>
  Question: Model<QuestionDoc>
  Attempt: Model<AttemptDoc>
}

// The conventions of models.ts: no `required` validators, no version key, no `id` virtual.
const options = { versionKey: false, id: false } as const
const nullableString = { type: String, default: null }
const stringList = { type: [String], default: () => [] as string[] }

function quizSchema() {
  const schema = new Schema<QuizDoc>(
    {
      _id: String,
      campaignId: nullableString,
      title: String,
      description: String,
      drawCount: Number,
      timeLimitSeconds: Number,
      attemptsAllowed: Number,
      opensAt: Date,
      closesAt: Date,
      audience: String,
      scopeDistrictIds: stringList,
      draft: { type: Boolean, default: false },
      createdBy: String,
      createdAt: Date,
      updatedAt: Date,
      started: Boolean,
      editGate: Number,
    },
    options,
  )
  schema.index({ createdAt: -1, _id: -1 })
  schema.index({ closesAt: 1, opensAt: 1 })
  schema.index({ campaignId: 1 })
  return schema
}

function questionSchema() {
  const schema = new Schema<QuestionDoc>(
    {
      _id: String,
      quizId: String,
      type: String,
      stem: String,
      options: stringList,
      answer: { type: [Number], default: () => [] },
      explanation: String,
      points: Number,
      tags: stringList,
      position: Number,
    },
    options,
  )
  schema.index({ quizId: 1, position: 1 })
  return schema
}

function attemptSchema() {
  const schema = new Schema<AttemptDoc>(
    {
      _id: String,
      quizId: String,
      personKind: String,
      personId: String,
      stationId: nullableString,
      districtId: nullableString,
      number: Number,
      seed: Number,
      questionIds: stringList,
      optionOrders: { type: Schema.Types.Mixed, default: () => [] },
      startedAt: Date,
      deadline: Date,
      status: String,
      finishedAt: { type: Date, default: null },
      answers: { type: Schema.Types.Mixed, default: null },
      score: { type: Number, default: null },
      maxScore: Number,
    },
    { ...options, minimize: false },
  )
  schema.index({ quizId: 1, personKind: 1, personId: 1, number: 1 }, { unique: true })
  schema.index({ quizId: 1, personKind: 1, personId: 1 }, { unique: true, partialFilterExpression: { status: 'open' }, name: 'one_open_attempt' })
  schema.index({ quizId: 1, startedAt: 1 })
  // A person's attempts (a copy of their data): sqlite's quiz_attempts_person.
  schema.index({ personId: 1 })
  return schema
}

/** Compiles the models on this connection and creates their missing indexes before use. */
export async function defineQuizModels(conn: Connection): Promise<QuizModels> {
  const models: QuizModels = {
    Quiz: conn.model<QuizDoc>('Quiz', quizSchema(), 'quizzes'),
    Question: conn.model<QuestionDoc>('QuizQuestion', questionSchema(), 'quiz_questions'),
    Attempt: conn.model<AttemptDoc>('QuizAttempt', attemptSchema(), 'quiz_attempts'),
  }
  await createIndexes(models)
  return models
}
