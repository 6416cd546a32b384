import type { Connection } from 'mongoose'
import type { AttemptRecord, QuizQuestion, QuizRecord } from '../../domain/quiz.js'
import type { QuizRepo } from '../ports.js'
import { decodeTimeCursor, timeCursorKey, toPage } from '../cursor.js'
import { NotFoundError } from '../../errors.js'
import { defineQuizModels, type AttemptDoc, type QuestionDoc, type QuizDoc } from './quiz-models.js'
import { isDuplicateKey, translate } from './errors.js'
import type { Models } from './models.js'
import { insertOutbox } from './outbox-repo.js'
import { StoreConflict } from '../conflicts.js'

// Every field picked by name, as records.ts does, so no `_id` or stray field leaks out.
const quizToDoc = ({ id, ...rest }: QuizRecord): QuizDoc => ({ _id: id, ...rest, scopeDistrictIds: [...rest.scopeDistrictIds] })
const quizFromDoc = (d: QuizDoc): QuizRecord => ({
  id: d._id,
  campaignId: d.campaignId ?? null,
  title: d.title,
  description: d.description,
  drawCount: d.drawCount,
  timeLimitSeconds: d.timeLimitSeconds,
  attemptsAllowed: d.attemptsAllowed,
  opensAt: new Date(d.opensAt),
  closesAt: new Date(d.closesAt),
  audience: d.audience,
  scopeDistrictIds: [...(d.scopeDistrictIds ?? [])],
  createdBy: d.createdBy,
  createdAt: new Date(d.createdAt),
  updatedAt: new Date(d.updatedAt),
  draft: d.draft === true,
})
const questionFromDoc = (d: QuestionDoc): QuizQuestion => ({
  id: d._id,
  quizId: d.quizId,
  type: d.type,
  stem: d.stem,
  options: [...d.options],
  answer: [...d.answer],
  explanation: d.explanation,
  points: d.points,
  tags: [...(d.tags ?? [])],
  position: d.position,
})
const attemptFromDoc = (d: AttemptDoc): AttemptRecord => ({
  id: d._id,
  quizId: d.quizId,
  personKind: d.personKind,
  personId: d.personId,
  stationId: d.stationId ?? null,
  districtId: d.districtId ?? null,
  number: d.number,
  seed: d.seed,
  questionIds: [...d.questionIds],
  optionOrders: d.optionOrders,
  startedAt: new Date(d.startedAt),
  deadline: new Date(d.deadline),
  status: d.status,
  finishedAt: d.finishedAt == null ? null : new Date(d.finishedAt),
  answers: d.answers ?? null,
  score: d.score ?? null,
  maxScore: d.maxScore,
})

const quizStarted = () => new StoreConflict('quiz_started', [], { frozen: 'scoring' })

