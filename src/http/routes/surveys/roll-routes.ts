import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { BallotRoll } from '../../../services/surveys/ballot-roll.js'
import type { NotVotedSheet } from '../../../services/surveys/not-voted-sheet.js'
import type { SurveyReminders } from '../../../services/surveys/survey-reminders.js'
import { requireStaff } from '../../middleware/auth.js'
import { presentReminderOutcome, presentReminderState } from '../../presenters/reminders.js'
import { presentNotVoted } from '../../presenters/surveys.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import { remindBody, surveyIdParam } from './schemas.js'

export interface BallotRollRoutesDeps {
  auth: AuthService
  roll: BallotRoll
  reminders: SurveyReminders
  sheet: NotVotedSheet
}

/**
 * A ballot's roll while it runs: who has not voted yet, and whether their notice arrived; 提醒未参与
 * (once a day per person) and 导出未参与名单 for those the organizer must still reach.
 */
export function adminBallotRollRoutes({ auth, roll, reminders, sheet }: BallotRollRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin/surveys' })
  router.use(requireStaff(auth, 'organizer', 'admin'))

  router.get('/:id/not-voted', async (ctx) => {
    ctx.body = presentNotVoted(await roll.notVoted(ctx.state.staff, parse(surveyIdParam, ctx.params, 'params').id))
  })

  router.get('/:id/not-voted.csv', async (ctx) => {
    const { title, csv } = await sheet.csv(ctx.state.staff, parse(surveyIdParam, ctx.params, 'params').id)
    ctx.type = 'text/csv; charset=utf-8'
    ctx.set('Content-Disposition', `attachment; filename="not-voted.csv"; filename*=UTF-8''${encodeURIComponent(`${title}.csv`)}`)
    ctx.set('Cache-Control', 'no-store')
    ctx.body = csv
  })

  /** Whether 提醒未参与 may be pressed now (a published, open survey) and how many were reminded today. */
  router.get('/:id/reminders', async (ctx) => {
    ctx.body = presentReminderState(await reminders.state(ctx.state.staff, parse(surveyIdParam, ctx.params, 'params').id))
  })

  router.post('/:id/remind', async (ctx) => {
    const { id } = parse(surveyIdParam, ctx.params, 'params')
    parse(remindBody, ctx.state.body, 'body')
    ctx.body = presentReminderOutcome(await reminders.remind(ctx.state.staff, id))
  })

  return router
}
