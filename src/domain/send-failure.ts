/**
 * Why the chat bot could not send a message, as a code the bot reports with its failure (bots/send-failure.ts
 * classifies what the puppet threw), and the plain words 消息发送情况 says for it. The puppet's own words (often
 * English: "1101 == 0", "4 DEADLINE_EXCEEDED") stay in the message's lastError for the administrator's logs only.
 */
export const SEND_FAILURE_CODES = [
  'not_friend',
  'room_not_found',
  'contacts_loading',
  'not_logged_in',
  'send_timeout',
  'file_too_large',
  'rate_limited',
  'unknown',
] as const
export type SendFailureCode = (typeof SEND_FAILURE_CODES)[number]

export const isSendFailureCode = (code: unknown): code is SendFailureCode => (SEND_FAILURE_CODES as readonly unknown[]).includes(code)

/** A failure nobody can name: the console's what-to-do (admin/src/views/admin/words.ts) knows an old bot's row by these words. */
export const UNKNOWN_WORDS = '没有发出去，原因不明'

/** Each code in words. not_friend keeps the words the console has matched since before codes (NOT_FRIEND_REASON). */
const WORDS: Record<SendFailureCode, string> = {
  not_friend: '对方不是好友，无法私聊：微信助手的好友里找不到这个人（可能删除了好友）',
  room_not_found: '找不到本站的微信群：微信助手可能已被移出群，或群名改了',
  contacts_loading: '微信助手刚登录，联系人还没加载完',
  not_logged_in: '微信助手没有登录微信，消息发不出去',
  send_timeout: '微信没有及时回应，这次没发出去',
  file_too_large: '文件太大，微信发不出去',
  rate_limited: '发得太频繁，微信暂时不让发',
  unknown: UNKNOWN_WORDS,
}

/** The codes the bot reports as worth trying again (bots/outbox-consumer.ts): only while one is, the words say so. */
const RETRIED: ReadonlySet<SendFailureCode> = new Set(['unknown', 'send_timeout', 'rate_limited', 'contacts_loading'])

/** Said of a failure that will be tried again by itself; one that is final says 未能送达 beside it already. */
const AGAIN = '，稍后会自动再发'

/** Whether the words hold any Chinese: a reason with none is the puppet's own (English, a bare code), never shown. */
const HAS_CHINESE = /\p{Script=Han}/u

/**
 * The reason 消息发送情况 shows for a message not (yet) sent: by its code when the bot gave one, else the reason as
 * written (the backend's own reasons are Chinese already), unless that is no words a reader has (an old bot's English
 * error): then "原因不明". `final`: it will not be tried again by itself (未能送达).
 */
export function reasonInWords(reason: string | null, code: string | null | undefined, final: boolean): string | null {
  if (isSendFailureCode(code)) {
    const words = WORDS[code]
    const retried = !final && RETRIED.has(code)
    return retried ? `${words}${AGAIN}` : words
  }
  if (reason === null || HAS_CHINESE.test(reason)) return reason
  return final ? WORDS.unknown : `${WORDS.unknown}${AGAIN}`
}
