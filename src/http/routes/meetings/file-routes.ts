import { createReadStream } from 'node:fs'
import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { MeetingFiles } from '../../../services/meetings/meeting-files.js'
import { contentDisposition } from '../../content-disposition.js'
import type { AppState } from '../../state.js'

export interface MeetingFileServingDeps {
  files: MeetingFiles
  clock: Clock
}

/**
 * A meeting's file, only through a signed link that has not expired: meeting views hand them to
 * the invitees and to staff who may see the meeting. Saved under the name it is shown with.
 */
export function meetingFileRoutes({ files, clock }: MeetingFileServingDeps) {
  const router = new Router<AppState>({ prefix: '/api/mp/meeting-files' })

  router.get('/:file', async (ctx) => {
    const { name, expires, sig } = ctx.query
    const { path, type, name: savedAs } = files.readable(ctx.params.file, { name, expires, sig }, clock.now())
    ctx.type = type
    ctx.set('Content-Disposition', contentDisposition(savedAs))
    // A signed link lives minutes: shared caches must not keep the file longer than the link.
    ctx.set('Cache-Control', 'private, max-age=300')
    ctx.body = createReadStream(path)
  })

  return router
}
