/**
 * Pure text helpers of the bot: what a person typed read as a command (made comparable in
 * typed-text.ts, scores read in scores.ts), quotes taken apart, and long answers cut to
 * WeChat-sized messages. No I/O here, so every rule is a plain unit test.
 */
import { choiceNumber } from './scores.js'
import { compact, EMOJI, normalise, originalTail, repeatedUnit } from './typed-text.js'

export { choiceNumber, dissatisfaction, notSolved, ratingWord, scaleWord, verdictOnAnswer } from './scores.js'
export { compact, normalise } from './typed-text.js'

/** WeChat takes longer texts, but long bubbles are hard to read on an old phone; we cut well below. */
export const MESSAGE_LIMIT = 1500

export type Command =
  | { kind: 'help' }
  | { kind: 'startMessage' }
  /** "我要给张伟代表留言" / "给DP0001留言[：内容]": straight to one deputy. */
  | { kind: 'messageDeputy'; who: string; text: string }
  | { kind: 'query'; ticket: string | null }
  | { kind: 'done' }
  | { kind: 'confirm' }
  | { kind: 'cancel' }
  | { kind: 'agree' }
  | { kind: 'reopen' }
  /** "评价 0042 5": rates that message's answer (another may be waiting for the bare number). */
  | { kind: 'rate'; ref: string; value: number }
  | { kind: 'number'; value: number }
  /** A station or deputy code from a poster: ST001, DP0001; "给ST001留言 菜市场门口太乱" with her words. */
  | { kind: 'code'; code: string; text?: string }
  | { kind: 'bind'; code: string }
  | { kind: 'todo' }
  | { kind: 'reply'; ref: string; text: string }
  | { kind: 'acknowledge'; ref: string }
  | { kind: 'transfer'; ref: string; reason: string }
  | { kind: 'attend' }
  | { kind: 'excuse'; reason: string }
  | { kind: 'bindRoom'; stationCode: string }
  /** Thanks, "嗯", a thumbs-up, a sticker-like emoji only: said to be kind, not asking for anything. */
  | { kind: 'pleasantry' }
  | { kind: 'text'; text: string }

// Whole-message words, compared on the compact form. Slips seen from older users
// (homophones typed by pinyin input, a polite word around the command) are listed too.
const WORDS: Array<[Command['kind'], string[]]> = [
  ['help', ['帮助', '帮忙', '菜单', '目录', '功能', 'help', '?', '怎么用', '使用说明', '说明']],
  [
    'startMessage',
    [
      ...['留言', '流言', '留盐', '我要留言', '我想留言', '写留言', '给代表留言', '给人大代表留言', '反映问题', '反映情况', '提建议', '提意见', '我要反映'],
      // Asking to reach a deputy is asking to write to one: the chat is the way to him.
      ...['找代表', '找人大代表', '我要找代表', '我想找代表', '我找代表', '我要找人大代表', '我想找人大代表', '要找代表', '想找代表'],
      ...['我想反映', '我要反映一下', '我想反映一下', '反映个事', '我要反映个事', '我想反映个事', '反映一下', '我有事要反映', '我有个事要反映'],
    ],
  ],
  [
    'query',
    [
      ...['查询', '查寻', '查讯', '查循', '查看', '查进度', '进度', '我的留言', '查询留言', '查留言'],
      // How people ask after a message in their own words.
      ...['查一下', '查一查', '查查', '帮我查一下', '帮我查查', '进展', '进展怎么样', '进展如何', '进度怎么样', '进度如何', '怎么样了'],
      ...['办得怎么样了', '办好了吗', '办好了没有', '有结果了吗', '有答复了吗', '有回复了吗', '有消息了吗'],
      ...['到哪了', '到哪儿了', '到哪一步了', '到哪步了', '办到哪了', '办到哪一步了', '办好了没', '办了没有', '有消息没有', '有消息没', '有消息吗'],
      ...['有回音没', '有回音没有', '有回音吗', '有回音了吗', '有信儿没', '有信儿了吗', '有动静没有', '有下文没有'],
      // How many there are (a deputy asks after those waiting for him so).
      ...['有几条留言', '几条留言', '有多少留言', '有多少条留言', '有新留言吗', '有没有新留言', '有留言吗', '有没有留言'],
    ],
  ],
  [
    'done',
    [
      ...['好了', '号了', '好啦', '好嘞', '说完了', '写完了', '完了', '没了', '就这些', '就这样', '完毕', '结束', '发完了'],
      ...['没有了', '没别的了', '没有别的了', '就这么多', '就这么多了', '行了', '可以了'],
      // "Send it", as people say it when they think they are done.
      ...['好拉', '号拉', '发送', '发吧', '发出去', '发过去', '发给代表', '就发吧', '提交吧', '交上去'],
    ],
  ],
  ['confirm', ['确认', '确定', '确认提交', '提交', '是', '是的', '对', '对的', '好的', '好', '好吧', '行', '行的', '可以', '可以的', '没问题']],
  ['cancel', ['取消', '不要了', '算了', '不留了', '退出', '不同意', '不用了', '否', '返回']],
  ['agree', ['同意', '我同意', '同意了', '同意的', '已阅同意']],
  ['reopen', ['重新办理', '重办', '重新办', '不满意', '要求重新办理', '重新处理', '要求重新处理', '我要求重新处理', '再办一次', '再处理一次']],
  ['todo', ['待办', '代办', '我的待办', '待处理', '待办事项', '代办事项']],
  ['attend', ['参加', '参会', '我参加', '出席', '我出席', '能参加']],
  [
    'pleasantry',
    [
      '谢谢',
      '谢谢你',
      '谢谢您',
      '谢谢你们',
      '谢谢了',
      '谢谢啦',
      '感谢',
      '感谢感谢',
      '非常感谢',
      '十分感谢',
      '多谢',
      '辛苦了',
      '辛苦啦',
      '辛苦你们了',
      '麻烦了',
      '麻烦你们了',
      '好的谢谢',
      '收到谢谢',
      '知道了',
      '知道了谢谢',
      '嗯',
      '嗯嗯',
      '哦',
      '噢',
      '好滴',
      'ok',
      'thanks',
    ],
  ],
]

