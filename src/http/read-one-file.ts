import busboy from 'busboy'
import type { Context } from 'koa'
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../errors.js'

/** Reads the one file of a multipart upload (what wx.uploadFile sends), refusing it past the limit. */
export function readOneFile(ctx: Context, maxBytes: number): Promise<Buffer> {
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
