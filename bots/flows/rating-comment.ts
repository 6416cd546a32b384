import { ApiError } from '../client.js'
import { lines, oneLine, type Turn } from './turn.js'
import type { CommentFlow } from './dialogue-state.js'
import { capped, excerptOf, REASON_MAX } from './words-passed-on.js'

/**
 * Her words after a score: passed on to the deputy with the rating, and the one question they wait on when they may
 * be about something else (the rated message or a new one; once the rating cannot take them, a new message or not).
 */

/**
 * After her comment was taken, more bubbles of the same thought may follow: for this long they are offered to her
 * as a new message (the rating takes one comment), never answered with the menu and lost.
 */
const MORE_WORDS_MS = 10 * 60_000

/** A question in her comment ("周五要是修不好怎么办？"): the deputy reads comments but does not answer them. */
const ASKS = /[?？]|怎么办|吗$|呢$|什么时候|能不能|可不可以|会不会|行不行|为什么|怎么/

/**
 * Her words after a score she gave alone ("3", then "路灯还是没修好"), or words she said were about the answer
 * when asked (`confirmed`: resident.ts, commentOrNewAnswer): added to that rating, and the deputy reads them as he
 * reads a comment sent with the score ("群众说：…"). When the backend finds they name another thing than the message
 * ("垃圾还是没人收" after an answer about a 路灯), she is asked which she means; when the rating can no longer take
 * them, or takes only their first part, she is told so and offered to send them whole as a new message.
 */
export async function commentOnRating(turn: Turn, ticket: string, said = turn.raw, confirmed = false) {
  const words = capped(said, REASON_MAX)
  const ask = (flow: CommentFlow, ...before: string[]) => {
    turn.state.flow = flow
    turn.say(lines(...before, commentQuestion(flow)))
  }
  try {
    await turn.client.commentOnRating(turn.person.personId, ticket, words, confirmed)
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    if (err.code === 'comment_off_subject') {
      const subject = subjectIn(err.details)
      return ask({ name: 'comment', ticket, words: said, ...(subject ? { subject } : {}) })
    }
    // Past the time the rating takes words: her words are not dropped with the refusal.
    if (err.code === 'comment_closed')
      return ask({ name: 'comment', ticket, words: said, stage: 'late' }, '这次评价已经过了可以补充的时间，您这段话没有转给代表。')
    return turn.say(err.message)
  }
  const thanks = `您说的"${excerptOf(words)}"已经转给代表了，谢谢您！`
  // Her next bubbles may go on with the same thought: offered, not lost (resident.ts).
  turn.state.rated = { ticket, at: turn.now, until: turn.now + MORE_WORDS_MS, commented: true }
  const total = [...said].length
  const sent = [...words].length
  // Longer than a rating keeps: never cut without a word; the whole of it can still reach him as a new message.
  if (sent < total)
    return ask(
      { name: 'comment', ticket, words: said, stage: 'whole', sent },
      thanks,
      `不过这段话有 ${total} 字，和评分一起最多只能转 ${sent} 字，后面还有 ${total - sent} 字没有转过去。`,
    )
  // A question sent as a comment waits for an answer that never comes unless she is told how to get one.
  if (ASKS.test(oneLine(words)))
    return turn.say(lines(thanks, '代表会看到您的话，但评价后补充的话代表不会单独答复。', '想让代表答复您的问题，请发送"留言"，写一条新留言。'))
  turn.say(lines(thanks, '问题还没有解决，或者有别的事要反映，请发送"留言"再写一条。'))
}

/** The message's subject the backend named when her words were about something else ("路灯"). */
function subjectIn(details: unknown): string | null {
  const first = Array.isArray(details) ? (details[0] as { message?: unknown } | undefined) : undefined
  return typeof first?.message === 'string' && first.message ? first.message : null
}

/**
 * Her messages sent before, in true words: those being handled "正在办理", those answered "已答复，等您评价" (an
 * answered message said to be in hand would be untrue to her); null when neither.
 */
function sentEarlier({ inHand, answered }: CommentFlow): string | null {
  if (inHand && answered) return `（您之前发出的留言：${inHand} 条正在办理，${answered} 条已答复，等您评价。发送"查询"可以看办到哪一步了。）`
  if (answered) return `（您之前发出的 ${answered} 条留言已答复，等您评价，发送"查询"可以看答复。）`
  return inHand ? `（您之前发出的 ${inHand} 条留言正在办理，发送"查询"可以看办到哪一步了。）` : null
}

/**
 * The one question her words after a score wait on: whether they are about the rated message (1) or a new one (2);
 * once the rating cannot take them (whole), whether to send them as a new message (1) or leave them (2).
 */
export function commentQuestion(flow: CommentFlow, several = false): string {
  if (flow.stage === 'late') return '要把这段话作为一条新留言发给代表，请回复 1；不用了，请回复 2。'
  if (flow.stage === 'again')
    return lines(
      `您刚才又说的"${excerptOf(flow.words)}"还没有转给代表（一次评价只能转一段话，前面那段已经转过去了）。`,
      '要把它也告诉代表，请回复 1，作为一条新留言发给代表；不用了，请回复 2。',
    )
  if (flow.stage === 'unsent')
    return lines(
      // "刚才说的这句话", never "您说的…还没有发给代表": an old man reads that as his earlier message not sent.
      `您刚才说的"${excerptOf(flow.words)}"还没有发出去。`,
      sentEarlier(flow),
      '要把刚才这句话作为一条新留言发给代表，请回复 1；不用了，请回复 2。',
      // Maybe no problem at all ("今天天气不错"): the menu is one word away.
      '要办别的事，请回复"帮助"看菜单。',
    )
  if (flow.stage === 'whole') return '要让代表看到整段话，请回复 1，把整段话作为一条新留言发给代表；不用了，请回复 2。'
  if (flow.subject) return lines(`您说的是刚才评价的"${flow.subject}"那件事，还是一件新的事？`, `回复 1 是"${flow.subject}"那件事，回复 2 是新的事`)
  // A long text is no "句": she would not recognise what she wrote in it.
  const what = several ? '这几段话' : [...flow.words].length > 20 ? '这段话' : '这句话'
  return lines(`您${what}是对刚才答复的意见，还是要反映新的问题？`, '回复 1 是对答复的意见，回复 2 是新的问题')
}

/** An answer to commentQuestion not understood: the two numbers again, not the whole question word for word. */
export function commentUnclear(flow: CommentFlow): string {
  if (!flow.stage) {
    const options = flow.subject ? `1 是"${flow.subject}"那件事，2 是新的事` : '1 是对答复的意见，2 是新的问题'
    return `没看懂，请回复数字 1 或 2：${options}。`
  }
  if (flow.stage === 'whole') return '没看懂，请回复数字 1 或 2：1 把整段话作为新留言发给代表，2 不用了。'
  return '没看懂，请回复数字 1 或 2：1 作为新留言发给代表，2 不用了。'
}
