import { ApiError, type DeputyCase } from '../client.js'
import { ELSEWHERE_MENU_LINE } from './deputy-elsewhere.js'
import { lines, type Turn } from './turn.js'

/**
 * What a bound deputy is told for "帮助" and for words not understood: his own commands, each with a
 * number of a message he really has (never a made-up one he might copy), his meetings and where the rest
 * is done; what he can do as anyone can (his own message to a deputy) is one line at the end
 * (resident-menu.ts). Pure words apart from the reads.
 */

/** Whether a message in his hands still waits for 受理. */
export const awaitsAcknowledging = (c: DeputyCase) => c.status === 'assigned' || c.status === 'reopened'

/** The deputy's part of the menu: his commands, with the numbers of his own messages. */
export async function deputyMenu(turn: Turn): Promise<string> {
  const { deputy, personId } = turn.person
  const hello = `${deputy!.name}代表，您好！`
  // 补签: the one way a meeting he came to without scanning still counts (deputy-check-in.ts).
  const meetings = '会议通知请回复"参加"，或"请假 原因"；开会忘了签到，请发送"补签"。'
  const items = await turn.client.deputyCases(personId).catch(refusedAs(null))
  if (!items?.length) {
    return lines(
      `${hello}您现在没有待办留言。新留言来了会发消息通知您，通知里写着怎么受理和答复。`,
      '发送"待办"可以随时查看待办留言。',
      meetings,
      ELSEWHERE_MENU_LINE,
    )
  }
  const first = items[0]
  const toAck = items.find(awaitsAcknowledging)
  // A colleague of his, by name, as "转交 0001 王芳" takes it; none named when they cannot be read.
  const colleague = (await turn.client.transferOptions(personId, first.short).catch(refusedAs(null)))?.find((c) => c.kind === 'deputy')
  return lines(
    `${hello}办理群众留言请发送：`,
    `待办 —— 查看待办留言（现在有 ${items.length} 条）`,
    toAck && `受理 ${toAck.short} —— 告诉群众您已收到、正在办`,
    `回复 ${first.short} 答复内容 —— 答复群众`,
    colleague && `转交 ${first.short} ${colleague.name} —— 转给同站的${colleague.name}代表`,
    `交回 ${first.short} 原因 —— 交回联络站重新安排`,
    // As 待办 says it: the number she left, read and audited as the mini-program's 打电话给群众.
    `电话 ${first.short} —— 看群众留的电话`,
    `查看 ${first.short} —— 看留言全文`,
    // As 待办 lists them: "1.【0001】…", or whole numbers when two of his end alike (short): never "四位数" it may not show.
    `（编号是"待办"列表里每条留言前面【】中的号码，比如 ${first.short}）`,
    meetings,
    ELSEWHERE_MENU_LINE,
  )
}

/**
 * "我的留言", "有几条留言" from a deputy: the messages waiting for him, and how to see them. His own
 * messages as a resident, if any, are the caller's to add.
 */
export async function deputyWaiting(turn: Turn): Promise<string> {
  const items = await turn.client.deputyCases(turn.person.personId)
  return items.length ? `您有 ${items.length} 条待办留言，发送"待办"查看。` : '您现在没有等您处理的群众留言。'
}

/** A refusal of the backend (unbound meanwhile, a message no longer his) leaves a line out; an outage is not hidden. */
const refusedAs =
  <T>(value: T) =>
  (err: unknown): T => {
    if (err instanceof ApiError) return value
    throw err
  }
