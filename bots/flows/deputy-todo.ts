import type { DeputyCase } from '../client.js'
import { awaitsAcknowledging } from './deputy-menu.js'
import { lines, oneLine, type Turn } from './turn.js'

/** How many open messages one "待办" lists; the mini-program shows the rest. */
export const TODO_LIST_MAX = 10

/**
 * "待办": his open messages in his morning digest's order (late, then due today, then the nearest deadline: the backend
 * orders them so, and "第 1 条" is one message in both), each with where it stands and what he owes next, and how to act.
 */
export async function todo(turn: Turn) {
  const items = await turn.client.deputyCases(turn.person.personId)
  if (items.length === 0) return turn.say('您目前没有待办留言。')
  const shown = items.slice(0, TODO_LIST_MAX)
  // His next number is a line of this list, not an older numbered question of his as a resident (resident-question.ts).
  turn.state.todoShownAt = turn.now
  // And which message each line is: "2" half an hour on is the line she read, though line 1 was answered meanwhile.
  turn.state.todoShownLines = shown.map((c) => ({ ticket: c.ticket, excerpt: oneLine(c.excerpt) }))
  // 受理 is shown only with a message that still waits for it: one accepted already waits for his answer.
  const toAck = shown.find(awaitsAcknowledging)
  turn.say(
    lines(
      `您有 ${items.length} 条待办留言${lateWords(items)}：`,
      // Staff are waiting on him for this one (催办), said in his words as his page's 待办 says it, not the office's 已催办.
      ...shown.map((c, i) => `${i + 1}.【${c.short}】${standing(c)}${c.urged ? '（工作人员在催）' : ''} · ${oneLine(c.excerpt)}\n   ${owed(c)}`),
      items.length > shown.length && `还有 ${items.length - shown.length} 条，请在小程序里查看。`,
      '',
      // Said as the list shows them: the last four digits, or whole numbers when two of his end alike (short).
      `办理方法（编号用方括号里的${shown.every((c) => /^\d{4}$/.test(c.short)) ? '四位数' : '号码'}）：`,
      `回复 ${shown[0].short} 答复内容`,
      toAck && `受理 ${toAck.short}`,
      `交回 ${shown[0].short} 原因`,
      `电话 ${shown[0].short}（看群众留的电话）`,
      `查看 ${shown[0].short}（看留言全文）`,
    ),
  )
}

/**
 * A bare "2" while his 待办 lines stand: line 2 said again, with its whole number, where it stands and what he owes,
 * and the commands for it as 待办's own hint writes them. Nothing is done.
 */
export function lineTold(c: DeputyCase, n: number): string {
  return lines(
    `待办第 ${n} 条：留言 ${c.ticket}（${oneLine(c.excerpt)}），${standing(c)}${c.urged ? '（工作人员在催）' : ''}。`,
    `${owed(c)}。`,
    awaitsAcknowledging(c) && `要受理请发送：受理 ${c.short}`,
    `要答复请发送：回复 ${c.short} 答复内容`,
    `要看留言全文请发送：查看 ${c.short}`,
  )
}

/**
 * How many of his messages are late, each kind in its own words, as each message's line says it: 答复已超期 is past the
 * reply deadline (`overdue`), one only late in being acknowledged is 已过受理期限 (`ackLate`), never both. The list is in
 * the digest's order (src/domain/digest-fit.ts inDigestOrder), so the late ones lead it.
 */
function lateWords(items: DeputyCase[]): string {
  const overdue = items.filter((c) => c.overdue).length
  const ackLate = items.filter((c) => c.ackLate).length
  const parts = [overdue && `答复已超期 ${overdue} 条`, ackLate && `已过受理期限 ${ackLate} 条`].filter(Boolean)
  return parts.length ? `（${parts.join('，')}，排在前面）` : ''
}

/**
 * The deadline he owes next, as the mini-program's 待办 says it: 受理 first while the message waits for it. 超期 is
 * the reply deadline's alone; a 受理 gone by is said in its own words (已过受理期限); either with its days.
 */
export function owed(c: DeputyCase): string {
  // With its days, as his workbench and digest say it that day ("答复已超期 2 天"); an older backend's, without.
  const overdue = c.lateWords ?? '答复已超期'
  if (c.acknowledgeByText) {
    if (c.overdue) return `${overdue}（应在${bracketed(c.replyByText)}答复），请尽快受理并答复`
    return c.ackLate ? `${c.lateWords ?? '已过受理期限'}（应在${bracketed(c.acknowledgeByText)}受理），请尽快受理` : `请在${c.acknowledgeByText}受理`
  }
  return c.overdue ? `${overdue}（应在${bracketed(c.replyByText)}答复），请尽快答复` : `请在${c.replyByText}答复`
}

/** A deadline inside brackets without its weekday ("11月24日上午10:00前"), as his page says a missed one: no bracket in a bracket. */
const bracketed = (dueText: string) => dueText.replace(/（星期[日一二三四五六]）/g, '')

/**
 * Where a message in his hands stands, in his words rather than the office's (已分派): as his page says it, which the
 * backend sends ("张伟代表转给您，还没受理" for one a colleague handed him, not 新留言); an older backend's, worked out here.
 */
export function standing(c: DeputyCase): string {
  if (c.standing) return c.standing
  if (c.status === 'assigned') return '新留言，还没受理'
  if (c.status === 'reopened') return '群众要求重新办理，还没受理'
  if (c.status === 'acknowledged') return '已受理，待答复'
  if (c.status === 'forwarded') return '已交有关部门，待答复'
  return c.statusLabel
}
