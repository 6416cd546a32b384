import { createHash } from 'node:crypto'
import type { Middleware, Next, ParameterizedContext } from 'koa'
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
  /** What the 429 says before when to try again. */
  message: string
  /**
   * An attempt refused for what was sent (400, 413, 415, 422: all or nothing, nothing written)
   * is given back: an office correcting a file line by line would else be locked out by its typos.
   * It is weighed by its size instead, against a budget of refused MiB of its own (ExpensiveOptions).
   */
  refundRefused?: boolean
}

export interface ExpensiveOptions {
  /**
   * MiB of refused files one session may send to an import in 10 minutes, each counted at its size rounded up
   * (at least 1 MiB); once spent, its imports wait. Reading and checking a refused 20 MB file costs as much as
   * an accepted one, so refused files cannot be free; by size, so a clerk correcting a small file hardly counts.
   */
  refusedImportMiB: number
  /** The largest import body read (MiB): a refused body never counts above it, since reading stops there. */
  importLimitMb: number
}

const REFUSED_INPUT = [ValidationError, UnprocessableError, PayloadTooLargeError, UnsupportedMediaTypeError]
const MiB = 1 << 20

/** The whole minutes until a limit's window ends, said as people say it. */
const tryAgainIn = (msBeforeNext: number) => `${Math.max(1, Math.ceil(msBeforeNext / 60_000))} 分钟后再试`

/**
 * Console endpoints that cost the server real work — drawing a poster QR code, writing a
 * CSV of every answer, importing a directory or a calendar year — are limited per console session (per
 * address without one), in 10 minutes, before the route runs. Ordinary reads are not.
 */
export function expensiveLimits(limits: ExpensiveLimits, options: ExpensiveOptions): Middleware<AppState> {
  const rules: Rule[] = [
    {
      name: 'poster',
      points: limits.posterCodesPerStaff,
      matches: (m, p) => m === 'GET' && p.endsWith('/qrcode.png'),
      message: '生成二维码太频繁了，请',
    },
    { name: 'export', points: limits.exportsPerStaff, matches: (m, p) => m === 'GET' && p.endsWith('.csv'), message: '导出太频繁了，请' },
    {
      name: 'import',
      points: limits.importsPerStaff,
      matches: (m, p) => m === 'POST' && p === '/api/admin/directory/import',
      message: '导入太频繁了，请',
      refundRefused: true,
    },
    // A calendar year's import settles every provisional deadline again.
    {
      name: 'calendar',
      points: limits.importsPerStaff,
      matches: (m, p) => m === 'POST' && p === '/api/admin/calendar/years',
      message: '导入太频繁了，请',
      refundRefused: true,
    },
  ]
  const limiters = new Map(
    rules.filter((r) => r.points > 0).map((r) => [r.name, new RateLimiterMemory({ keyPrefix: `expensive_${r.name}`, points: r.points, duration: 600 })]),
  )
  const refusedBudget = options.refusedImportMiB
  const refusedLimiters = new Map(
    rules
      .filter((r) => r.refundRefused && limiters.has(r.name) && refusedBudget > 0)
      .map((r) => [r.name, new RateLimiterMemory({ keyPrefix: `expensive_${r.name}_refused`, points: refusedBudget, duration: 600 })]),
  )
  /** A refused body's size in whole MiB, at least 1: as declared, else as read (chunked); never above the largest read. */
  const refusedMiB = (declared: number, read: number) => Math.max(1, Math.ceil(Math.min(declared > 0 ? declared : read, options.importLimitMb * MiB) / MiB))
  // The check itself is async only for the console's own paths: every other request passes by, and an async function
  // around its `next()` cost each of them a promise and more turns of the microtask queue.
  const limited = async (ctx: ParameterizedContext<AppState>, next: Next, path: string) => {
    const rule = rules.find((r) => r.matches(ctx.method, path))
    const limiter = rule && limiters.get(rule.name)
    if (!rule || !limiter) return next()
    const session = ctx.cookies.get(SESSION_COOKIE)
    const key = session ? `s:${createHash('sha256').update(session).digest('base64url').slice(0, 22)}` : `ip:${ctx.ip}`
    const refused = refusedLimiters.get(rule.name)
    const spent = await refused?.get(key)
    if (spent && spent.consumedPoints >= refusedBudget) {
      // Before the body is read: that reading is the cost being limited.
      throw new RateLimitError(`导入的文件多次没有通过检查，请先核对改好文件，${tryAgainIn(spent.msBeforeNext)}`, Math.ceil(spent.msBeforeNext / 1000))
    }
    try {
      await limiter.consume(key)
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res
      throw new RateLimitError(`${rule.message} ${tryAgainIn(res.msBeforeNext)}`, Math.ceil(res.msBeforeNext / 1000))
    }
    if (!rule.refundRefused) return next()
    const readBefore = ctx.req.socket?.bytesRead ?? 0
    try {
      await next()
    } catch (err) {
      if (REFUSED_INPUT.some((type) => err instanceof type)) {
        await limiter.reward(key, 1)
        await refused?.penalty(key, refusedMiB(Number(ctx.get('Content-Length') || 0), (ctx.req.socket?.bytesRead ?? 0) - readBefore))
      }
      throw err
    }
  }
  return (ctx, next) => {
    const path = routedPath(ctx.path)
    return path.startsWith('/api/admin/') ? limited(ctx, next, path) : next()
  }
}
