import { createHash } from 'node:crypto'
import type { Middleware } from 'koa'
import { RateLimiterMemory, RateLimiterRes } from '../../security/rate-limiter.js'
import { PayloadTooLargeError, RateLimitError, UnprocessableError, UnsupportedMediaTypeError, ValidationError } from '../../errors.js'
import type { AppState } from '../state.js'
import { SESSION_COOKIE } from './auth.js'
import { routedPath } from './routed-path.js'

export interface ExpensiveLimits {
  posterCodesPerStaff: number
  exportsPerStaff: number
  importsPerStaff: number
}

interface Rule {
  name: string
  points: number
  matches: (method: string, path: string) => boolean
  message: string
  /**
   * An attempt refused for what was sent (400, 413, 415, 422: all or nothing, nothing written)
   * is given back: an office correcting a file line by line would else be locked out by its typos.
   */
  refundRefused?: boolean
}

const REFUSED_INPUT = [ValidationError, UnprocessableError, PayloadTooLargeError, UnsupportedMediaTypeError]

/**
 * Console endpoints that cost the server real work — drawing a poster QR code, writing a
 * CSV of every answer, importing a directory or a calendar year — are limited per console session (per
 * address without one), in 10 minutes, before the route runs. Ordinary reads are not.
 */
export function expensiveLimits(limits: ExpensiveLimits): Middleware<AppState> {
  const rules: Rule[] = [
    {
      name: 'poster',
      points: limits.posterCodesPerStaff,
      matches: (m, p) => m === 'GET' && p.endsWith('/qrcode.png'),
      message: '生成二维码太频繁了，请 10 分钟后再试',
    },
    { name: 'export', points: limits.exportsPerStaff, matches: (m, p) => m === 'GET' && p.endsWith('.csv'), message: '导出太频繁了，请 10 分钟后再试' },
    {
      name: 'import',
      points: limits.importsPerStaff,
      matches: (m, p) => m === 'POST' && p === '/api/admin/directory/import',
      message: '导入太频繁了，请 10 分钟后再试',
      refundRefused: true,
    },
    // A calendar year's import settles every provisional deadline again.
    {
      name: 'calendar',
      points: limits.importsPerStaff,
      matches: (m, p) => m === 'POST' && p === '/api/admin/calendar/years',
      message: '导入太频繁了，请 10 分钟后再试',
      refundRefused: true,
    },
  ]
  const limiters = new Map(
    rules.filter((r) => r.points > 0).map((r) => [r.name, new RateLimiterMemory({ keyPrefix: `expensive_${r.name}`, points: r.points, duration: 600 })]),
  )
  return async (ctx, next) => {
    const path = routedPath(ctx.path)
    if (!path.startsWith('/api/admin/')) return next()
    const rule = rules.find((r) => r.matches(ctx.method, path))
    const limiter = rule && limiters.get(rule.name)
    if (!rule || !limiter) return next()
    const session = ctx.cookies.get(SESSION_COOKIE)
    const key = session ? `s:${createHash('sha256').update(session).digest('base64url').slice(0, 22)}` : `ip:${ctx.ip}`
    try {
      await limiter.consume(key)
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res
      throw new RateLimitError(rule.message, Math.ceil(res.msBeforeNext / 1000))
    }
    if (!rule.refundRefused) return next()
    try {
      await next()
    } catch (err) {
      if (REFUSED_INPUT.some((type) => err instanceof type)) await limiter.reward(key, 1)
      throw err
    }
  }
}