export async function quizRepo(conn: Connection, { Outbox }: Pick<Models, 'Outbox'>): Promise<QuizRepo> {
  const { Quiz, Question, Attempt } = await defineQuizModels(conn)
  const openConflict = (id: string) => new StoreConflict('attempt_open', [{ path: 'attemptId', message: id }])

  return {
    async create(quiz, outbox = []) {
      await translate(() =>
        conn.transaction(async (session) => {
          await Quiz.insertMany([quizToDoc(quiz)], { session })
          await insertOutbox(Outbox, outbox, session)
        }),
      )
      return quiz
    },
    async get(id) {
      const d = await Quiz.findById(id).lean<QuizDoc>()
      return d ? quizFromDoc(d) : null
    },
    async update(quiz, options) {
      // Who made it and when never change; the service passes them through as read.
      const { _id, ...fields } = quizToDoc(quiz)
      const started = () => new StoreConflict('quiz_started', [], { frozen: 'draw' })
      await conn.transaction(async (session) => {
        // Attempts made before quizzes carried `started`; the flag covers a first start racing
        // this edit: both write this document, so one of them retries and sees the other.
        if (options?.unstarted && (await Attempt.exists({ quizId: _id }).session(session))) throw started()
        const r = await Quiz.updateOne(options?.unstarted ? { _id, started: { $ne: true } } : { _id }, { $set: fields }, { session })
        if (r.matchedCount === 0) {
          if (options?.unstarted && (await Quiz.exists({ _id }).session(session))) throw started()
          throw new NotFoundError('知识竞赛不存在')
        }
      })
      return quiz
    },
    async deleteDraft(id) {
      return conn.transaction(async (session) => {
        // Only a draft (`draft: true`), in the same transaction as its questions: a publish that won keeps both.
        const r = await Quiz.deleteOne({ _id: id, draft: true }, { session })
        if (r.deletedCount !== 1) return false
        await Question.deleteMany({ quizId: id }, { session })
        return true
      })
    },
    async search(query) {
      const clauses: Record<string, unknown>[] = []
      if (query.scopeDistrictIds) {
        const scoped = { scopeDistrictIds: { $in: query.scopeDistrictIds } }
        clauses.push(query.cityWide ? { $or: [scoped, { scopeDistrictIds: { $size: 0 } }] } : scoped)
      }
      if (query.campaignId) clauses.push({ campaignId: query.campaignId })
      const after = decodeTimeCursor(query.cursor)
      if (after !== null) clauses.push({ $or: [{ createdAt: { $lt: after.at } }, { createdAt: after.at, _id: { $lt: after.id } }] })
      const docs = await Quiz.find(clauses.length ? { $and: clauses } : {})
        .sort({ createdAt: -1, _id: -1 })
        .limit(query.limit + 1)
        .lean<QuizDoc[]>()
      return toPage(docs.map(quizFromDoc), query.limit, (q) => timeCursorKey(q.createdAt, q.id))
    },
    async openAt(now) {
      return (
        await Quiz.find({ opensAt: { $lte: now }, closesAt: { $gt: now }, draft: { $ne: true } })
          .sort({ closesAt: 1, _id: 1 })
          .lean<QuizDoc[]>()
      ).map(quizFromDoc)
    },
    async closedBetween(since, now) {
      return (
        await Quiz.find({ closesAt: { $gt: since, $lte: now }, draft: { $ne: true } })
          .sort({ closesAt: -1, _id: 1 })
          .lean<QuizDoc[]>()
      ).map(quizFromDoc)
    },
    async addQuestions(questions) {
      if (!questions.length) return
      await translate(() =>
        conn.transaction(async (session) => {
          await Question.insertMany(
            questions.map(({ id, ...rest }) => ({ _id: id, ...rest })),
            { session },
          )
        }),
      )
    },
    async updateQuestion(q, options) {
      const fields = {
        type: q.type,
        stem: q.stem,
        options: [...q.options],
        answer: [...q.answer],
        explanation: q.explanation,
        points: q.points,
        tags: [...q.tags],
      }
      if (!options?.unstarted) {
        const r = await Question.updateOne({ _id: q.id }, { $set: fields })
        if (r.matchedCount === 0) throw new NotFoundError('题目不存在')
        return q
      }
      // Checked and written in one transaction. MongoDB has no predicate locks, so an attempt
      // inserted meanwhile is not seen; the quiz document is what a first start and this edit
      // both write (`started`, `editGate`), so of the two racing one retries and sees the other.
      await conn.transaction(async (session) => {
        const gate = await Quiz.updateOne({ _id: q.quizId, started: { $ne: true } }, { $inc: { editGate: 1 } }, { session })
        if (gate.matchedCount === 0) {
          if (await Question.exists({ _id: q.id }).session(session)) throw quizStarted()
          throw new NotFoundError('题目不存在')
        }
        if (await Attempt.exists({ quizId: q.quizId }).session(session)) throw quizStarted()
        const r = await Question.updateOne({ _id: q.id }, { $set: fields }, { session })
        if (r.matchedCount === 0) throw new NotFoundError('题目不存在')
      })
      return q
    },
    async questions(quizId) {
      return (await Question.find({ quizId }).sort({ position: 1, _id: 1 }).lean<QuestionDoc[]>()).map(questionFromDoc)
    },
    async getQuestions(ids) {
      if (!ids.length) return []
      return (
        await Question.find({ _id: { $in: ids } })
          .sort({ position: 1, _id: 1 })
          .lean<QuestionDoc[]>()
      ).map(questionFromDoc)
    },
    async startAttempt(a, now, allowed) {
      const person = { quizId: a.quizId, personKind: a.personKind, personId: a.personId }
      await Attempt.updateMany(
        { ...person, status: 'open', deadline: { $lt: now } },
        [{ $set: { status: 'expired', finishedAt: '$deadline', answers: [], score: 0 } }],
        { updatePipeline: true },
      ) // mongoose 9 refuses an update pipeline (finishedAt copies $deadline) without this
      const open = await Attempt.findOne({ ...person, status: 'open' }, { _id: 1 }).lean<{ _id: string }>()
      if (open) throw openConflict(open._id)
      const used = await Attempt.countDocuments(person)
      if (used >= allowed) throw new StoreConflict('attempts_used_up', [], { allowed })
      const stored = { ...a, number: used + 1 }
      const { id, ...rest } = stored
      // Before the attempt exists, the quiz is marked started (only the first start writes):
      // an edit allowed only while unstarted writes the same document, so the two conflict.
      await Quiz.updateOne({ _id: a.quizId, started: { $ne: true } }, { $set: { started: true } })
      try {
        // The unique index on open attempts (and on numbers) settles a race between two starts.
        await Attempt.insertOne({ _id: id, ...rest })
      } catch (err) {
        if (!isDuplicateKey(err)) throw err
        const other = await Attempt.findOne({ ...person, status: 'open' }, { _id: 1 }).lean<{ _id: string }>()
        if (other) throw openConflict(other._id)
        throw new StoreConflict('conflict', [{ path: 'quiz_attempts.id', message: 'already taken' }])
      }
      return stored
    },
    async getAttempt(id) {
      const d = await Attempt.findById(id).lean<AttemptDoc>()
      return d ? attemptFromDoc(d) : null
    },
    async finishAttempt(id, o) {
      const r = await Attempt.updateOne(
        { _id: id, status: 'open' },
        { $set: { status: o.status, finishedAt: o.finishedAt, answers: o.answers, score: o.score } },
      )
      return r.modifiedCount === 1
    },
    async attemptsOf(quizId, person) {
      return (await Attempt.find({ quizId, personKind: person.kind, personId: person.id }).sort({ number: 1 }).lean<AttemptDoc[]>()).map(attemptFromDoc)
    },
    async attempts(quizId) {
      return (await Attempt.find({ quizId }).sort({ startedAt: 1, _id: 1 }).lean<AttemptDoc[]>()).map(attemptFromDoc)
    },
    async attemptHeads(quizIds, kind) {
      if (!quizIds.length) return []
      // Only the fields that judge a quiz owed: the papers are most of a document.
      const docs = await Attempt.find(
        { quizId: { $in: [...quizIds] }, personKind: kind },
        { _id: 0, quizId: 1, personKind: 1, personId: 1, status: 1, deadline: 1 },
      ).lean<Array<Pick<AttemptDoc, 'quizId' | 'personKind' | 'personId' | 'status' | 'deadline'>>>()
      return docs.map((d) => ({ quizId: d.quizId, personKind: d.personKind, personId: d.personId, status: d.status, deadline: new Date(d.deadline) }))
    },
  }
}
