import type { CaseListItem } from '../client.js'
import { normalise } from '../typed-text.js'
import { stillWriting } from './leave-message.js'
import { othersWaiting, ownCase } from './own-messages.js'
import { commentQuestion } from './rating-comment.js'
import { reopenScores, SCORE_FIRST } from './rating-scale.js'
import { reopen } from './reopen.js'
import { pickFlow, pickLines } from './reopen-pick.js'
import { lines, oneLine, type Turn } from './turn.js'
import type { CommentFlow, RatedJustNow, ReopenFlow } from './dialogue-state.js'
import { excerptOf } from './words-passed-on.js'

/**
 * "重新办理" said later: she rated an answer low, said "不用了" to the offer, and changed her mind a day
 * on. Which of her messages may be handled again is the backend's to say (the list's `reopen`); one is
 * reopened (her words after 重新办理 are the reason, or she is asked for one), several are listed by
 * number, none is said in words. A new message she is writing is kept and goes on after it.
 */

/** Her words as a later reopen request: the message named (its number or last four digits) and the reason given. */
export interface ReopenRequest {
  ref: string | null
  reason: string
  /**
   * 'end': a sentence that ends in 重新办理 ("还是没修好，重新办理吧", but also "我的社保卡丢了，要重新办理"): it may be
   * about something else, so she is asked before her message is reopened with it.
   */
  form: 'start' | 'end'
}

const WORD = '(?:重新办理|重新处理|再办一次|再处理一次|重新办|重办)'
const ASK = '(?:我要|我想|我还是要|还是要|还是|请|请求|要求|申请|麻烦|帮我)'
const GAP = '[\\s:：,，、。.!！~～;；]*'
const AT_START = new RegExp(`^${ASK}?${WORD}(?:一下)?[吧啊呀]?${GAP}(?:(\\d{8}-\\d{4,}|\\d{4})(?!\\d)${GAP})?([\\s\\S]*)$`)
const AT_END = new RegExp(`^([\\s\\S]*?)${GAP}${ASK}?${WORD}(?:一下)?[吧啊呀]?${GAP}$`)

/**
 * "重新办理", "重新办理 0001 灯还是不亮", "我要重新办理", "还是没修好，重新办理吧" → what she asks; null for
 * other words. Only at the start or the end of what she wrote, so "重新办理的低保卡丢了" mid-sentence stays text.
 */
export function reopenRequest(input: string): ReopenRequest | null {
  const text = input.trim()
  const start = AT_START.exec(text)
  if (start) {
    const ref = start[1] ? normalise(start[1]) : null
    const reason = start[2].trim()
    // "重新办理的…" is a sentence about something else, not the request.
    if (/^[的了过]/.test(reason)) return null
    return { ref, reason, form: 'start' }
  }
  const end = AT_END.exec(text)
  if (end && end[1].trim()) return { ref: null, reason: end[1].trim(), form: 'end' }
  return null
}

/**
 * The turn as a later "重新办理", when it is one; false otherwise (the caller goes on). `ratingWaits`: an
 * answer is waiting for its score, which a request naming no message is for (it is scored first).
 */
export async function reopenLater(turn: Turn, ratingWaits: boolean, rated: RatedJustNow | null = null): Promise<boolean> {
  const { command: cmd, state } = turn
  const flow = state.flow
  if (flow && flow.name !== 'message') return false
  // "不满意" is the scale's 2: rated where ratings are read, never taken for a later request.
  const asked: ReopenRequest | null =
    cmd.kind === 'reopen' && !/不满意/.test(turn.raw) ? { ref: null, reason: '', form: 'start' } : cmd.kind === 'text' ? reopenRequest(cmd.text) : null
  if (!asked) return false
  const draft = flow ?? undefined
  const tail = draft && stillWriting(draft)
  if (asked.ref === null && ratingWaits) {
    if (asked.reason && state.rating) state.rating.reason = asked.reason
    turn.say(lines(SCORE_FIRST, asked.reason ? `您说的"${asked.reason}"记下了，打了低分后会和重新办理的申请一起转过去。` : null, tail))
    return true
  }
  if (asked.ref !== null) {
    // Found among all her messages, however old, not only the newest the list holds.
    const item = await ownCase(turn, asked.ref)
    if (!item) {
      // ownCase said why (not found, or several end alike).
      if (tail) turn.say(tail)
      return true
    }
    if (item.reopen === 'allowed') return start(turn, item.ticket, asked.reason, draft, item)
    turn.say(lines(await whyNot(turn, item, rated), tail))
    return true
  }
  // However old: an answer rated low last month is hers to have handled again.
  const open = (await turn.client.casesShe(turn.person.personId, 'reopen')).filter((c) => c.reopen === 'allowed')
  if (open.length === 1 && asked.form === 'end') return confirm(turn, open[0], asked.reason, turn.raw, draft)
  if (open.length === 1) return start(turn, open[0].ticket, asked.reason, draft)
  if (open.length > 1) {
    const pick = pickFlow(open, { reason: asked.reason, draft })
    state.flow = pick
    turn.say(lines('您有几条留言可以申请重新办理，要重新办理哪一条？请回复数字：', ...pickLines(pick), '不办了请回复"取消"。'))
    return true
  }
  // Words in a message she is writing that merely end in 重新办理 stay hers when nothing can be reopened.
  if (draft && cmd.kind === 'text') return false
  turn.say(lines(await whyNone(turn, await turn.client.cases(turn.person.personId), rated), tail))
  return true
}

