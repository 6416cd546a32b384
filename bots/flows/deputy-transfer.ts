import type { TransferChoice } from '../client.js'
import { compact } from '../typed-text.js'
import { named } from './deputy-numbers.js'
import { isReasonPlaceholder } from './deputy-words.js'
import { lines, oneLine, type Turn } from './turn.js'
import type { TransferAsk } from './dialogue-state.js'

/**
 * 转交 in the chat: "转交 0002 王芳" hands the message to colleague 王芳 (after his "是"); "交回 0002 原因", as his
 * menu names it, hands it back to the station's staff after his "是" too, and so does "转交 0002 原因". A name that is
 * none of the colleagues who may take it over is said so, with who may: never read as a reason and the message sent back.
 */

/** His "是" to the question counts for this long; later, the question is gone and words mean what they say. */
const ASK_WINDOW_MS = 30 * 60_000

/** Words of a reason, never of a name ("不归我管", "重复留言", "太远了"). */
const REASON_WORDS = /[不没无非请因为由]|留言|范围|片区|职责|部门|重复|归|管|属于|站|远|了|的|吧|啊|呀/
/** Common family names: a short word starting with one, alone, is most likely a colleague's name mistyped. */
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
])

/** Where his words after the number point: a colleague (and what he wrote after the name), a name that is none, or a reason. */
export type TransferTarget = { kind: 'colleague'; choice: TransferChoice; note: string } | { kind: 'unknown'; name: string } | { kind: 'reason' }

/**
 * "王芳", "给王芳代表", "王芳代表联系这个小区" → that colleague; "王方", "给老王", "赵敏代表" (not one who may
 * take it) → a name that is none of them; "不属于本站范围" → a reason, for the station.
 */
export function transferTarget(words: string, colleagues: TransferChoice[]): TransferTarget {
  const t = compact(words)
  const addressed = /^(?:转给|交给|转交给|给)/.exec(t)
  const rest = addressed ? t.slice(addressed[0].length) : t
  // The longest name first: "王芳芳" is not "王芳".
  for (const choice of [...colleagues].sort((a, b) => b.name.length - a.name.length)) {
    if (!rest.startsWith(choice.name)) continue
    const spelled = [...choice.name].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')
    const note = words
      .trim()
      .replace(new RegExp(`^(?:转给|交给|转交给|给)?\\s*${spelled}\\s*(?:人大)?(?:代表)?`), '')
      .replace(/^[\s:：,，、。.;；]+/, '')
      .trim()
    return { kind: 'colleague', choice, note }
  }
  // "交给站里", "转给联络站": back to the station, which a reason says as well.
  if (/^(?:站里|站上|本站|联络站|工作人员|人大办)/.test(rest)) return { kind: 'reason' }
  const name = /^([\u4e00-\u9fa5]{2,4}?)(?:人大)?(?:代表)?$/.exec(rest)?.[1]
  // "给老王", "转给李主任": a person named, whoever it is.
  if (addressed && rest) return { kind: 'unknown', name: name ?? rest.slice(0, 8) }
  if (name && /代表$/.test(rest)) return { kind: 'unknown', name }
  if (name && name.length <= 3 && SURNAMES.has(name[0]) && !REASON_WORDS.test(name)) return { kind: 'unknown', name }
  return { kind: 'reason' }
}

/** The question before a message goes to a colleague: which message, to whom, and how to say yes or no. */
export function askToConfirm(turn: Turn, ask: TransferAsk, excerpt: string | null) {
  turn.state.transferAsk = ask
  turn.say(lines(`要把留言 ${ask.ref}${excerpt ? `（${oneLine(excerpt)}）` : ''}转给${ask.deputyName}代表办理吗？`, `确认请回复"是"，不转请回复"不"。`))
}

/** A name that is none of the colleagues who may take this message over: who may, and how to say it. */
export function noSuchColleague(turn: Turn, ref: string, name: string, choices: TransferChoice[]) {
  const back = choices.find((c) => c.kind !== 'deputy')
  const colleagues = choices.filter((c) => c.kind === 'deputy')
  turn.say(
    lines(
      `"${name}"不是能接手这条留言的代表，留言 ${ref} 没有转交，还在您这里。`,
      colleagues.length ? `可以转给：${colleagues.map((c) => `${c.name}代表`).join('、')}` : '本站没有别的代表可以接手这条留言。',
      back && `也可以交回${back.name}，由工作人员重新安排。`,
      '',
      colleagues.length ? `转给代表请发送：转交 ${ref} ${colleagues[0].name}` : null,
      // The office by its name, as the line above says it (a station is plain 联络站: he knows which).
      back && `交回${backName(back)}请发送：交回 ${ref} 再写上原因`,
    ),
  )
}

/** Where a message goes back to, as he reads it: a station is plain 联络站 (he knows which), an office by its name. */
const backName = (back: TransferChoice) => (back.kind === 'station' ? '联络站' : back.name)

/**
 * "交回 0002 原因" (or "转交 0002 原因"): asked first, naming the message, for the station's staff place it again and
 * the resident reads that it went back; his "是" does it (handBackAnswer). No reason yet: he is asked for one.
 */
