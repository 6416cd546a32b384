import { wechatHttp, type WeChatHttp } from './http.js'
import { pino } from 'pino'
import { systemClock, type Clock } from '../clock.js'
import type { Logger } from '../logger.js'
import { httpStatusError, transportError, WeChatApiError, type WeChatErrorKind } from './errors.js'

/**
 * A WeCom (企业微信) group robot: posts text or markdown into a group through the robot's
 * webhook (`POST /cgi-bin/webhook/send?key=KEY` on qyapi.weixin.qq.com). The key alone
 * lets anyone post into the group, so it is a secret: it appears in no log line and no error.
 */

export interface WeComRobotOptions {
  /** https://qyapi.weixin.qq.com in production; the local fake in tests. */
  apiBase: string
  timeoutMs: number
  logger?: Logger
  clock?: Clock
}

export interface RobotMessage {
  msgtype: 'text' | 'markdown'
  content: string
  /** Mobile numbers to @-mention (text messages only; '@all' mentions everyone). */
  mentionedMobiles?: string[]
}

const API = '/cgi-bin/webhook/send'
/** WeCom's limits: text content 2048 bytes, markdown 4096 bytes, both UTF-8. */
const MAX_BYTES = { text: 2048, markdown: 4096 } as const
/** "每个机器人发送的消息不能超过20条/分钟": past that WeCom answers 45009 and drops the message. */
export const ROBOT_MESSAGES_PER_MINUTE = 20
const WINDOW_MS = 60_000

/** WeCom's own errcodes that tell the caller something different from the WeChat table. */
const ROBOT_KIND: Record<number, WeChatErrorKind> = {
  45009: 'quota',
  93000: 'config', // invalid webhook key: the robot was removed from its group, or the key is wrong
  93004: 'config', // the robot was disabled
  40008: 'bad_data', // invalid message type
  40058: 'bad_data', // content too long or a field invalid
  44004: 'bad_data', // empty content
}

/** Cuts a string to at most `maxBytes` of UTF-8 without splitting a character. */
export function cutToUtf8Bytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text
  let bytes = 0
  let out = ''
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8')
    if (bytes + size > maxBytes) break
    bytes += size
    out += ch
  }
  return out
}

export class WeComRobot {
  private readonly http: WeChatHttp
  private readonly log: Logger
  private readonly clock: Clock
  /** Send times per robot key over the last minute, to stay within WeCom's 20 a minute. */
  private readonly recentSends = new Map<string, number[]>()

  constructor(private readonly options: WeComRobotOptions) {
    this.http = wechatHttp(options.apiBase, options.timeoutMs)
    this.log = (options.logger ?? pino({ level: 'silent' })).child({ module: 'wecom-robot' })
    this.clock = options.clock ?? systemClock
  }

  /**
   * Posts one message. Beyond 20 a minute for this robot it throws kind 'quota' without
   * sending (retry later); WeCom's 45009 is 'quota' too, 93000 (bad key) 'config'.
   */
  async send(key: string, message: RobotMessage): Promise<void> {
    if (!key) throw new WeChatApiError({ api: API, errcode: 93000, errmsg: 'robot key is missing', kind: 'config', local: true })
    this.takeSendSlot(key)

    const content = cutToUtf8Bytes(message.content, MAX_BYTES[message.msgtype])
    const body =
      message.msgtype === 'text'
        ? { msgtype: 'text', text: { content, ...(message.mentionedMobiles?.length ? { mentioned_mobile_list: message.mentionedMobiles } : {}) } }
        : { msgtype: 'markdown', markdown: { content } }

    const started = Date.now()
    let response
    try {
      response = await this.http.post<Buffer>(API, body, { params: { key }, signal: AbortSignal.timeout(this.options.timeoutMs) })
    } catch (err) {
      const error = transportError(API, err, this.options.timeoutMs)
      this.log.warn({ api: API, kind: error.kind, reason: error.errmsg, ms: Date.now() - started }, 'wecom robot send failed')
      throw error
    }
    if (response.status < 200 || response.status >= 300) {
      const error = httpStatusError(API, response.status)
      this.log.warn({ api: API, kind: error.kind, status: response.status }, 'wecom robot send failed')
      throw error
    }
    let json: { errcode?: unknown; errmsg?: unknown }
    try {
      json = JSON.parse(Buffer.from(response.data).toString('utf8'))
    } catch {
      throw new WeChatApiError({ api: API, errcode: null, errmsg: 'answer is not JSON', kind: 'unknown' })
    }
    const errcode = Number(json?.errcode ?? 0)
    if (errcode !== 0) {
      // WeCom's errmsg names the caller's IP and a hint, never the key; scrubbed all the same.
      const errmsg = String(json.errmsg ?? '')
        .split(key)
        .join('[redacted]')
      const error = new WeChatApiError({ api: API, errcode, errmsg, ...(ROBOT_KIND[errcode] ? { kind: ROBOT_KIND[errcode] } : {}) })
      this.log.warn({ api: API, errcode, kind: error.kind, errmsg }, 'wecom robot refused the message')
      throw error
    }
    this.log.debug({ api: API, msgtype: message.msgtype, ms: Date.now() - started }, 'wecom robot message sent')
  }

  private takeSendSlot(key: string): void {
    const now = this.clock.now().getTime()
    const recent = (this.recentSends.get(key) ?? []).filter((at) => now - at < WINDOW_MS)
    if (recent.length >= ROBOT_MESSAGES_PER_MINUTE) {
      this.recentSends.set(key, recent)
      const waitSeconds = Math.ceil((recent[0] + WINDOW_MS - now) / 1000)
      throw new WeChatApiError({
        api: API,
        errcode: 45009,
        errmsg: `robot sent ${ROBOT_MESSAGES_PER_MINUTE} messages in the last minute; retry in ${waitSeconds} s`,
        kind: 'quota',
        local: true,
      })
    }
    recent.push(now)
    this.recentSends.set(key, recent)
  }
}