const wordTable = new Map<string, Command['kind']>()
for (const [kind, words] of WORDS) for (const w of words) wordTable.set(w.toLowerCase(), kind)

/**
 * The word a whole message is, on its compact form: as typed; without emoji, faces and
 * punctuation ("好的👍", "谢谢！"); said twice or more ("谢谢谢谢", "好了好了"); and for "that is
 * all", with another ending ("就这些啦", "就这些了", "说完啦").
 */
function wholeWord(tight: string): Command['kind'] | undefined {
  const unadorned = tight.replace(EMOJI, '').replace(/[!！~～。.，,、?？]/g, '')
  const word = wordTable.get(tight) ?? wordTable.get(unadorned)
  if (word) return word
  const unit = repeatedUnit(unadorned, (u) => wordTable.has(u))
  if (unit) return wordTable.get(unit)
  const plain = unadorned.replace(/[了啦吧哈呀啊]+$/, '')
  return [plain, `${plain}了`].some((w) => plain && wordTable.get(w) === 'done') ? 'done' : undefined
}

/** A keyword at the start of the text, with any spaces between its characters ("回 复"). */
function leading(text: string, word: string): string | null {
  const pattern = new RegExp(`^${[...word].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')}`)
  const m = pattern.exec(text)
  return m ? text.slice(m[0].length) : null
}

/** Separators people put between a command and what follows: spaces, colons, commas. */
const rest = (text: string) => text.replace(/^[\s:：,，、。.]+/, '').trim()

const TICKET = /^(\d{8}-\d{4,})$/
const REF = /^(\d{8}-\d{4,}|\d{1,6})(?=$|[\s:：,，、。.]|[^\d-])/

/**
 * Reads a private or room message as a command. Words are matched on the whole message
 * only, so a resident's "帮助我们修一下路灯" stays text; commands with arguments
 * (回复 0042 …) are matched at the start.
 */