export async function askToHandBack(turn: Turn, ref: string, reason: string) {
  if (!reason) return turn.say(lines('请写明交回的原因，例如：', `交回 ${ref} 不属于本站范围`))
  // "交回 0001 再写上原因" copied from the bot's own line: the example's words, never a reason the station reads.
  if (isReasonPlaceholder(reason)) return turn.say(lines(`请把"${oneLine(reason)}"换成交回的原因，例如：`, `交回 ${ref} 不属于本站范围`))
  // Refused here when it may not go back now (answered, with a department): said as the backend says it.
  const back = (await turn.client.transferOptions(turn.person.personId, ref)).find((c) => c.kind !== 'deputy')
  const it = (await turn.client.deputyCases(turn.person.personId)).find((c) => named(c, ref))
  const to = back ? backName(back) : '联络站'
  turn.state.transferAsk = { ref, ticket: it?.ticket ?? ref, deputyCode: null, deputyName: to, note: reason, at: turn.now }
  turn.say(lines(`要把留言 ${ref}${it ? `（${oneLine(it.excerpt)}）` : ''}交回${to}重新安排吗？`, `确认请回复"是"，不交回请回复"不"。`))
}

/** Only "是" hands it back: anything else leaves it with him, said so (other words are then read as ever). */
async function handBackAnswer(turn: Turn, ask: TransferAsk): Promise<boolean> {
  // 回复"是" and 回复是, as the question words it, are his 是 too.
  const said = compact(turn.raw)
    .replace(/^请?回复[:：,，]?/, '')
    .replace(/["“”'‘’「」『』]/g, '')
  if (/^是的?[。！!]*$/.test(said)) {
    const done = await turn.client.transfer(turn.person.personId, ask.ref, ask.note)
    turn.say(`已把留言 ${done.ticket} 交回${ask.deputyName}工作人员处理。`)
    return true
  }
  turn.say(lines(`留言 ${ask.ref} 没有交回，还在您这里。`, `要交回，请再发送：交回 ${ask.ref} ${ask.note}`))
  // A no or a yes in other words is answered; a command or other words go on to be read.
  const cmd = turn.command
  return cmd.kind === 'cancel' || cmd.kind === 'confirm' || cmd.kind === 'pleasantry' || /^(?:不|否|别)/.test(compact(turn.raw))
}

/**
 * His answer to the question, when one waits: "是" hands the message over, "不" drops it; anything else
 * drops it too (he moved on), saying so first. Returns true when the turn was his answer.
 */
export async function transferAnswer(turn: Turn): Promise<boolean> {
  const ask = turn.state.transferAsk
  if (!ask) return false
  turn.state.transferAsk = null
  if (turn.now - ask.at > ASK_WINDOW_MS) return false
  if (ask.deputyCode === null) return handBackAnswer(turn, ask)
  const cmd = turn.command
  const yes = cmd.kind === 'confirm' || /^(?:是|是的|对|对的|确认|确定|转|转吧|转给(?:他|她)|可以|好|好的|行)[。！!]*$/.test(compact(turn.raw))
  const no = cmd.kind === 'cancel' || /^(?:不|不是|不对|不转|不用|不要|别转|错了|否)/.test(compact(turn.raw))
  if (!yes && !no) {
    turn.say(`留言 ${ask.ref} 没有转给${ask.deputyName}代表，还在您这里。`)
    return false
  }
  if (no) {
    turn.say(lines(`好的，留言 ${ask.ref} 没有转交，还在您这里。`, `要交回联络站，请发送：交回 ${ask.ref} 再写上原因`))
    return true
  }
  // The backend keeps a reason with every hand-over; "转交 0002 王芳" alone gives none.
  const done = await turn.client.transfer(turn.person.personId, ask.ref, ask.note || '未写原因', ask.deputyCode)
  turn.say(`已把留言 ${done.ticket} 转给${ask.deputyName}代表办理，您不用再处理了。`)
  return true
}

/**
 * "转交 0002 王芳": to that colleague, once he says "是"; a name that is none of those who may take it
 * over hears who may; "转交 0002 原因": back to the station's staff, asked first as 交回 is.
 */
export async function transfer(turn: Turn, ref: string, words: string) {
  const choices = await turn.client.transferOptions(turn.person.personId, ref)
  const target = transferTarget(
    words,
    choices.filter((c) => c.kind === 'deputy'),
  )
  if (target.kind === 'unknown') return noSuchColleague(turn, ref, target.name, choices)
  // "转交 0001 代表的名字" copied from the bot's own line: no one is named, and it is no reason to hand it back either.
  if (target.kind === 'reason' && isReasonPlaceholder(words) && /名字/.test(words)) return noSuchColleague(turn, ref, words.trim(), choices)
  if (target.kind === 'colleague') {
    const it = (await turn.client.deputyCases(turn.person.personId)).find((c) => named(c, ref))
    const ask = { ref, ticket: it?.ticket ?? ref, deputyCode: target.choice.deputyCode!, deputyName: target.choice.name, note: target.note, at: turn.now }
    return askToConfirm(turn, ask, it?.excerpt ?? null)
  }
  // A reason: back to the station, asked first as 交回 is.
  return askToHandBack(turn, ref, words)
}
