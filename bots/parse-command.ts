/**
 * What a person typed read as a command: the whole-message words (commands.ts), a number (scores.ts), a code from
 * a poster, and the commands with arguments at the start (回复 0042 …). No I/O here, so every rule is a plain unit test.
 */
import { wholeWord, type Command } from './commands.js'
import { choiceNumber } from './scores.js'
import { EMOJI, normalise, originalTail } from './typed-text.js'

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
    // Six digits: a deputy's or staff member's code; eight: a resident's own, from the mini-program.
    const m = /^(\d{6}|\d{8})$/.exec(rest(bind).replace(/\s/g, ''))
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

  // "回复参加", 回复"请假 外出开会": the bot's 请回复"参加" typed whole is the word it quotes, never 回复 without a number.
  const echoed = /^请?回复?[\s:：,，]*["“”'‘’「『]?/.exec(text)
  if (echoed) {
    const quoted = (originalTail(input, echoed[0]) ?? text.slice(echoed[0].length)).replace(/["“”'‘’」』\s]+$/, '')
    const inner = quoted ? parseCommand(quoted) : null
    // 请假 reads any text after it as the reason, so after 回复 it counts only when quoted or set apart: "回复请假期间的
    // 补贴已经发放" is his answer to a resident, not a leave.
    const apart = /["“”'‘’「『]$/.test(echoed[0]) || /^请\s*假(?:$|[\s:：,，、]|[。.!！~～]+$)/.test(quoted)
    if (inner && ECHOED.has(inner.kind) && (inner.kind !== 'excuse' || apart)) return inner
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
  const transfer = deputyCommand('转交')
  if (transfer) return { kind: 'transfer', ref: transfer.ref, reason: own(transfer.more) }
  // 交回 is what his menu calls handing a message back; 退回 is the office's word for the same.
  const handBack = deputyCommand('交回') ?? deputyCommand('退回')
  if (handBack) return { kind: 'handBack', ref: handBack.ref, reason: own(handBack.more) }

  const excuse = leading(text, '请假')
  if (excuse !== null) {
    const reason = own(rest(excuse))
    return /^[\s:：,，、。.!！~～;；]/.test(excuse) || !reason ? { kind: 'excuse', reason } : { kind: 'excuse', reason, runOn: true }
  }

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

/** The whole words the bot asks for by 请回复"…" (参加, 请假 原因, 取消, 是, 帮助 …): said with 回复 before them, they are still these. */
const ECHOED = new Set<Command['kind']>(['attend', 'excuse', 'cancel', 'confirm', 'done', 'help', 'agree', 'todo'])

const WANTS_A_DEPUTY =
  /^(?:我|俺)?(?:要|想|想要|需要)?(?:(?:找|联系)(?:一下|下)?(?:人大)?代表(?:反映|说说|说|谈谈)?|(?:给|跟|向|和)(?:人大)?代表(?:反映|说说|说))(?:一下|下|个|点)?(?:事|事儿|事情|问题|情况)?(?:吧|啊|呀|了)?$/