export function parseCommand(input: string): Command {
  const text = normalise(input)
  const tight = text
    .replace(/\s/g, '')
    .toLowerCase()
    .replace(/[!！~～。.]+$/, '')
  const word = wholeWord(tight)
  if (!word && tight.match(EMOJI) && !tight.replace(EMOJI, '').replace(/[!！~～。.，,、]/g, '')) return { kind: 'pleasantry' }
  if (word === 'query') return { kind: 'query', ticket: null }
  if (word) return { kind: word } as Command

  const n = choiceNumber(text)
  if (n !== null) return { kind: 'number', value: n }

  const code = /^(ST|DP)\d{3,6}$/i.exec(tight)
  if (code) return { kind: 'code', code: tight.toUpperCase() }

  const stationBind = leading(text, '绑定站点')
  if (stationBind !== null) {
    const m = /^([A-Za-z]{2}\d{3,6})$/.exec(rest(stationBind).replace(/\s/g, ''))
    if (m) return { kind: 'bindRoom', stationCode: m[1].toUpperCase() }
  }
  const bind = leading(text, '绑定')
  if (bind !== null) {
    const m = /^(\d{6})$/.exec(rest(bind).replace(/\s/g, ''))
    if (m) return { kind: 'bind', code: m[1] }
  }

  // 评价 0042 5 / 评分 20261122-0042 5分 / 打分 0042：4 —— only this exact form, so a message that starts "评价一下…" stays text.
  for (const word of ['评价', '评分', '打分']) {
    const after = leading(text, word)
    if (after === null) continue
    // Any one- or two-digit score is read, so "评价 0042 8" hears the 1-to-5 rule rather than the menu.
    const m = /^(\d{8}-\d{4,}|\d{4})[\s:：,，、]*(\d{1,2})\s*(?:分|星)?$/.exec(rest(after))
    if (m) return { kind: 'rate', ref: m[1], value: Number(m[2]) }
  }

  for (const word of ['查询', '查寻', '查讯', '查']) {
    const after = leading(text, word)
    if (after === null) continue
    const t = rest(after).replace(/\s/g, '')
    if (TICKET.test(t) || /^\d{4}$/.test(t)) return { kind: 'query', ticket: t }
    // "查 1": the number's last digits, as people shorten 0001.
    if (/^\d{1,3}$/.test(t)) return { kind: 'query', ticket: t.padStart(4, '0') }
  }

  const deputyCommand = (word: string) => {
    const after = leading(text, word)
    if (after === null) return null
    const m = REF.exec(rest(after))
    return m ? { ref: m[1], more: rest(rest(after).slice(m[1].length)) } : null
  }
  // Free text after a command keeps the person's own characters (a Chinese "，" is full-width too).
  const own = (tail: string) => originalTail(input, text.slice(0, text.length - tail.length)) ?? tail
  const reply = deputyCommand('回复') ?? deputyCommand('答复')
  if (reply) return { kind: 'reply', ref: reply.ref, text: own(reply.more) }
  const ack = deputyCommand('受理') ?? deputyCommand('收到')
  if (ack && !ack.more) return { kind: 'acknowledge', ref: ack.ref }
  const transfer = deputyCommand('转交') ?? deputyCommand('退回')
  if (transfer) return { kind: 'transfer', ref: transfer.ref, reason: own(transfer.more) }

  const excuse = leading(text, '请假')
  if (excuse !== null) return { kind: 'excuse', reason: own(rest(excuse)) }

  // 我要给张伟代表留言 / 给DP0001留言：路灯坏了 / 找王芳代表留言
  const toDeputy = /^(?:我要|我想|我)?(?:给|找|向)\s*(.+?)\s*(?:人大)?(?:代表)?\s*留\s*言(?:[\s:：,，。.]+([\s\S]*))?$/.exec(text)
  if (toDeputy && toDeputy[1].length <= 12) {
    const who = toDeputy[1].replace(/\s/g, '').replace(/(人大)?代表$/, '')
    if (!who || who === '人大') return { kind: 'startMessage' }
    // The poster's station code, as the poster itself says it ("给ST001留言"): that station.
    if (/^ST\d{3,6}$/i.test(who)) return { kind: 'code', code: who.toUpperCase(), ...(toDeputy[2] ? { text: own(toDeputy[2].trim()) } : {}) }
    return { kind: 'messageDeputy', who, text: toDeputy[2] ? own(toDeputy[2].trim()) : '' }
  }

  // "我要找代表反映个事", "想跟代表反映一下情况": asking to write to a deputy, not yet what about.
  if (WANTS_A_DEPUTY.test(tight.replace(/[,，、。.!！?？~～]/g, ''))) return { kind: 'startMessage' }

  return { kind: 'text', text: input.trim() }
}

const WANTS_A_DEPUTY =
  /^(?:我|俺)?(?:要|想|想要|需要)?(?:(?:找|联系)(?:一下|下)?(?:人大)?代表(?:反映|说说|说|谈谈)?|(?:给|跟|向|和)(?:人大)?代表(?:反映|说说|说))(?:一下|下|个|点)?(?:事|事儿|事情|问题|情况)?(?:吧|啊|呀|了)?$/

/** WeChat's quote (引用) as text: 「sender：the quoted message」, a line of dashes, then what they wrote. */
const QUOTE = /^「([\s\S]*)」\s*\n[ \t]*(?:-[ \t]*){5,}\n([\s\S]*)$/

