import Router from '@koa/router'
import type { Middleware } from 'koa'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { DirectoryService } from '../../../services/directory/directory.js'
import type { DirectoryImporter } from '../../../services/directory/directory-import.js'
import type { Store } from '../../../store/ports.js'
import { requireStaff } from '../../middleware/auth.js'
import { presentDeputy, presentStation } from '../../presenters/directory.js'
import { idParam } from '../../schemas.js'
import type { AppState } from '../../state.js'
import { parse } from '../../validate.js'
import { deputyEditBody, deputySearchQuery, stationEditBody, stationSearchQuery } from './schemas.js'

export interface DirectoryAdminDeps {
  auth: AuthService
  directory: DirectoryService
  importer: DirectoryImporter
  store: Store
  /** Reads the (large) import body; runs after the admin check. */
  importBody: Middleware<AppState>
}

/** The console's directory: import, search and edit stations and deputies. */
export function directoryAdminRoutes({ auth, directory, importer, store, importBody }: DirectoryAdminDeps) {
  const router = new Router<AppState>({ prefix: '/api/admin' })
  const staff = requireStaff(auth)
  const editors = requireStaff(auth, 'admin', 'organizer', 'station_staff')

  router.post('/directory/import', requireStaff(auth, 'admin'), importBody, async (ctx) => {
    const report = await importer.import(ctx.state.body, ctx.state.staff!, (line) => ctx.state.log.info({ progress: line }, 'directory import'))
    ctx.body = report
  })

  router.get('/directory/summary', staff, async (ctx) => {
    ctx.body = await store.directory.counts()
  })

  router.get('/stations', staff, async (ctx) => {
    const query = parse(stationSearchQuery, ctx.query, 'query')
    const page = await directory.searchStations(query)
    ctx.body = { items: page.items.map(presentStation), nextCursor: page.nextCursor }
  })

  router.get('/stations/:id', staff, async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    ctx.body = presentStation(await directory.station(id))
  })

  router.patch('/stations/:id', editors, async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    const edit = parse(stationEditBody, ctx.state.body, 'body')
    ctx.body = presentStation(await directory.updateStation(ctx.state.staff!, id, edit))
  })

  router.get('/deputies', staff, async (ctx) => {
    const query = parse(deputySearchQuery, ctx.query, 'query')
    const page = await directory.searchDeputies(ctx.state.staff!, query)
    ctx.body = { items: page.items.map(presentDeputy), nextCursor: page.nextCursor }
  })

  router.get('/deputies/:id', staff, async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    ctx.body = presentDeputy(await directory.deputy(ctx.state.staff!, id))
  })

  router.get('/deputies/:id/phone', staff, async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    ctx.set('Cache-Control', 'no-store')
    ctx.body = { phone: await directory.revealDeputyPhone(ctx.state.staff!, id) }
  })

  router.patch('/deputies/:id', editors, async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    const edit = parse(deputyEditBody, ctx.state.body, 'body')
    ctx.body = presentDeputy(await directory.updateDeputy(ctx.state.staff!, id, edit))
  })

  return router
}
