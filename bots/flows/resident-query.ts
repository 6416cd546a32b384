import { ApiError, type CaseListItem, type QueuedCase } from '../client.js'
import { heldWords, noticeReminder } from './kept-draft.js'
import { stillWriting } from './leave-message.js'
import { ownCase } from './own-messages.js'
import { commentQuestion } from './rating-comment.js'
import { answerByLine, caseLines, dayTime, lines, noSuchMessage, shortTicket, type Turn } from './turn.js'
import type { Flow } from './dialogue-state.js'

/**
 * "查询" from a resident: her newest messages as a numbered list, or one of them in full with its steps in her
 * words. A message still waiting for station staff to find a deputy says plainly when she sent it, what it was
 * about, and that it is being passed on: its only step, "您送出了留言", tells her nothing of what happens next.
 */

/** "查询": their newest messages; "查询 20261122-0042" (or its last four digits): one in full, however old. */
export async function query(turn: Turn, ticket: string | null, asDeputy: string | null = null) {
  const { client, person } = turn
  const flow = turn.state.flow
  const writing = flow?.name === 'message' ? flow : null
  const draft = writing?.parts.length ? writing : null
  // Words of hers held elsewhere (at the privacy notice, asked about as a new message): not sent, and not in the list.
  const held = writing ? null : heldWords(flow)
  // Where the new message stands (the place list again, when she was choosing it), or her words held.
  const unsent = writing ? stillWriting(writing) : held && flow ? heldLine(flow, held) : null
  if (ticket) {
    const item = await ownCase(turn, ticket)
    if (!item) {
      if (unsent) turn.say(unsent)
      return
    }
    const shown = await detail(turn, item)
    if (shown) turn.say(lines(shown, unsent))
    return
  }
  const { items, more } = await client.caseList(person.personId)
  // A deputy with none of his own hears only about those waiting for him: "您还没有留言" would be untrue to him.
  if (items.length === 0 && asDeputy) return turn.say(lines(asDeputy, unsent))
  if (items.length === 0) {
    if (draft) return turn.say(lines('您正在写的留言还没有送出，所以还查不到。', unsent))
    return turn.say(unsent ? lines('您还没有发出过留言。', unsent) : '您还没有留言。发送"留言"就可以给人大代表留言。')
  }
  // One message: its details at once; "回复前面的数字" for a list of one is a step for nothing.
  if (items.length === 1 && !more && !asDeputy) {
    const shown = await detail(turn, items[0])
    if (shown) turn.say(lines('您有 1 条留言：', shown, unsent))
    return
  }
  const shown = caseLines(items)
  if (!flow) turn.state.listed = { kind: 'query', tickets: items.slice(0, shown.length).map((c) => c.ticket), at: turn.now }
  // Only the newest are listed: she is told so, and that an older one is found by its number all the same.
  const cut = more || items.length > shown.length
  turn.say(
    lines(
      asDeputy,
      asDeputy && '',
      asDeputy
        ? cut
          ? `您自己写的最近 ${shown.length} 条留言（更早的没有列出）：`
          : '您自己写的留言：'
        : cut
          ? `您最近的 ${shown.length} 条留言（更早的没有列出）：`
          : '您最近的留言：',
      ...shown,
      '',
      flow ? `看详情请发送"查询 编号"，如：查询 ${items[0].ticket}` : `看哪一条的详情，请回复前面的数字，如：1`,
      cut && '更早的留言，发送"查询"和它的编号（完整编号或后四位）也能查到。',
      rateLine(items),
      unsent,
    ),
  )
}

/**
 * Where words of hers held outside a draft stand, after the list: not sent, and what sends them. A question she was
 * asked about them says so itself.
 */
function heldLine(flow: Flow, words: string): string {
  if (flow.name === 'comment') return commentQuestion(flow)
  if (flow.name === 'privacy') return noticeReminder(flow)
  if (flow.name === 'reopen' && flow.draft) return stillWriting(flow.draft)
  return `您刚才说的「${words}」还没有发出去。`
}

/** One of her messages in full, as "查询 编号" shows it; null after saying it is not found. */
async function detail(turn: Turn, item: CaseListItem): Promise<string | null> {
  try {
    const c = await turn.client.caseDetail(turn.person.personId, item.ticket)
    return lines(
      `留言 ${c.ticket}【${c.statusLabel}】`,
      c.queued && queuedLine(c.queued),
      `内容：${c.text}`,
      '办理经过：',
      ...c.timeline.map((e) => `· ${dayTime(e.at)} ${e.label}${e.note ? `：${e.note}` : ''}`),
      c.replyByText && answerByLine(c.replyByText, c.status),
      c.reply && `答复：${c.reply}`,
      c.rating !== null && `您的评分：${c.rating} 分`,
      rateLine([item]),
    )
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      turn.say(noSuchMessage(item.ticket))
      return null
    }
    throw err
  }
}

/**
 * How to rate an answer still waiting for a score, for a resident who looks it up later: the
 * rating question came with the answer, and days on a bare number no longer means it.
 */
function rateLine(items: CaseListItem[]): string | null {
  const waiting = items.find((c) => c.status === 'replied')
  return waiting ? `给答复打分请发送：评价 ${waiting.ref ?? shortTicket(waiting.ticket)} 5（5 很满意，1 很不满意）` : null
}

/**
 * A message no deputy has yet, as the mini-program's page says it (送出 on her day, 办理：the station): "您12月5日
 * 16:25发来的“公交站台太窄…”，已经转到新华街道代表联络站，工作人员正在请一位代表来办理，请您耐心等着。"
 */
const queuedLine = (q: QueuedCase) =>
  `您${dayTime(q.at)}发来的${q.gist ? `“${q.gist}”` : '这条留言'}，已经转到${q.with ?? '联络站'}，工作人员正在请一位代表来办理，请您耐心等着。`
