/**
 * The commands a person can give the bot, and the whole-message words that say each one, with the slips
 * older users make. Read by parse-command.ts; pure.
 */
import { EMOJI, repeatedUnit } from './typed-text.js'

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
  /** "交回 0001 原因": back to the station (or office) that placed it, once he says "是". */
  | { kind: 'handBack'; ref: string; reason: string }
  | { kind: 'attend' }
  /** "请假 原因"; `runOn`: 请假 run into his words ("请假期间的补贴…"), which may be no leave at all: he is asked first. */
  | { kind: 'excuse'; reason: string; runOn?: true }
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
      ...['好拉', '号拉', '发送', '发吧', '发出去', '发过去', '发给代表', '就发吧', '送出吧', '提交吧', '交上去'],
    ],
  ],
  [
    'confirm',
    // 送出 is the word she reads under her summary (1. 确认送出); 提交, the word it once said, is still typed by habit.
    ['确认', '确定', '确认送出', '送出', '确认提交', '提交', '是', '是的', '对', '对的', '好的', '好', '好吧', '行', '行的', '可以', '可以的', '没问题'],
  ],
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
export function wholeWord(tight: string): Command['kind'] | undefined {
  const unadorned = tight.replace(EMOJI, '').replace(/[!！~～。.，,、?？]/g, '')
  const word = wordTable.get(tight) ?? wordTable.get(unadorned)
  if (word) return word
  const unit = repeatedUnit(unadorned, (u) => wordTable.has(u))
  if (unit) return wordTable.get(unit)
  const plain = unadorned.replace(/[了啦吧哈呀啊]+$/, '')
  return [plain, `${plain}了`].some((w) => plain && wordTable.get(w) === 'done') ? 'done' : undefined
}