/** A quoted message apart from the person's own words; a message without a quote is all their own. */
export function unquote(input: string): { quoted: string | null; own: string } {
  const m = QUOTE.exec(input.trim())
  return m ? { quoted: m[1], own: m[2].trim() } : { quoted: null, own: input }
}

/** The full ticket number a quoted notice names (新留言 20261203-0014 …), if any. */
export function quotedTicket(quoted: string | null | undefined): string | null {
  return (quoted && /(\d{8}-\d{4,})/.exec(quoted)?.[1]) || null
}

/**
 * The ticket of an answer notice she quoted ("您12月4日反映的“路灯不亮”（编号 20261204-0001）有答复了：…", or from an
 * older backend "您的留言 20261204-0001 有答复了：…"): the message a score under it is for.
 */
export function quotedAnswerTicket(quoted: string | null | undefined): string | null {
  const found = quoted && /(?:您的留言\s*(\d{8}-\d{4,})\s*|\(编号\s*(\d{8}-\d{4,})\)\s*)有答复了/.exec(normalise(quoted)) // NFKC: （） are ()
  return (found && (found[1] ?? found[2])) || null
}

/**
 * "我那个路灯的事怎么样了", "0001 有答复了吗": asking how a message is doing, in a sentence. Only
 * read with nothing going on: inside a message, "…到底怎么样了" is part of what she writes.
 * Returns the ticket or last four digits named, '' when none is, null when it is no such question.
 */
export function progressQuestion(input: string): string | null {
  const t = compact(input)
    .replace(EMOJI, '')
    .replace(/[?？!！~～。.，,、]+/g, '')
  if (!t || [...t].length > 30) return null
  const asks = PROGRESS_ASK.test(t) || /^(?:帮我|帮忙)?查(?:一下|一查|查)?(?:我的|我那|我上次|我之前)/.test(t)
  if (!asks) return null
  return /(\d{8}-\d{4,})/.exec(t)?.[1] ?? /(?<!\d)(\d{4})(?!\d)/.exec(t)?.[1] ?? ''
}

/** How a sentence ends when it asks how a message is doing: "…怎么样了", "…到哪一步了", "…有回音没". */
const PROGRESS_ASK =
  /(?:怎么样了|怎样了|咋样了|如何了|进展如何|进度如何|进展怎么样|进度怎么样|办得怎么样|办(?:到)?哪(?:儿|里)?(?:一步)?了|到哪(?:儿|里)?(?:一步|步)?了|到什么(?:程度|地步)了|办好了(?:吗|没有?)|办了(?:吗|没有?)|有(?:没有)?(?:结果|答复|回复|消息|进展|下文|回音|信儿|动静)了?(?:吗|没有?|呢)|处理了(?:吗|没有?)|解决了(?:吗|没有?))[吗呢啊呀]*$/

/** Words that point back at a message already sent: "我的留言", "那个事", "上回说的". */
const POINTS_BACK = /留言|上回|上次|之前|以前|前几天|前些天|那个|那件|这个事|这件事|这事|那事|我反映的|我说的|我问的|我的事|我那/

/**
 * "我的留言到哪了", "那个事办好了没有", "到哪一步了" while a message is being written or its place chosen: a
 * question after a message already sent, answered as 查询 and never made part of the new one. Stricter than
 * progressQuestion: "路灯到底怎么样了" names no earlier message and stays her words.
 */
export function progressInFlow(input: string): string | null {
  const asked = progressQuestion(input)
  if (asked === null) return null
  const t = compact(input)
    .replace(EMOJI, '')
    .replace(/[?？!！~～。.，,、]+/g, '')
  const before = t.replace(PROGRESS_ASK, '').replace(/\d{8}-\d{4,}|\d{4}/g, '')
  return !before || POINTS_BACK.test(before) ? asked : null
}

/**
 * "谢谢代表帮我们修好了路灯": thanks, said at length. Not when a problem follows the thanks
 * ("谢谢你们，但是路灯还是不亮"): that is a message to keep.
 */
export function isThanks(text: string): boolean {
  const t = compact(text)
  return /^(?:谢谢|感谢|多谢|辛苦)/.test(t) && !/但|可是|不过|还是|没有|没|不|坏|问题|能不能|能否|麻烦|请/.test(t.replace(/^(?:谢谢|感谢|多谢)/, ''))
}

