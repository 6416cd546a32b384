import { ApiError, isUnavailable, type CaseListItem, type CaseRules } from '../client.js'
import { compact } from '../text.js'
import { EMOJI } from '../typed-text.js'
import { stillWriting } from './leave-message.js'
import { lines, noSuchMessage, oneLine, shortTicket, type CommentFlow, type ReopenFlow, type Turn } from './turn.js'

/**
 * Rating an answer and asking for it to be handled again (重新办理), for the resident conversation
 * (resident.ts): which message a number or a quote names, the thanks that says what was rated and
 * what still waits, and the reopen offer with the reason already given.
 */

/** The scores and their words, as every rating question and reminder names them. */
export const SCALE_LINE = '5 很满意　4 满意　3 一般　2 不满意　1 很不满意'

/** The scores that may ask for 重新办理, in words: "1 分或 2 分" (the backend's reopenMaxRating). */
export function reopenScores(max: number): string {
  if (max <= 1) return '1 分'
  if (max === 2) return '1 分或 2 分'
  return `1 到 ${Math.min(max, 5)} 分`
}

/**
 * The rating question's last line: which scores may ask for the message to be handled again, plainly;
 * in general words when the rules could not be read.
 */
export const reopenLine = (rules: CaseRules | null) =>
  rules ? `问题没有解决的，打 ${reopenScores(rules.reopenMaxRating)}，就可以申请重新办理。` : '问题没有解决的，打低分后可以申请重新办理。'

/** How to rate, said again when a score is not one of 1 to 5. */
export const RATING_SCALE = lines('打分请回复 1 到 5 中的一个数字：', SCALE_LINE)

/** "重新办理" before the answer is rated: only a rated answer can be handled again, so the score comes first. */
export const SCORE_FIRST = lines('请先给这次答复打分，分数低的可以申请重新办理。', RATING_SCALE)

/**
 * One of the person's own messages, however old (the backend looks the number up among all of hers, not
 * in the newest page the list shows), from the full number or its last four digits; null after saying why not.
 */
export async function ownCase(turn: Turn, ref: string): Promise<CaseListItem | null> {
  const named = await turn.client.casesNamed(turn.person.personId, ref)
  if (named.length === 1) return named[0]
  if (!named.length) turn.say(noSuchMessage(ref))
  // Numbers start again at 0001 each day: name the ones meant, so the whole number can be copied.
  else turn.say(lines(`有 ${named.length} 条留言以 ${ref} 结尾：`, ...named.slice(0, 5).map((c) => `· ${c.ticket} ${oneLine(c.excerpt)}`), '请发完整编号。'))
  return null
}

/** The full ticket of one of the person's own messages, as ownCase finds it; null after saying why not. */
export async function ownTicket(turn: Turn, ref: string): Promise<string | null> {
  return (await ownCase(turn, ref))?.ticket ?? null
}

/** "评价 0042 5": that message's answer, whichever one a bare number would rate. */
export async function rateByNumber(turn: Turn, ref: string, rating: number) {
  if (rating < 1 || rating > 5) return turn.say(RATING_SCALE)
  const ticket = await ownTicket(turn, ref)
  if (ticket) await rate(turn, ticket, rating)
}

/** The backend keeps at most this many characters of a rating's comment and a reopen's reason (bot schemas). */
const REASON_MAX = 500

/** How much of what she types under the 重新办理 offer is kept to pass on or offer whole: a message's length. */
const WORDS_KEPT_MAX = 2000

