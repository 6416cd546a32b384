import { ApiError } from '../client.js'
import { stillWriting } from './leave-message.js'
import { othersWaiting, ownTicket } from './own-messages.js'
import { commentQuestion } from './rating-comment.js'
import { RATING_SCALE } from './rating-scale.js'
import { lines, noSuchMessage, oneLine, type Turn } from './turn.js'
import type { CommentFlow } from './dialogue-state.js'
import { capped, excerptOf, notPassedOn, REASON_MAX } from './words-passed-on.js'

/**
 * Rating an answer, for the resident conversation (resident.ts): the score for the message a number or a quote
 * names, the thanks that says what was rated and what still waits, and the 重新办理 offer (reopen.ts) with the
 * reason already given.
 */

/** "评价 0042 5": that message's answer, whichever one a bare number would rate. */
export async function rateByNumber(turn: Turn, ref: string, rating: number) {
  if (rating < 1 || rating > 5) return turn.say(RATING_SCALE)
  const ticket = await ownTicket(turn, ref)
  if (ticket) await rate(turn, ticket, rating)
}

/** After a score alone: her next words go to the deputy with it. */
const COMMENT_INVITE = '还有什么想对代表说的，可以直接发过来，我们会转给代表。'

/**
 * Rates one answer. `reason`: what she said after "不满意", kept with the score and, when the message
 * may be handled again, with the offer, so "1" reopens with it. A new message she was writing is
 * not lost: it goes on after the offer, or at once, and she is told where it stands.
 */
export async function rate(turn: Turn, ticket: string, rating: number, reason = '') {
  // A bare number stops meaning this answer once it is rated (or cannot be); another one waiting keeps it.
  const done = () => {
    if (turn.state.rating?.ticket === ticket) turn.state.rating = null
  }
  const draft = turn.state.flow?.name === 'message' ? turn.state.flow : null
  // Words said with "重新办理" before the score are the reason of a low one (2 不满意, 1 很不满意).
  const earlier = turn.state.rating?.ticket === ticket && rating <= 2 ? (turn.state.rating.reason ?? '') : ''
  const said = reason || earlier
  const kept = capped(said, REASON_MAX)
  // Longer than a rating keeps: never cut without a word (the whole can go as a new message once she has answered).
  const cut = kept.length < said.length ? notPassedOn(said, kept, '最多只能转') : null
  try {
    const rated = await turn.client.rate(turn.person.personId, ticket, rating, kept || undefined)
    done()
    if (rated.canReopen) {
      // Her words whole: the reopen passes on what it may and offers the rest (reopen()).
      turn.state.flow = { name: 'reopen', stage: 'offer', ticket, ...(said ? { reason: said } : {}), ...(draft ? { draft } : {}) }
      // With other answers waiting, "重新办理" must say which message it would reopen.
      const { waiting, refOf } = await othersWaiting(turn, ticket)
      const recorded = waiting.length ? `已记下您对留言 ${refOf(ticket)} 的评分：${rating} 分。` : `已记下您的评分：${rating} 分。`
      turn.say(
        lines(
          `${recorded}很抱歉没能让您满意。`,
          kept ? `您说的"${cut ? excerptOf(kept) : kept}"也记下了，重新办理时会转给代表。` : null,
          cut && `${cut}等您回复后，还可以把整段话作为一条新留言发给代表。`,
          '1. 重新办理',
          '2. 不用了',
        ),
      )
    } else if (cut && !draft) {
      // No 重新办理 for this score: the rest of her words are offered as a new message at once.
      const whole: CommentFlow = { name: 'comment', ticket, words: said, stage: 'whole', sent: [...kept].length }
      turn.state.flow = whole
      turn.say(lines(await thanksForRating(turn, ticket, rating), cut, commentQuestion(whole)))
    } else {
      // A score alone: what she says next may be why, and reaches the deputy with it (commentOnRating), for as
      // long as the backend keeps the rating open to it (it says so with the score; it never takes words later).
      const open = !draft && !kept && (rated.commentWindowMs ?? 0) > 0
      if (open) turn.state.rated = { ticket, at: turn.now, until: turn.now + rated.commentWindowMs!, score: rating }
      turn.say(lines(await thanksForRating(turn, ticket, rating), open && COMMENT_INVITE, draft && stillWriting(draft)))
    }
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    if (err.status === 404) return turn.say(lines(noSuchMessage(ticket), draft && stillWriting(draft)))
    done() // already rated or closed: a later "5" means something else
    turn.say(lines((err.code === 'illegal_transition' && (await whyNotRated(turn, ticket, rating))) || err.message, draft && stillWriting(draft)))
  }
}

/**
 * A refused rating in words: the backend only says the state forbids it ("不能执行此操作"). Another score for an
 * answer already rated ("评价 0001 1" after a 5) cannot change it: she hears what she can do instead, 重新办理 when
 * the backend still allows it for this message (her score and the time, as reopenMaxRating and the window say),
 * else a new message.
 */
async function whyNotRated(turn: Turn, ticket: string, rating: number): Promise<string | null> {
  const c = await turn.client.caseDetail(turn.person.personId, ticket).catch(() => null)
  if (!c) return null
  if (c.rating === rating) return `留言 ${c.ticket} 您已经打过分了（${c.rating} 分），不用再打。谢谢您！`
  if (c.rating !== null) {
    const named = await turn.client.casesNamed(turn.person.personId, c.ticket).catch(() => [])
    const reopenable = named.some((item) => item.ticket === c.ticket && item.reopen === 'allowed')
    return lines(
      `留言 ${c.ticket} 您已经打过分了（${c.rating} 分），分数打过就不能再改了。`,
      reopenable ? '问题还没有解决的话，可以发送"重新办理"，请代表再办一次。' : '问题还没有解决的话，可以发送"留言"再写一条。',
    )
  }
  if (!c.reply) return `留言 ${c.ticket} 还没有答复，等代表答复后再打分。`
  return null
}

/**
 * A bare number rates the answer that came last, so with others still waiting the thanks names the one
 * rated and says which wait, with the words that rate them: nobody is left thinking the other was rated.
 */
async function thanksForRating(turn: Turn, ticket: string, rating: number): Promise<string> {
  const { waiting, refOf } = await othersWaiting(turn, ticket)
  if (!waiting.length) return `已记下您的评分：${rating} 分。谢谢您的评价！`
  const example = `评价 ${refOf(waiting[0].ticket)} 5（5 很满意，1 很不满意）`
  return lines(
    `已记下您对留言 ${refOf(ticket)} 的评分：${rating} 分。谢谢您的评价！`,
    `您还有 ${waiting.length} 条留言的答复等着打分：`,
    ...waiting.slice(0, 3).map((c) => `· ${refOf(c.ticket)} ${oneLine(c.excerpt)}`),
    // "它" only when one is listed: with several, the person is told to pick one by its number.
    waiting.length === 1 ? `给它打分请发送：${example}` : `给哪条打分，就发送"评价"、它的编号和分数，如：${example}`,
  )
}