/**
 * Her answer in words to "对刚才答复的意见，还是新的问题？" or "您说的是刚才评价的"路灯"那件事，还是一件新的事？"
 * (after a score, words that may be either): "是意见", "对答复的意见", "刚才那件事", "路灯那件事" (`subject`) → 1;
 * "新问题", "是新的问题", "另一件事", "一件新的事" → 2; anything else → null.
 */
export function commentOrNewChoice(text: string, subject?: string, pending?: string): 1 | 2 | null {
  const t = compact(text)
    .replace(EMOJI, '')
    .replace(/[\p{P}\p{S}]/gu, '')
  if (/^(?:是|就是)?(?:对)?(?:刚才的?)?(?:答复|回复)?的?(?:意见|评价)(?:吧|啊|呀|的|了)?$/.test(t)) return 1
  if (/^(?:是|就是|要|我要)?(?:反映)?(?:一件)?(?:新的?|另一件|另外的?|别的)(?:问题|事|事情)(?:吧|啊|呀|的|了)?$/.test(t)) return 2
  // "新的", "是新的", "新问题吧": the question's own word for 2.
  if (/^(?:是|就是)?(?:新的|新问题|新事|新事情|另外的|另一个|别的)(?:吧|啊|呀|了)?$/.test(t)) return 2
  // "刚才那个", "刚才那个事", "刚才那件": the message she has just rated.
  if (/^(?:是|就是|说的是)?刚才(?:的|那个|那件|这个|这件|说的)?(?:事|事情)?(?:吧|啊|呀|了)?$/.test(t) && t.includes('刚才')) return 1
  // "是刚才那件事", "路灯的事", "说的是路灯那件", "路灯": the message she rated.
  const named = subject
    ? compact(subject)
        .replace(/[\p{P}\p{S}]/gu, '')
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    : ''
  const lead = '^(?:是|就是|说的是|我说的是)?(?:刚才评价的|刚才的?|评价的)?'
  const tail = '(?:吧|啊|呀|了)?$'
  if (new RegExp(`${lead}${named ? `(?:${named})?` : ''}的?(?:那件|这件)(?:事|事情)?${tail}`).test(t)) return 1
  if (/^(?:是|就是)?刚才的?(?:事|事情)(?:吧|啊|呀|了)?$/.test(t)) return 1
  if (named && new RegExp(`${lead}${named}(?:的?(?:事|事情))?${tail}`).test(t)) return 1
  // "垃圾的事", "垃圾": a word of her new words that is not the rated message's subject names the new matter.
  const word = namedThing(text)
  if (subject && pending && word && !compact(subject).includes(word) && compact(pending).includes(word)) return 2
  return null
}

/**
 * The thing a short answer names, "垃圾的事" → "垃圾", "路灯那件事" → "路灯", "路灯" → "路灯": two to six characters,
 * else null. Under "意见还是新的问题", it says which matter she means.
 */
export function namedThing(text: string): string | null {
  const word = compact(text)
    .replace(EMOJI, '')
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/^(?:是|就是|说的是|我说的是)/, '')
    .replace(/(?:那件|这件|那个|这个)?的?(?:事情|事)?(?:吧|啊|呀|了)?$/, '')
  const n = [...word].length
  return n >= 2 && n <= 6 ? word : null
}

/** How many characters of a text are words, not punctuation, emoji or spaces ("啊？" has one). */
export const wordCount = (text: string) =>
  [
    ...compact(text)
      .replace(EMOJI, '')
      .replace(/[\p{P}\p{S}]/gu, ''),
  ].length

/** "你好", "在吗", "早上好": a greeting, answered with the menu, never offered as a message. */
export function isGreeting(text: string): boolean {
  const t = compact(text)
    .replace(EMOJI, '')
    .replace(/[\p{P}\p{S}]/gu, '')
    .toLowerCase()
  return /^(?:你好|您好|你们好|大家好|在吗|在不在|有人吗|有人在吗|喂|早|早上好|上午好|中午好|下午好|晚上好|hello|hi|哈喽|嗨)+(?:啊|呀|呢|吗)?$/.test(t)
}

/** "你是谁", "你们是哪里的", "这是哪儿": who is answering, not words for a deputy. */
export function asksWhoThisIs(text: string): boolean {
  const t = compact(text)
    .replace(EMOJI, '')
    .replace(/[\p{P}\p{S}]/gu, '')
  return /^(?:请问|喂)*(?:你|您|你们|您们)是(?:谁|哪位|哪个|哪里|哪儿|哪里的|什么人|干什么的|干嘛的)(?:啊|呀|呢|吗)?$|^(?:请问)?(?:这|这里|这是)(?:是)?(?:哪里|哪儿|什么地方)(?:啊|呀|呢)?$|^谁(?:啊|呀)$/.test(
    t,
  )
}

