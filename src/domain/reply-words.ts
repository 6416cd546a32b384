/**
 * What may not go to a resident as a deputy's answer: words that only say he has the message
 * ("收到", "好的，我明天去看看") or that something was done without saying what ("已处理"). Sent as
 * the answer, the resident would be asked to rate words that tell her nothing. One rule for the
 * chat (bots/flows/deputy-words.ts) and the server (CaseWorkflow.reply), so the mini-program and
 * the bot judge alike.
 *
 * Pure, and it imports nothing at all: the bot, a separate process, imports this file alone
 * (the one exception to its talking to the backend over HTTP only, in .dependency-cruiser.cjs).
 */

/** Full-width forms made plain (ＯＫ → OK), zero-width characters dropped, every space removed: as the bot reads a line. */
const compact = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s/g, '')

/** Emoji and WeChat's own faces ([微笑], [强], [抱拳]), which reach the bot as text. */
const EMOJI = /\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{20E3}]|\[[\p{Script=Han}A-Za-z]{1,4}\]/gu

/** The compact form without emoji and punctuation: "好的👍！" → "好的". */
const bare = (text: string) =>
  compact(text)
    .replace(EMOJI, '')
    .replace(/[!！~～。.，,、?？;；:：]/g, '')
    .toLowerCase()

/**
 * Words that say something was done ("已报修", "已安排人员", "修好"): with them a short line is an
 * answer, however it begins ("收到，已联系物业").
 */
const SAYS_DONE =
  /已经?(修|办|处理|解决|联系|落实|完成|答复|协调|安排|沟通|清理|清运|整改|维修|更换|通知|反映|报修|上报|转交|转给|交给|督促)|修好|办好|换好|装好|修复|解决了|处理好|完成了/

/** Longer than this, a line says more than that he has it. */
const ACKNOWLEDGING_MAX = 20

/**
 * A short line that only says the deputy has it in hand (收到, 好的我明天去看看再回复), with no word that
 * something was done: sent as the answer, the resident would be asked to rate "收到".
 */
export function isOnlyAcknowledging(text: string): boolean {
  const t = compact(text).replace(EMOJI, '')
  if ([...t].length > ACKNOWLEDGING_MAX) return false
  if (SAYS_DONE.test(t)) return false
  return /^(收到|好的|好|已阅|阅|知道了|明白|ok|嗯)/i.test(t) || /(再回复|再答复|马上安排|尽快|去看看|去现场|了解一下)/.test(t)
}

/**
 * "已处理", "办好了" and nothing else: it says that something was done but not what, and the
 * resident would be asked to rate an answer that tells her nothing.
 */
export function isBareDone(text: string): boolean {
  return /^(已经?|都)?(处理|解决|办理?|办好|处理好|解决好|弄好|完成|办完|处理完)(了|好了|完了|完毕)?(的)?$|^(处理|解决|办|办好|弄好|完成|办完)了$/.test(
    bare(text),
  )
}

export type ReplyRefusalCode = 'reply_only_acknowledges' | 'reply_says_no_result'

/**
 * Why these words may not be sent as the answer, in words a deputy of 60 or 70 understands, or null
 * when they may. `mayAcknowledge`: the message waits for 受理 (the page offers the button), so he is
 * told to tap it; one acknowledged already is told only to answer once it is done.
 */
export function replyRefusal(text: string, mayAcknowledge: boolean): { code: ReplyRefusalCode; message: string } | null {
  if (isOnlyAcknowledging(text)) {
    const next = mayAcknowledge ? '请先点“受理”，办好以后再答复' : '请办好以后再答复'
    return { code: 'reply_only_acknowledges', message: `这句话只告诉了群众“收到了”，还没说怎么办的。${next}，写明做了什么、结果怎样。` }
  }
  if (isBareDone(text)) {
    return {
      code: 'reply_says_no_result',
      message: `“${text.trim()}”没有说做了什么，群众看了不知道结果。请写明做了什么、结果怎样，例如：已联系供电所，路灯昨天修好了。`,
    }
  }
  return null
}
