import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { QuizResults } from '../../../services/quizzes/quiz-results.js'
import type { QuizService } from '../../../services/quizzes/quizzes.js'
import type { IdempotencyRepo } from '../../../store/idempotency-port.js'
import { requireStaff } from '../../middleware/auth.js'
import { idempotent } from '../../middleware/idempotency.js'
import { presentGroup, presentPerson, presentQuestion, presentQuiz } from '../../presenters/quizzes.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import {
  boardQuery,
  createQuizBody,
  importBody,
  listQuery,
  questionCorrectionBody,
  questionIdParam,
  questionsBody,
  quizIdParam,
  updateQuizBody,
} from './schemas.js'

export interface AdminQuizDeps {
  auth: AuthService
  quizzes: QuizService
  results: QuizResults
  idempotency: IdempotencyRepo
  clock: Clock
}

/** Organizers run quizzes: create, fill the pool (by hand or CSV), change settings, leaderboards, export. */
export function adminQuizRoutes({ auth, quizzes, results, idempotency, clock }: AdminQuizDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin/quizzes' })
  router.use(requireStaff(auth, 'organizer', 'admin'))
  const once = idempotent(idempotency, clock, (s: StaffState) => s.staff.id)
  const idOf = (params: unknown) => parse(quizIdParam, params, 'params').id

  router.post('/', once, async (ctx) => {
    const quiz = await quizzes.create(ctx.state.staff, parse(createQuizBody, ctx.state.body, 'body'))
    ctx.status = 201
    ctx.body = { ...presentQuiz(quiz, clock.now()), questions: [] }
  })

  router.get('/', async (ctx) => {
    const page = await quizzes.list(ctx.state.staff, parse(listQuery, ctx.query, 'query'))
    const now = clock.now()
    ctx.body = { items: page.items.map((q) => presentQuiz(q, now)), nextCursor: page.nextCursor }
  })

  router.get('/:id', async (ctx) => {
    const { quiz, questions, participants, started } = await results.detail(ctx.state.staff, idOf(ctx.params))
    // 参与人数 on the detail's head (review 31 F14), counted as the boards count; `started`: what is frozen (the editor says it before 保存).
    ctx.body = { ...presentQuiz(quiz, clock.now()), questions: questions.map(presentQuestion), participants, started }
  })

  /** Only a draft: a published quiz is 409 quiz_published, in words. */
  router.delete('/:id', async (ctx) => {
    await quizzes.deleteDraft(ctx.state.staff, idOf(ctx.params))
    ctx.status = 204
  })

  router.patch('/:id', async (ctx) => {
    ctx.body = presentQuiz(await quizzes.update(ctx.state.staff, idOf(ctx.params), parse(updateQuizBody, ctx.state.body, 'body')), clock.now())
  })

  // 提前结束: it ends now, by the server's clock; the console asks first, saying how many took part and what follows.
  router.post('/:id/close', async (ctx) => {
    ctx.body = presentQuiz(await quizzes.close(ctx.state.staff, idOf(ctx.params)), clock.now())
  })

  /** Whom publishing would tell, counted now: the publish dialog's 会通知 N 位人大代表 (as a survey's 会请 N 位代表填写). */
  router.get('/:id/reach', async (ctx) => {
    ctx.body = await quizzes.reach(ctx.state.staff, idOf(ctx.params))
  })

  router.post('/:id/publish', async (ctx) => {
    ctx.body = presentQuiz(await quizzes.publish(ctx.state.staff, idOf(ctx.params)), clock.now())
  })

  router.post('/:id/questions', once, async (ctx) => {
    const added = await quizzes.addQuestions(ctx.state.staff, idOf(ctx.params), parse(questionsBody, ctx.state.body, 'body').questions)
    ctx.status = 201
    ctx.body = { added: added.length, questions: added.map(presentQuestion) }
  })

  /** A correction of one pool question (only its wording once anyone has started). */
  router.patch('/:id/questions/:questionId', async (ctx) => {
    const { id, questionId } = parse(questionIdParam, ctx.params, 'params')
    ctx.body = presentQuestion(await quizzes.correctQuestion(ctx.state.staff, id, questionId, parse(questionCorrectionBody, ctx.state.body, 'body')))
  })

  /** A question bank as CSV text in JSON ({ csv }): 题型,题干,选项,答案,解析,分值,标签 (or the English keys, see quiz-csv.ts). */
  router.post('/:id/questions/import', once, async (ctx) => {
    const added = await quizzes.importCsv(ctx.state.staff, idOf(ctx.params), parse(importBody, ctx.state.body, 'body').csv)
    ctx.status = 201
    ctx.body = { added: added.length, questions: added.map(presentQuestion) }
  })

  router.get('/:id/leaderboard', async (ctx) => {
    const { by } = parse(boardQuery, ctx.query, 'query')
    const board = await results.forStaff(ctx.state.staff, idOf(ctx.params), by)
    ctx.body = { quizId: board.quiz.id, by, items: by === 'person' ? board.people.map(presentPerson) : board.groups.map(presentGroup) }
  })

  router.get('/:id/results.csv', async (ctx) => {
    const { title, csv } = await results.csv(ctx.state.staff, idOf(ctx.params))
    ctx.type = 'text/csv; charset=utf-8'
    ctx.set('Content-Disposition', `attachment; filename="quiz-results.csv"; filename*=UTF-8''${encodeURIComponent(`${title}-成绩.csv`)}`)
    ctx.set('Cache-Control', 'no-store')
    ctx.body = csv
  })

  return router
}