/**
 * A greeting or a question to the bot itself ("喂喂", "在吗", "你是谁", "人工", "你是机器人吗"): answered short,
 * and never taken into a message she is writing. Narrower than asksForPerson: "请代表给我回个电话" is her words.
 */
export function toTheBot(text: string): 'greeting' | 'who' | 'person' | null {
  if (isGreeting(text)) return 'greeting'
  if (asksWhoThisIs(text)) return 'who'
  if ([...compact(text)].length <= 8 && /人工|真人|客服|机器人/.test(text) && asksForPerson(text)) return 'person'
  return null
}

/** "嗯", "嗯嗯", "嗯呢": a yes to a question of 1 or 2, as people nod in a chat. */
export const isNod = (text: string) =>
  /^嗯+(?:呢|啊|的)?$/.test(
    compact(text)
      .replace(EMOJI, '')
      .replace(/[\p{P}\p{S}]/gu, ''),
  )

/** Plain yeses besides the agree words (同意, 我同意, 同意了…): the privacy notice asks for a yes, and these say it. */
const NOTICE_YES = new Set(['好的', '好', '行', '可以'])

/**
 * Whether an answer to the privacy notice agrees to it: "同意" and its forms, or a plain yes ("好的", "行",
 * "可以👍"). Nothing else does: "嗯", a question or other words leave the notice still asking.
 */
export function agreesToNotice(input: string): boolean {
  if (parseCommand(input).kind === 'agree') return true
  const t = compact(input)
    .toLowerCase()
    .replace(EMOJI, '')
    .replace(/[!！~～。.，,、]/g, '')
  return NOTICE_YES.has(t) || repeatedUnit(t, (u) => NOTICE_YES.has(u)) !== null
}

const SENTENCE_END = /[。！？!?；;…\n]/

/**
 * Cuts a long text into messages of at most `limit` characters, at sentence ends where
 * possible (then at a comma, then anywhere), never inside a character.
 */
export function splitMessage(text: string, limit = MESSAGE_LIMIT): string[] {
  const chars = [...text.trim()]
  if (chars.length <= limit) return chars.length ? [chars.join('')] : []
  const parts: string[] = []
  let start = 0
  while (chars.length - start > limit) {
    const window = chars.slice(start, start + limit)
    let cut = lastIndex(window, (c) => SENTENCE_END.test(c))
    if (cut < limit / 2)
      cut = Math.max(
        cut,
        lastIndex(window, (c) => /[，,、 ]/.test(c)),
      )
    const end = cut >= limit / 3 ? cut + 1 : limit
    parts.push(
      chars
        .slice(start, start + end)
        .join('')
        .trim(),
    )
    start += end
  }
  const tail = chars.slice(start).join('').trim()
  if (tail) parts.push(tail)
  return parts.filter(Boolean)
}

function lastIndex<T>(items: T[], test: (item: T) => boolean) {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i
  return -1
}

/** A short excerpt for lists: first line, at most n characters. */
export function excerpt(text: string, n = 20): string {
  const line = normalise(text.split('\n')[0] ?? '')
  const chars = [...line]
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : line
}

/** "发了吗", "提交了没有", "代表收到了吗" while she is still writing: whether it has gone yet. */
export function asksIfSent(text: string): boolean {
  return /^(?:我的留言|留言|代表)?(?:发|发送|发出去|提交|交上去|收到)了(?:吗|没|没有|么|嘛)[?？]*$/.test(compact(text))
}

/** "你好，请问这个是干什么的", "我不知道这个怎么用啊": what this chat is, not a message to a deputy. */
export function asksHowToUse(text: string): boolean {
  const t = compact(text)
  return t.length <= 24 && /怎么用|干什么的|干嘛的|做什么的|是什么|能干什么|能做什么|有什么用|怎么留言|如何留言|怎么反映|怎么操作|怎么弄|不会用|怎么写/.test(t)
}

/** "人工", "电话多少", "你是机器人吗": a person asking for a person. */
export function asksForPerson(text: string): boolean {
  const t = compact(text).replace(/[?？!！。.，,啊呀吗呢]+$/g, '')
  return t.length <= 16 && /人工|真人|客服|(?:找|要找|联系)(?:个)?(?:工作人员|人)|电话(?:多少|是多少|号码)?$|联系方式|机器人/.test(t)
}
