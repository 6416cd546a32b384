import { ApiError } from '../client.js'
import { compact } from '../typed-text.js'
import { awaitsAcknowledging } from './deputy-menu.js'
import { linesSeen } from './deputy-numbers.js'
import { owed, standing, TODO_LIST_MAX } from './deputy-todo.js'
import { refusal } from './refusal.js'
import { lines, type Turn } from './turn.js'

/**
 * "查看 0001": one of his messages read whole in the chat, as his page shows it (his notices and 待办 quote her first
 * words only). The backend counts it as his opening it, once, as the mini-program does: having read it, he is told when
 * it is moved from him. A list (待办) is no opening.
 */

/** "查看 0001", "看看0001", "打开留言 0001", "留言 0001", "0001 全文": the digits are the message's number, or 1 to 3 a line of his 待办. */
const READ_ASKED =
  /^(?:(?:(?:查看|看看|看|打开|看一下|看下|全文)(?:留言)?|留言)[:：]?(\d{8}-\d{4,}|\d{1,4})(?:号)?(?:的?全文)?|(?:留言)?(\d{8}-\d{4,}|\d{4})(?:号)?的?全文)$/

/** The number he asked to read, as typed; null when his words ask no such thing. */
export function readAsked(text: string): string | null {
  const m = READ_ASKED.exec(compact(text))
  return m ? (m[1] ?? m[2]) : null
}

/** "0001" alone, or a whole number: a message's number with nothing else. */
export const bareNumber = (text: string) => /^(?:\d{8}-\d{4,}|\d{4})$/.test(compact(text))

/** Reads the message `ref` names to him ("查看 2": line 2 of his 待办 as he saw it); the backend's refusal said as it is. */
export async function readMessage(turn: Turn, ref: string) {
  const number = /^\d{1,3}$/.test(ref) ? await lineTicket(turn, Number(ref)) : ref
  if (!number) return
  const c = await turn.client.deputyCaseRead(turn.person.personId, number)
  // Commands by the number he wrote, or the whole one for a line of his list (two of his may end alike).
  const short = number === ref ? ref : c.ticket
  const answered = c.status === 'replied'
  turn.say(
    lines(
      `留言 ${c.ticket}（${c.topic}）全文：`,
      c.text,
      `（群众${c.writtenText}写的${c.images ? `，附有 ${c.images} 张图片，请在小程序里看` : ''}）`,
      '',
      `${standing(c)}${c.urged ? '（工作人员在催）' : ''}。`,
      !answered && `${owed(c)}。`,
      !answered && awaitsAcknowledging(c) && `要受理请发送：受理 ${short}`,
      !answered && `要答复请发送：回复 ${short} 答复内容`,
      `看群众留的电话请发送：电话 ${short}`,
    ),
  )
}

/**
 * A bare "0001" from a deputy: the message in his hands that it names, read whole; several of his ending alike, he is
 * asked for the whole number. His own message as a resident by that number: false, and it is read as ever (查询).
 * Neither: he hears what "查看 0001" says (not in his 待办, or moved to another deputy), never a resident's "没有找到".
 */
export async function readIfHis(turn: Turn, ref: string): Promise<boolean> {
  try {
    await readMessage(turn, ref)
    return true
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    if (err.code !== 'ambiguous_ticket' && (await ownMessageNamed(turn, ref))) return false
    turn.say(refusal(err))
    return true
  }
}

/** Whether one of his own messages as a resident has that number (refused: taken as yes, read as ever). */
async function ownMessageNamed(turn: Turn, ref: string): Promise<boolean> {
  const named = await turn.client.casesNamed(turn.person.personId, ref).catch((err: unknown) => {
    if (err instanceof ApiError) return null
    throw err
  })
  return named === null || named.length > 0
}

/** The message on line `n` of his 待办 as he saw it (else as it is now); said so, and null, when there is none. */
async function lineTicket(turn: Turn, n: number): Promise<string | null> {
  const seen = linesSeen(turn)
  const items = seen ?? (await turn.client.deputyCases(turn.person.personId)).slice(0, TODO_LIST_MAX)
  const line = n >= 1 ? items[n - 1] : undefined
  if (line) return line.ticket
  turn.say(items.length ? `待办列表里只有 ${items.length} 条，没有第 ${n} 条。要看哪一条，请发送：查看 编号` : '您目前没有待办留言。')
  return null
}