/** After a score alone: her next words go to the deputy with it. */
const COMMENT_INVITE = '还有什么想对代表说的，可以直接发过来，我们会转给代表。'

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
  const thanks = `您说的"${oneLine(excerptOf(words))}"已经转给代表了，谢谢您！`
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
      `您刚才又说的"${oneLine(excerptOf(flow.words))}"还没有转给代表（一次评价只能转一段话，前面那段已经转过去了）。`,
      '要把它也告诉代表，请回复 1，作为一条新留言发给代表；不用了，请回复 2。',
    )
  if (flow.stage === 'unsent')
    return lines(
      // "刚才说的这句话", never "您说的…还没有发给代表": an old man reads that as his earlier message not sent.
      `您刚才说的"${oneLine(excerptOf(flow.words))}"还没有发出去。`,
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

/** At most thirty characters of her words, "…" when cut. */
export const excerptOf = (text: string) => ([...text].length > 30 ? `${[...text].slice(0, 30).join('')}…` : text)

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
          kept ? `您说的"${cut ? oneLine(excerptOf(kept)) : kept}"也记下了，重新办理时会转给代表。` : null,
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

/** What of her words did not go ("不过这段话有 620 字，重新办理最多只能转 500 字，后面还有 120 字没有转过去。"). */
function notPassedOn(whole: string, passed: string, limit: string): string {
  const total = [...whole].length
  const sent = [...passed].length
  return `不过这段话有 ${total} 字，${limit} ${sent} 字，后面还有 ${total - sent} 字没有转过去。`
}

/** At most `max` UTF-16 units (as the backend counts), never cutting a character in two. */
function capped(text: string, max: number): string {
  let out = ''
  for (const c of text) {
    if (out.length + c.length > max) break
    out += c
  }
  return out
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
 * The person's answers still waiting for a rating besides `ticket`, and how to write each one's
 * number so that "评价 … 5" finds it: its last four digits, or the whole number when another of
 * their messages ends the same (numbers start again at 0001 every day).
 */
export async function othersWaiting(turn: Turn, ticket: string | null) {
  // The rating is stored: a list that cannot be read now only leaves the others unsaid. Not even with
  // the backend gone: the turn would be held and replayed, and the replayed rating refused as done.
  const mine = await turn.client.cases(turn.person.personId).catch((err: unknown) => {
    if (err instanceof ApiError || isUnavailable(err)) return []
    throw err
  })
  const refOf = (t: string) => {
    const listed = mine.find((c) => c.ticket === t)
    // The backend's, among all her messages however old.
    if (listed?.ref) return listed.ref
    // Older than her newest: whether another of hers ends alike is not known here, and the whole number is never wrong.
    if (!listed) return t
    const short = shortTicket(t)
    return mine.some((c) => c.ticket !== t && c.ticket.endsWith(`-${short}`)) ? t : short
  }
  return { waiting: mine.filter((c) => c.status === 'replied' && c.ticket !== ticket), refOf }
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

export async function reopenAnswer(turn: Turn, flow: ReopenFlow): Promise<boolean> {
  const cmd = turn.command
  // After the offer, a new message she was writing before it goes on.
  const resume = (said: string | null) => {
    turn.state.flow = flow.draft ?? null
    turn.say(lines(said, flow.draft && stillWriting(flow.draft)))
  }
  if (flow.stage === 'offer') {
    if ((cmd.kind === 'number' && cmd.value === 1) || cmd.kind === 'reopen' || cmd.kind === 'confirm') {
      // What she said after "不满意", or typed under the offer, is the reason: not asked for a second time.
      const reason = [flow.reason, flow.said].filter(Boolean).join('，')
      if (reason) return reopen(turn, { ...flow, reason }, reason, resume)
      turn.state.flow = { ...flow, stage: 'reason' }
      turn.say('请简单说说还有哪些问题没有解决：')
    } else if (cmd.kind === 'number' && cmd.value === 2) {
      // Words that were not a request after all are part of the message she is writing.
      if (flow.words && flow.draft?.stage === 'text') flow.draft.parts.push(flow.words)
      if (flow.said) return keepSaidWithoutReopen(turn, flow, resume)
      // With no message being written, they are offered as a new one: never dropped with the "不用了".
      if (flow.words && !flow.draft) {
        const unsent: CommentFlow = { name: 'comment', ticket: '', words: flow.words, stage: 'unsent' }
        turn.state.flow = unsent
        turn.say(lines('好的，不重新办理了。', commentQuestion(unsent)))
        return true
      }
      if (flow.reason && !flow.draft && capped(flow.reason, REASON_MAX).length < flow.reason.length) {
        // Only the first part of her words went with the score (she was told): the whole may still go as a new message.
        const whole: CommentFlow = {
          name: 'comment',
          ticket: flow.ticket,
          words: flow.reason,
          stage: 'whole',
          sent: [...capped(flow.reason, REASON_MAX)].length,
        }
        turn.state.flow = whole
        turn.say(lines('好的，不重新办理了。', commentQuestion(whole)))
        return true
      }
      resume('好的，谢谢您！')
    } else if (cmd.kind === 'text' && [...turn.raw.replace(/[\p{P}\p{S}\s]/gu, '')].length >= 2) {
      // "路灯还是不亮，晚上黑乎乎的": why she is unhappy, sent in the chat as she thinks it. Kept as the reason,
      // with any more bubbles, and "1" reopens with it: never "请回复数字" and her words thrown away.
      // Kept whole (up to a message's length): reopen() passes on what it may and offers the rest.
      flow.said = capped([flow.said, turn.raw].filter(Boolean).join('，'), WORDS_KEPT_MAX)
      turn.say(lines(`您说的"${oneLine(excerptOf(turn.raw))}"记下了，重新办理时会转给代表。`, '要重新办理，请回复 1；不用了，请回复 2。'))
    } else turn.say(lines('请回复数字：', '1. 重新办理', '2. 不用了'))
    return true
  }
  // "我要重新办理", "重新办", "对" asked why: the request said again, no reason. What she said with her score is the
  // reason when she gave one (she was told it goes with the request); else she is asked once more, plainly.
  if (repeatsRequest(turn) || (cmd.kind === 'done' && flow.earlier)) {
    if (flow.earlier) return reopen(turn, { ...flow, reason: flow.earlier }, flow.earlier, resume)
    turn.say('请用一句话说说还有哪些问题没有解决，比如"还是没修好"，代表会照着再办。不办了请回复"取消"。')
    return true
  }
  if (cmd.kind !== 'text' && cmd.kind !== 'reopen') {
    turn.say('请用文字说说还有哪些问题没有解决，或回复"取消"。')
    return true
  }
  return reopen(turn, flow, flow.earlier ? `${flow.earlier}，${turn.raw}` : turn.raw, resume)
}

/** Words that only ask for 重新办理 again, or say yes to it ("我要重新办理", "重新办", "对，重办", "嗯", "不满意"). */
function repeatsRequest(turn: Turn): boolean {
  const rest = compact(turn.raw)
    .replace(EMOJI, '')
    .replace(/[\p{P}\p{S}\s]/gu, '')
    .replace(/^(?:对的|对|是的|是|嗯+|好的|好|行|确认|确定|就是|没错)/, '')
    .replace(/^(?:我|俺)?(?:还是)?(?:要|想|要求|申请|请|请求)?(?:重新办理|重新处理|重新办|重办|再办一次|再处理一次|不满意)?(?:一下)?(?:吧|啊|呀|了)?$/, '')
  return rest === ''
}

/**
 * "2. 不用了" after she typed why she is unhappy under the offer: her words still reach the deputy, with her score
 * when the rating can take them (it had no words yet), else offered as a new message. A new message she was
 * writing takes them instead, as its words.
 */
async function keepSaidWithoutReopen(turn: Turn, flow: ReopenFlow, resume: (said: string | null) => void): Promise<boolean> {
  const said = flow.said!
  if (flow.draft?.stage === 'text') {
    flow.draft.parts.push(said)
    resume('好的，不重新办理了。您刚才说的话加到了您正在写的留言里。')
    return true
  }
  if (!flow.draft && !flow.reason) {
    turn.state.flow = null
    await commentOnRating(turn, flow.ticket, said, true)
    return true
  }
  if (flow.draft) {
    resume(`好的，不重新办理了。您刚才说的"${oneLine(excerptOf(said))}"没有转给代表，需要的话请写进您的留言里。`)
    return true
  }
  // The rating has her earlier words already (it takes one comment): these can still go as a new message.
  turn.state.flow = { name: 'comment', ticket: flow.ticket, words: said, stage: 'late' }
  turn.say(lines('好的，不重新办理了。您刚才说的话还没有转给代表。', commentQuestion(turn.state.flow)))
  return true
}

export async function reopen(turn: Turn, flow: ReopenFlow, reason: string, resume: (said: string | null) => void): Promise<boolean> {
  // The backend takes REASON_MAX characters of a reason: the first part goes, and the rest is never dropped unsaid.
  const passed = capped(reason, REASON_MAX)
  const cut = passed.length < reason.length
  try {
    const reopened = await turn.client.reopen(turn.person.personId, flow.ticket, passed)
    // Back with the deputy who answered ('reopened'), or with the station to place again ('submitted': the deputy
    // has left office, or none answered it).
    const withDeputy = reopened.status === 'reopened'
    const next = withDeputy ? '代表会再次处理并答复您' : '联络站会安排代表办理并答复您'
    const echo = cut ? oneLine(excerptOf(passed)) : flow.reason
    const done = echo
      ? `已申请重新办理留言 ${reopened.ticket}。您说的"${echo}"已经转给${withDeputy ? '代表' : '联络站'}，${next}。`
      : `已申请重新办理留言 ${reopened.ticket}，${next}。`
    if (!cut) resume(done)
    else if (flow.draft) resume(lines(done, notPassedOn(reason, passed, '重新办理最多只能转'), '需要的话，请把没转过去的话写进您正在写的留言里。'))
    else {
      // As a comment too long for its rating (commentOnRating): the whole of it can reach the deputy as a new message.
      const whole: CommentFlow = { name: 'comment', ticket: flow.ticket, words: reason, stage: 'whole', sent: [...passed].length }
      turn.state.flow = whole
      turn.say(lines(done, notPassedOn(reason, passed, '重新办理最多只能转'), commentQuestion(whole)))
    }
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    resume(err.message)
  }
  return true
}
