import Router from '@koa/router'
import type { Middleware } from 'koa'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { DirectoryService } from '../../../services/directory/directory.js'
import type { DirectoryImporter } from '../../../services/directory/directory-import.js'
import type { DeputyAwayService } from '../../../services/directory/deputy-away.js'
import type { DemoLeftovers } from '../../../services/accounts/demo-leftovers.js'
import { allowRoles, requireStaff } from '../../middleware/auth.js'
import { presentDeputy, presentDirectoryCounts, presentPastDuty, presentStation } from '../../presenters/directory.js'
import { presentStationMeetingDays } from '../../presenters/station-duty.js'
import { idParam } from '../../schemas.js'
import type { DutyClashes } from '../../../services/directory/duty-clashes.js'
import type { StationDutyDays } from '../../../services/directory/station-duty-days.js'
import type { AppState, StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import { sheetGuide, sheetTemplate } from '../../../services/directory/directory-sheets.js'
import {
  deputyAwayBody,
  deputyEditBody,
  deputySearchQuery,
  dutyDayBody,
  dutyDayParam,
  isSheetUpload,
  sheetUploadBody,
  stationEditBody,
  stationSearchQuery,
  templateParam,
} from './schemas.js'

export interface DirectoryAdminDeps {
  auth: AuthService
  directory: DirectoryService
  importer: DirectoryImporter
  /** Reads the (large) import body; runs after the admin check. */
  importBody: Middleware<AppState>
  away: DeputyAwayService
  /** Adds to the report what is left of the demo city, in a store that began as the demo. */
  demoLeftovers?: Pick<DemoLeftovers, 'addTo'>
  /** The meetings the station's deputies are expected at, against its roster (与会议时间冲突). */
  dutyClashes?: Pick<DutyClashes, 'ofStation'>
  /** One day of a station's reception duty, saved whole over who sat as the clerk saw it. */
  dutyDays?: Pick<StationDutyDays, 'saveDay'>
}

/** The console's directory: import, search and edit stations and deputies. */
export function directoryAdminRoutes({ auth, directory, importer, importBody, away, demoLeftovers, dutyClashes, dutyDays }: DirectoryAdminDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin' })
  router.use(requireStaff(auth))
  const editors = allowRoles('admin', 'organizer', 'station_staff')

  router.post('/directory/import', allowRoles('admin'), importBody, async (ctx) => {
    const progress = (line: string) => ctx.state.log.info({ progress: line }, 'directory import')
    const { body } = ctx.state
    const report = isSheetUpload(body)
      ? await importer.importSheets(parse(sheetUploadBody, body, 'body').sheets, ctx.state.staff, progress)
      : await importer.import(body, ctx.state.staff, progress)
    // Codes the import made up ride in this answer only: no cache may keep a copy.
    if (report.activationCodes) ctx.set('Cache-Control', 'no-store')
    ctx.body = demoLeftovers ? await demoLeftovers.addTo(report) : report
  })

  /** What each roster template's columns mean, for the import page's instructions. */
  router.get('/directory/templates', allowRoles('admin'), (ctx) => {
    ctx.body = { items: sheetGuide() }
  })

  router.get('/directory/templates/:kind', allowRoles('admin'), async (ctx) => {
    const { kind } = parse(templateParam, ctx.params, 'params')
    const { fileName, csv } = await sheetTemplate(kind)
    ctx.type = 'text/csv; charset=utf-8'
    ctx.set('Content-Disposition', `attachment; filename="${kind}.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    ctx.body = csv
  })

  router.get('/directory/summary', async (ctx) => {
    ctx.body = presentDirectoryCounts(await directory.summary())
  })

  router.get('/stations', async (ctx) => {
    const query = parse(stationSearchQuery, ctx.query, 'query')
    const page = await directory.searchStations(ctx.state.staff, query)
    ctx.body = { items: page.items.map(presentStation), nextCursor: page.nextCursor }
  })

  router.get('/stations/:id', async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    ctx.body = presentStation(await directory.stationFor(ctx.state.staff, id))
  })

  /** The station's roster history: deputies who sat duty there and have moved to another station since. */
  router.get('/stations/:id/past-duty', async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    ctx.body = { items: (await directory.pastDutyAt(ctx.state.staff, id)).map(presentPastDuty) }
  })

  /**
   * The days ahead on which the station's deputies are expected at a meeting, each said with whether he is on duty
   * there then (与会议时间冲突), and who runs meetings (a station's account has none): read as the station is.
   */
  if (dutyClashes)
    router.get('/stations/:id/duty-meetings', async (ctx) => {
      const { id } = parse(idParam, ctx.params, 'params')
      const station = await directory.stationFor(ctx.state.staff, id)
      const days = await dutyClashes.ofStation(station)
      ctx.body = presentStationMeetingDays(days, await directory.officeOfStaff(ctx.state.staff))
    })

  /**
   * 接待值班 of one day (the console's calendar): who sits that day, in one write; 409 duty_day_changed when another
   * save of the day came after the clerk read it, 422 duty_day_past for a day gone by. Answers the deputies whose days changed.
   */
  if (dutyDays)
    router.put('/stations/:id/duty-days/:date', editors, async (ctx) => {
      const { id, date } = parse(dutyDayParam, ctx.params, 'params')
      const day = parse(dutyDayBody, ctx.state.body, 'body')
      ctx.body = { date, items: (await dutyDays.saveDay(ctx.state.staff, id, date, day)).map(presentDeputy) }
    })

  router.patch('/stations/:id', editors, async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    const edit = parse(stationEditBody, ctx.state.body, 'body')
    ctx.body = presentStation(await directory.updateStation(ctx.state.staff, id, edit))
  })

  router.get('/deputies', async (ctx) => {
    const query = parse(deputySearchQuery, ctx.query, 'query')
    const page = await directory.searchDeputies(ctx.state.staff, query)
    ctx.body = { items: page.items.map(presentDeputy), nextCursor: page.nextCursor }
  })

  router.get('/deputies/:id', async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    ctx.body = presentDeputy(await directory.deputy(ctx.state.staff, id))
  })

  router.get('/deputies/:id/phone', async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    ctx.set('Cache-Control', 'no-store')
    ctx.body = { phone: await directory.revealDeputyPhone(ctx.state.staff, id) }
  })

  router.patch('/deputies/:id', editors, async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    const edit = parse(deputyEditBody, ctx.state.body, 'body')
    const { casesReturned, casesReturnedText, meetingsWithdrawn, meetingsJoined, ...deputy } = await directory.updateDeputy(ctx.state.staff, id, edit)
    // Taken out of service: how many of their messages went back to their stations, and where in words; left office or moved: on how
    // many lists of meetings ahead they are now marked 已离任 / 已调到…, and how many of the new station's they joined.
    ctx.body = {
      ...presentDeputy(deputy),
      ...(casesReturned === undefined ? {} : { casesReturned, casesReturnedText }),
      ...(meetingsWithdrawn === undefined ? {} : { meetingsWithdrawn }),
      ...(meetingsJoined === undefined ? {} : { meetingsJoined }),
    }
  })

  /** 暂停接收留言 from one date to another (staff of the deputy's station or district): new messages go round him. */
  router.put('/deputies/:id/away', editors, async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    const mark = parse(deputyAwayBody, ctx.state.body, 'body')
    ctx.body = presentDeputy(await away.set(ctx.state.staff, id, mark))
  })

  /** Ends it early (or drops one not started): from today he takes new messages again. */
  router.delete('/deputies/:id/away', editors, async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    ctx.body = presentDeputy(await away.end(ctx.state.staff, id))
  })

  return router
}