/** Stage pick: her number names the message; anything else hears the list again. */
export async function pickToReopen(turn: Turn, flow: ReopenFlow): Promise<boolean> {
  const cmd = turn.command
  const choices = flow.choices ?? []
  const ticket = cmd.kind === 'number' ? choices[cmd.value - 1] : undefined
  if (ticket) return start(turn, ticket, flow.reason ?? '', flow.draft)
  // The list as she was shown it, numbered as her answer is read: a message gone from hers since keeps its number.
  turn.say(lines(`请回复 1 到 ${choices.length} 之间的数字，选要重新办理的留言：`, ...pickLines(flow), '不办了请回复"取消"。'))
  return true
}

/** "下水道又堵了" matched one of her messages that may be handled again, and she said it is that one: reopened with her words. */
export async function reopenWith(turn: Turn, ticket: string, words: string): Promise<boolean> {
  return start(turn, ticket, words, undefined)
}

/**
 * "重新办理" while she is asked about words of hers ("您刚才说的"还是堵着呢"还没有发出去…1/2"): the request is heard, not
 * "没看懂". With one message that may be handled again she is asked to confirm it, her words going with it; with
 * several, which one; with none, why, and her words are asked about again. A request naming its message or its
 * reason ("重新办理 0009 还是堵") is taken as said.
 */
export async function reopenWithHeldWords(turn: Turn, held: CommentFlow, ratingWaits: boolean): Promise<boolean> {
  const asked = turn.command.kind === 'text' ? reopenRequest(turn.command.text) : null
  turn.state.flow = null
  if (asked && (asked.ref !== null || asked.reason)) return reopenLater(turn, ratingWaits)
  const open = (await turn.client.casesShe(turn.person.personId, 'reopen')).filter((c) => c.reopen === 'allowed')
  if (open.length === 1) return confirm(turn, open[0], held.words, held.words, undefined)
  if (open.length > 1) {
    const pick = pickFlow(open, { reason: held.words })
    turn.state.flow = pick
    turn.say(lines('您有几条留言可以申请重新办理，要重新办理哪一条？请回复数字：', ...pickLines(pick), '不办了请回复"取消"。'))
    return true
  }
  turn.state.flow = held
  turn.say(lines(await whyNone(turn, await turn.client.cases(turn.person.personId)), '', commentQuestion(held)))
  return true
}

/**
 * One message may be handled again: with the reason she gave it goes at once, else she is asked why. What she said
 * with her score ("根本没修好") is named then, and goes with it: she was told "重新办理时会转给代表".
 * `known`: the message as already read (one older than the list's newest is not in it).
 */
async function start(turn: Turn, ticket: string, reason: string, draft: ReopenFlow['draft'], known?: CaseListItem): Promise<boolean> {
  const flow: ReopenFlow = { name: 'reopen', stage: 'reason', ticket, ...(reason ? { reason } : {}), ...(draft ? { draft } : {}) }
  const resume = (said: string | null) => {
    turn.state.flow = draft ?? null
    turn.say(lines(said, draft && stillWriting(draft)))
  }
  if (reason) return reopen(turn, flow, reason, resume)
  const earlier = (await turn.client.caseDetail(turn.person.personId, ticket).catch(() => null))?.ratingComment
  if (earlier) flow.earlier = earlier
  turn.state.flow = flow
  const item = known ?? (await turn.client.cases(turn.person.personId).catch(() => [])).find((c) => c.ticket === ticket)
  turn.say(
    lines(
      `留言 ${ticket}${item ? `（${oneLine(item.excerpt)}）` : ''}可以申请重新办理。`,
      earlier ? `您打分时说过"${excerptOf(earlier)}"，会一起转给代表。` : null,
      earlier ? '还有要补充的，请直接说；没有了，请回复"好了"。' : '请简单说说还有哪些问题没有解决：',
    ),
  )
  return true
}

