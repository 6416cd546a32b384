import { ConversationNotFoundError } from './speaker.js'

import type { SendFailureCode } from '../src/domain/send-failure.js'

/** The backend's own list (src/domain/send-failure.ts, which imports nothing: .dependency-cruiser.cjs lets the bot take it). */
export type { SendFailureCode }

/**
 * Why a message could not be sent, as the code the backend keeps and 消息发送情况 says in words, from what was thrown.
 * The puppets throw in their own ways (looked at in node_modules):
 * - wechat4u (web WeChat): node's AssertionError "1101 == 0" with the answer on `response.data.BaseResponse.Ret`
 *   (1100–1102: the session is gone, i.e. logged out; 1205: sending too often), `tips` "发送文本信息失败"; its own
 *   AlreadyLogoutError "already logout"; axios' "timeout of 60000ms exceeded" (ECONNABORTED / ETIMEDOUT).
 * - wechaty-puppet and the mock puppet: Error "not logged in" (messageSend), "not logged in, no this.__currentUserId yet."
 * - puppet-service (gRPC): "<code> <NAME>: <details>" with a numeric `code`: 4 DEADLINE_EXCEEDED, "13 INTERNAL:
 *   TIMEOUT, can not get message callback response", 8 RESOURCE_EXHAUSTED "Received message larger than max"
 *   (a file past the 4 MB a call carries); some services say "ERR_SEND_MSG_TIMEOUT send message timeout".
 * Anything else is `unknown`: its text goes along for the logs, the console says 原因不明.
 */
export function sendFailureCode(err: unknown, channel: string, loading: boolean): SendFailureCode {
  if (err instanceof ConversationNotFoundError) return loading ? 'contacts_loading' : channel === 'bot_room' ? 'room_not_found' : 'not_friend'
  const e = (err ?? {}) as { name?: unknown; message?: unknown; code?: unknown; details?: unknown; response?: { data?: { BaseResponse?: { Ret?: unknown } } } }
  const text = `${String(e.message ?? err)} ${typeof e.details === 'string' ? e.details : ''}`
  const ret = Number(e.response?.data?.BaseResponse?.Ret)
  if (ret >= 1100 && ret <= 1102) return 'not_logged_in'
  if (ret === 1205) return 'rate_limited'
  if (e.name === 'AlreadyLogoutError' || /not logged in|not login|already logout|logged out|logout/i.test(text)) return 'not_logged_in'
  if (/larger than max|file too large|maximum file size|文件过大|文件太大/i.test(text)) return 'file_too_large'
  if (e.code === 8 || /too frequent|rate.?limit|频繁/i.test(text)) return 'rate_limited'
  if (e.name === 'TimeoutError' || e.code === 4 || e.code === 'ECONNABORTED' || e.code === 'ETIMEDOUT' || /time(d)? ?out|超时/i.test(text))
    return 'send_timeout'
  return 'unknown'
}
