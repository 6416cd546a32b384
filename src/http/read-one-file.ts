import busboy from 'busboy'
import type { Context } from 'koa'
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../errors.js'

/** What a refused upload says, in the words of what is being uploaded. */
export interface UploadWords {
  notMultipart: string
  tooLarge: (megabytes: number) => string
  missing: string
}

const IMAGE_WORDS: UploadWords = {
  notMultipart: '请用 multipart/form-data 上传图片',
  tooLarge: (mb) => `图片过大，上限为 ${mb} MB`,
  missing: '没有收到图片',
}

/** Reads the one file of a multipart upload (what wx.uploadFile sends), refusing it past the limit. */
export async function readOneFile(ctx: Context, maxBytes: number): Promise<Buffer> {
  return (await readNamedFile(ctx, maxBytes)).bytes
}

/** The same, with the name the file had on the sender's computer ('' when none was given). */
export function readNamedFile(ctx: Context, maxBytes: number, words: UploadWords = IMAGE_WORDS): Promise<{ bytes: Buffer; filename: string }> {
  const tooLarge = () => new PayloadTooLargeError(words.tooLarge(Math.round(maxBytes / 1024 / 1024)))
  if (!ctx.is('multipart/form-data')) return Promise.reject(new UnsupportedMediaTypeError(words.notMultipart))
  if (Number(ctx.get('Content-Length') || 0) > maxBytes + 64 * 1024) return Promise.reject(tooLarge())
  return new Promise((resolve, reject) => {
    let file: Buffer | null = null
    let filename = ''
    let failed: Error | null = null
    let parser: busboy.Busboy
    try {
      // Browsers write a Chinese file name as UTF-8 bytes; busboy would read them as Latin-1.
      parser = busboy({ headers: ctx.req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: maxBytes, fields: 5 } })
    } catch {
      return reject(new ValidationError('上传内容无法解析', [], 'bad_upload'))
    }
    parser.on('file', (_name, stream, info) => {
      filename = info.filename ?? ''
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('limit', () => (failed = tooLarge()))
      stream.on('end', () => (file = Buffer.concat(chunks)))
    })
    parser.on('error', () => reject(new ValidationError('上传内容无法解析', [], 'bad_upload')))
    parser.on('close', () => {
      if (failed) return reject(failed)
      if (!file || !file.length) return reject(new ValidationError(words.missing, [{ path: 'file', message: '必填' }]))
      resolve({ bytes: file, filename })
    })
    ctx.req.pipe(parser)
  })
}
