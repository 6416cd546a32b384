import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { IdempotencyRepo } from '../../../store/idempotency-port.js'
import { idempotent } from '../../middleware/idempotency.js'
import type { CalendarService } from '../../../services/calendar/calendar.js'
import { requireStaff } from '../../middleware/auth.js'
import { presentCalendar, presentCalendarYear, presentCoverage } from '../../presenters/calendar.js'
import type { AppState } from '../../state.js'

/**
 * The business calendar in the console: which years of the official holiday schedule are
 * held, whether the coming weeks are covered, and the import of one year (holiday-cn JSON).
 * The body is checked by the domain's `checkHolidayFile` rather than a zod schema here, because
 * an administrator fixing a file needs every problem at once, each with its place.
 */
export function calendarRoutes(auth: AuthService, calendar: CalendarService, idempotency: IdempotencyRepo, clock: Clock) {
  const router = new Router<AppState>({ prefix: '/api/admin/calendar' })

  router.get('/', requireStaff(auth), async (ctx) => {
    ctx.body = presentCalendar(await calendar.list(), await calendar.coverage())
  })

  // A retried import (same Idempotency-Key) gets the first answer back, 201 and all.
  router.post('/years', requireStaff(auth, 'admin'), idempotent(idempotency, clock, (s) => s.staff!.id), async (ctx) => {
    const { year, replaced, settledCases } = await calendar.importYear(ctx.state.body, ctx.state.staff!)
    ctx.status = replaced ? 200 : 201
    ctx.body = { year: presentCalendarYear(year), replaced, settledCases, coverage: presentCoverage(await calendar.coverage()) }
  })

  return router
}
