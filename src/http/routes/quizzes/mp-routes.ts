import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { QuizResults } from '../../../services/quizzes/quiz-results.js'
import type { Paper, QuizTaking } from '../../../services/quizzes/quiz-taking.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
import { presentMpBoard, presentMpQuiz, presentPaper, presentResult } from '../../presenters/quizzes.js'
import type { MpState } from '../../state.js'
import { parse } from '../../validate.js'
import { attemptIdParam, boardQuery, quizIdParam, submitBody } from './schemas.js'

export interface MpQuizRoutesDeps {
  sessions: MpSessions
  taking: QuizTaking
  results: QuizResults
  clock: Clock
  timeZone: string
}

/** Quizzes in the mini-program: open ones, start (a fresh draw), submit (score and explanations), leaderboards. */
export function mpQuizRoutes({ sessions, taking, results, clock, timeZone }: MpQuizRoutesDeps) {
  const router = new Router<MpState>({ prefix: '/api/mp' })
  router.use(requireMpUser(sessions))
  const present = ({ attempt, quiz, questions }: Paper) => (attempt.status === 'open' ? presentPaper : presentResult)(attempt, quiz, questions, clock.now())

  router.get('/quizzes', async (ctx) => {
    const now = clock.now()
    ctx.body = { items: (await taking.openFor(ctx.state.mpUser)).map((e) => presentMpQuiz(e.quiz, e.attempts, { timeZone, now })) }
  })

  router.post('/quizzes/:id/attempts', async (ctx) => {
    const paper = await taking.start(ctx.state.mpUser, parse(quizIdParam, ctx.params, 'params').id)
    ctx.status = 201
    ctx.set('Cache-Control', 'no-store')
    ctx.body = present(paper)
  })

  router.get('/quizzes/:id/leaderboard', async (ctx) => {
    const { by } = parse(boardQuery, ctx.query, 'query')
    const board = await results.forParticipant(ctx.state.mpUser, parse(quizIdParam, ctx.params, 'params').id, by)
    ctx.body = presentMpBoard(board, by, ctx.state.mpUser, clock.now())
  })

  /** One's own attempt: the paper while open (to resume), the result once finished. */
  router.get('/quiz-attempts/:id', async (ctx) => {
    ctx.set('Cache-Control', 'no-store')
    ctx.body = present(await taking.attempt(ctx.state.mpUser, parse(attemptIdParam, ctx.params, 'params').id))
  })

  router.post('/quiz-attempts/:id/submit', async (ctx) => {
    const id = parse(attemptIdParam, ctx.params, 'params').id
    const { answers } = parse(submitBody, ctx.state.body, 'body')
    ctx.body = present(await taking.submit(ctx.state.mpUser, id, new Map(answers.map((a) => [a.questionId, a.choices]))))
  })

  return router
}
