import { createReadStream } from 'node:fs'
import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { Uploads } from '../../../services/cases/uploads.js'
import type { AppState } from '../../state.js'

export interface ImageRoutesDeps {
  sessions: MpSessions
  uploads: Uploads
  clock: Clock
}

/**
 * Only through a signed link that has not expired (case views hand them to those who may
 * see the case), or to the person who uploaded the file, signed in. Never to anyone
 * holding a bare URL.
 */
export function imageRoutes({ sessions, uploads, clock }: ImageRoutesDeps) {
  const router = new Router<AppState>({ prefix: '/api/mp/uploads' })

  router.get('/:name', async (ctx) => {
    const authorization = ctx.get('Authorization')
    const uploader = () => (authorization ? sessions.authenticate(authorization) : Promise.resolve(null))
    const { path, contentType } = await uploads.readable(ctx.params.name, { expires: ctx.query.expires, sig: ctx.query.sig }, clock.now(), uploader)
    ctx.type = contentType
    // A signed link lives minutes: shared caches must not keep the image longer than the link.
    ctx.set('Cache-Control', 'private, max-age=300')
    ctx.body = createReadStream(path)
  })

  return router
}
