import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { IdempotencyRepo } from '../../../store/idempotency-port.js'
import { idempotent } from '../../middleware/idempotency.js'
import type { CalendarService } from '../../../services/calendar/calendar.js'
import { allowRoles, requireStaff } from '../../middleware/auth.js'
import { calendarReader, presentCalendar, presentCalendarYear, presentCoverage } from '../../presenters/calendar.js'
import type { StaffState } from '../../state.js'

export interface CalendarRoutesDeps {
  auth: AuthService
  calendar: CalendarService
  idempotency: IdempotencyRepo
  clock: Clock
}

/**
 * The business calendar in the console: which years of the official holiday schedule are
 * held, whether the coming weeks are covered, and the import of one year (holiday-cn JSON).
 * The body is checked by the domain's `checkHolidayFile` rather than a zod schema here, because
 * an administrator fixing a file needs every problem at once, each with its place.
 */
export function calendarRoutes({ auth, calendar, idempotency, clock }: CalendarRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin/calendar' })
  router.use(requireStaff(auth))

  router.get('/', async (ctx) => {
    ctx.body = presentCalendar(await calendar.list(), await calendar.coverage(), calendarReader(ctx.state.staff.role))
  })

  // A retried import (same Idempotency-Key) gets the first answer back, 201 and all.
  router.post(
    '/years',
    allowRoles('admin'),
    idempotent(idempotency, clock, (s: StaffState) => s.staff.id),
    async (ctx) => {
      const { year, replaced, settledCases } = await calendar.importYear(ctx.state.body, ctx.state.staff)
      ctx.status = replaced ? 200 : 201
      ctx.body = {
        year: presentCalendarYear(year),
        replaced,
        settledCases,
        coverage: presentCoverage(await calendar.coverage(), calendarReader(ctx.state.staff.role)),
      }
    },
  )

  return router
}
