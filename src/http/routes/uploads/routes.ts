import { createReadStream } from 'node:fs'
import Router from '@koa/router'
import busboy from 'busboy'
import type { Context } from 'koa'
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../../../errors.js'
import type { MpSessions } from '../../../services/mp-sessions.js'
import type { Uploads } from '../../../services/uploads.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
import { rateLimit } from '../../middleware/rate-limit.js'
import type { AppState } from '../../state.js'

/** Reads the one file of a multipart upload (what wx.uploadFile sends), refusing it past the limit. */
function readOneFile(ctx: Context, maxBytes: number): Promise<Buffer> {
  if (!ctx.is('multipart/form-data')) return Promise.reject(new UnsupportedMediaTypeError('请用 multipart/form-data 上传图片'))
  if (Number(ctx.get('Content-Length') || 0) > maxBytes + 64 * 1024) return Promise.reject(tooLarge(maxBytes))
  return new Promise((resolve, reject) => {
    let file: Buffer | null = null
    let failed: Error | null = null
    let parser: busboy.Busboy
    try {
      parser = busboy({ headers: ctx.req.headers, limits: { files: 1, fileSize: maxBytes, fields: 5 } })
    } catch {
      return reject(new ValidationError('上传内容无法解析', [], 'bad_upload'))
    }
    parser.on('file', (_name, stream) => {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('limit', () => (failed = tooLarge(maxBytes)))
      stream.on('end', () => (file = Buffer.concat(chunks)))
    })
    parser.on('error', () => reject(new ValidationError('上传内容无法解析', [], 'bad_upload')))
    parser.on('close', () => {
      if (failed) return reject(failed)
      if (!file || !file.length) return reject(new ValidationError('没有收到图片', [{ path: 'file', message: '必填' }]))
      resolve(file)
    })
    ctx.req.pipe(parser)
  })
}

const tooLarge = (maxBytes: number) => new PayloadTooLargeError(`图片过大，上限为 ${Math.round(maxBytes / 1024 / 1024)} MB`)

export function uploadRoutes(sessions: MpSessions, uploads: Uploads, maxBytes: number) {
  const router = new Router<AppState>({ prefix: '/api/mp/uploads' })

  router.post('/', requireMpUser(sessions), rateLimit('mp_upload', 30, 600, (s) => s.mpUser!.id), async (ctx) => {
    const saved = await uploads.save(await readOneFile(ctx, maxBytes), ctx.state.mpUser!.id)
    ctx.status = 201
    ctx.body = saved
  })

  router.get('/:name', async (ctx) => {
    const path = uploads.pathOf(ctx.params.name)
    if (!path) return // falls through to the 404 of the error middleware
    ctx.type = uploads.contentType(ctx.params.name)
    ctx.set('Cache-Control', 'private, max-age=86400')
    ctx.body = createReadStream(path)
  })

  return router
}
