import type { Middleware } from 'koa'
import getRawBody from 'raw-body'
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../../errors.js'
import type { AppState } from '../state.js'

/**
 * Reads a JSON body into ctx.state.body with a size limit. Too large is 413 (checked
 * against Content-Length before reading, and while reading for chunked bodies),
 * another media type is 415, malformed JSON is 400.
 */
export function jsonBody(limitBytes: number): Middleware<AppState> {
  return async (ctx, next) => {
    if (!['POST', 'PUT', 'PATCH'].includes(ctx.method)) return next()
    const length = Number(ctx.get('Content-Length') || 0)
    if (length > limitBytes) throw tooLarge(limitBytes)
    const hasBody = length > 0 || ctx.get('Transfer-Encoding') !== ''
    if (hasBody && !ctx.is('application/json')) throw new UnsupportedMediaTypeError('请求体必须是 JSON（Content-Type: application/json）')
    if (!hasBody) {
      ctx.state.body = {}
      return next()
    }
    let text: string
    try {
      text = await getRawBody(ctx.req, { limit: limitBytes, encoding: 'utf8' })
    } catch (err) {
      if ((err as { type?: string }).type === 'entity.too.large') throw tooLarge(limitBytes)
      throw new ValidationError('请求体读取失败', [], 'bad_request')
    }
    try {
      ctx.state.body = text.trim() === '' ? {} : JSON.parse(text)
    } catch {
      // The parser's own words are English and name positions; the person reading this is not a programmer.
      throw new ValidationError('请求内容不是有效的 JSON', [{ path: 'body', message: '请求内容不是有效的 JSON' }], 'malformed_json')
    }
    return next()
  }
}

function tooLarge(limitBytes: number) {
  const limit = limitBytes >= 1 << 20 ? `${Math.round(limitBytes / (1 << 20))} MB` : `${Math.round(limitBytes / 1024)} KB`
  return new PayloadTooLargeError(`请求体过大，上限为 ${limit}`)
}
