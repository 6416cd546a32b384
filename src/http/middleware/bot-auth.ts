import { createHash, timingSafeEqual } from 'node:crypto'
import type { Middleware } from 'koa'
import { ServiceUnavailableError, UnauthorizedError } from '../../errors.js'
import type { AppState } from '../state.js'

const digest = (s: string) => createHash('sha256').update(s).digest()

/** The bot's shared secret, compared in constant time. Off (503) when none is configured. */
export function requireBot(secret: string | null): Middleware<AppState> {
  const expected = secret ? digest(secret) : null
  return async (ctx, next) => {
    if (!expected) throw new ServiceUnavailableError('机器人接口未开启（未配置 LIAISON_BOT_SECRET）', 'bot_api_disabled')
    const given = ctx.get('Authorization').match(/^Bearer (.+)$/)?.[1]
    if (!given || !timingSafeEqual(digest(given), expected)) throw new UnauthorizedError('机器人密钥无效', 'invalid_bot_secret')
    return next()
  }
}