/**
 * A sentence that ends in 重新办理, with one message that may be: she says 1 before it is reopened with her
 * words (the offer stage, as after a low score); 2 leaves it, and her words join a message she is writing.
 */
function confirm(turn: Turn, item: CaseListItem, reason: string, words: string, draft: ReopenFlow['draft']): boolean {
  turn.state.flow = { name: 'reopen', stage: 'offer', ticket: item.ticket, reason, words, ...(draft ? { draft } : {}) }
  turn.say(lines(`您是要申请重新办理留言 ${item.ticket}（${oneLine(item.excerpt)}）吗？您说的"${reason}"会一起转过去。`, '1. 重新办理', '2. 不用了'))
  return true
}

/**
 * Why this message cannot be handled again now, in words, and what she can do instead. `rated`: she has
 * just scored it alone, and her words may still go to the deputy with the score: said so, and kept open.
 */
async function whyNot(turn: Turn, item: CaseListItem, rated: RatedJustNow | null = null): Promise<string> {
  const ref = item.ref ?? (await othersWaiting(turn, null)).refOf(item.ticket)
  if (item.status === 'replied')
    return lines(`留言 ${ref} 的答复还没有打分。打了低分的答复，才可以申请重新办理。`, `打分请发送：评价 ${ref} 2（5 很满意，1 很不满意）`)
  if (item.reopen === 'reopen_window_passed') return lines(`留言 ${ref} 的答复已超过可申请重新办理的期限，不能再重新办理了。`, AGAIN)
  if (item.reopen === 'reopen_not_allowed') {
    const [detail, rules] = await Promise.all([turn.client.caseDetail(turn.person.personId, item.ticket).catch(() => null), turn.client.caseRules()])
    const which = rules ? `只有打 ${reopenScores(rules.reopenMaxRating)}的答复，才可以申请重新办理。` : '打低分（不满意）的答复才可以申请重新办理。'
    // Her words can still reach the deputy with the score she has just given: the nearest thing she can do.
    const commentOpen = rated?.ticket === item.ticket
    if (commentOpen) turn.state.rated = rated
    return lines(
      `留言 ${ref} 的答复${detail?.rating ? `您打了 ${detail.rating} 分` : '您打的分不低'}，${which}`,
      commentOpen ? '还有什么没解决的，可以直接发过来，我们会和您的评分一起转给代表；' : null,
      commentOpen ? '也可以发送"留言"再写一条。' : AGAIN,
    )
  }
  return `留言 ${ref} 现在是"${item.statusLabel}"，不能申请重新办理。代表答复后，您打了低分，才可以申请重新办理。`
}

const AGAIN = '问题还没有解决的话，可以发送"留言"再写一条。'

/** No message of hers may be handled again: why, about the one she most likely means. */
async function whyNone(turn: Turn, mine: CaseListItem[], rated: RatedJustNow | null = null): Promise<string> {
  if (!mine.length) return '您还没有留言，没有可以重新办理的。发送"留言"就可以给人大代表留言。'
  // An answer not scored yet is the likeliest, then the newest closed one; the list is newest first.
  const meant = (rated && mine.find((c) => c.ticket === rated.ticket && c.reopen)) || mine.find((c) => c.status === 'replied') || mine.find((c) => c.reopen)
  if (meant) return whyNot(turn, meant, rated)
  return lines('您的留言还在办理中，没有可以申请重新办理的。', '代表答复后，您打了低分，才可以申请重新办理。')
}

/** "重新办理", "我要重新办理", "重新办理 0009 还是堵": a request to handle a message again ("不满意" is a score, not this). */
export function asksReopen(turn: Turn): boolean {
  const cmd = turn.command
  if (cmd.kind === 'reopen') return !/不满意/.test(turn.raw)
  return cmd.kind === 'text' && reopenRequest(cmd.text)?.form === 'start'
}
