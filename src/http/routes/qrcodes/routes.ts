import Router from '@koa/router'
import { z } from 'zod'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { DirectoryService } from '../../../services/directory/directory.js'
import type { QrCodeRenderer } from '../../../services/qr-codes.js'
import { requireStaff } from '../../middleware/auth.js'
import { idParam } from '../../schemas.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'

/** `?plain=1`: the code without the words under it, for the console's poster page that says them itself, large. */
const qrQuery = z.object({ plain: z.enum(['1']).optional() })

export interface QrCodeRoutesDeps {
  auth: AuthService
  directory: DirectoryService
  qrCodes: QrCodeRenderer
}

/** Printable codes for posters: scanning opens the mini-program at that deputy or station. */
export function qrCodeRoutes({ auth, directory, qrCodes: qr }: QrCodeRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin' })
  router.use(requireStaff(auth))

  router.get('/deputies/:id/qrcode.png', async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    const { plain } = parse(qrQuery, ctx.query, 'query')
    const deputy = await directory.deputy(ctx.state.staff, id)
    const home = deputy.stationIds.length ? await directory.station(deputy.stationIds[0]).catch(() => null) : null
    ctx.type = 'image/png'
    ctx.set('Content-Disposition', `inline; filename="deputy-${deputy.code}.png"`)
    ctx.body = await qr.deputyPng(deputy, home, plain === '1')
  })

  router.get('/stations/:id/qrcode.png', async (ctx) => {
    const { id } = parse(idParam, ctx.params, 'params')
    const { plain } = parse(qrQuery, ctx.query, 'query')
    // Only a station the caller looks after: a poster of another station is none of hers to print.
    const station = await directory.stationFor(ctx.state.staff, id)
    ctx.type = 'image/png'
    ctx.set('Content-Disposition', `inline; filename="station-${station.code}.png"`)
    ctx.body = await qr.stationPng(station, plain === '1')
  })

  return router
}
