/**
 * 一起催办: the open messages of a group (a hot issue's) urged at once, each by the single 催办's rule,
 * and one notice per deputy naming how many of his messages are urged. Which messages are urged, why
 * the others are not, and the words: pure, no I/O.
 */
import { nextDeadline, WAITING_STATUSES, type CaseRecord } from './case.js'
import { ackLate, waitingLate } from './case-stats.js'
import { mayBeUrged } from './case-urging.js'
import { localDate } from './dates.js'
import { deputyGist } from './deputy-gist.js'
import { deputyLateWords } from './late-words.js'
import { ticketRef } from './ticket-refs.js'

/**
 * Why a message of the group is not urged: outside her scope (or no such message: she is not told which),
 * in no deputy's hands yet (待分派, at the station or office), answered or finished (已答复, 已办结, 合并,
 * 撤回, 不予受理), urged today already (the single 催办's once a day per deputy), given to another deputy than the
 * one she was shown (a colleague's 分派 or his 转交 between what she read and her confirming), changed while it was
 * being urged (another's step in the same moment), or not urged for a failure (its deputy's run stopped there).
 */
export type UrgeSkip = 'not_yours' | 'not_with_deputy' | 'finished' | 'urged_today' | 'holder_changed' | 'changed' | 'failed'
export const URGE_SKIPS: readonly UrgeSkip[] = ['not_yours', 'not_with_deputy', 'finished', 'urged_today', 'holder_changed', 'changed', 'failed']

/** Why a message she may see is not to be urged now (the single 催办's refusals), or null when it is. */
export function urgeSkipOf(c: Pick<CaseRecord, 'status' | 'deputyId' | 'mergedInto'>, urgedToday: boolean): UrgeSkip | null {
  if (!mayBeUrged(c)) return WAITING_STATUSES.includes(c.status) && !c.mergedInto ? 'not_with_deputy' : 'finished'
  return urgedToday ? 'urged_today' : null
}

/** Whether the deadline that presses now (受理, else 答复) has passed: which one, passedDeadline says. */
export const pastDeadline = (c: Pick<CaseRecord, 'status' | 'acknowledgedAt' | 'ackDueAt' | 'replyDueAt'>, now: Date) =>
  (nextDeadline(c)?.getTime() ?? Infinity) < now.getTime()

/**
 * Which deadline a message to be urged has passed: its reply deadline (已超期, as the inbox says it), else only the
 * acknowledgement's (未按时受理, its reply still ahead); null when none. The words name it, for "已过期限" on a message
 * whose answer is not due yet reads as if it were late to be answered.
 */
export function passedDeadline(c: Pick<CaseRecord, 'status' | 'acknowledgedAt' | 'ackDueAt' | 'replyDueAt'>, now: Date): 'reply' | 'ack' | null {
  if (waitingLate(c, now)) return 'reply'
  return ackLate(c, now) ? 'ack' : null
}

/** How many of these messages are past their reply deadline, and how many only past the acknowledgement's. */
export function countPassed(cases: ReadonlyArray<Pick<CaseRecord, 'status' | 'acknowledgedAt' | 'ackDueAt' | 'replyDueAt'>>, now: Date) {
  const passed = cases.map((c) => passedDeadline(c, now))
  return { pastReply: passed.filter((p) => p === 'reply').length, pastAck: passed.filter((p) => p === 'ack').length }
}

/**
 * A late message in each reader's own words: staff read it as the inbox's badge and filters say it (已超期, 未按时受理),
 * the deputy as each line of this notice, his 待办 and 每日摘要 do (答复已超期, 已过受理期限): "2 条已过答复期限" above
 * lines saying "答复已超期 2 天" read as two different things. `all` is said when every one is late the same way.
 */
const PASSED_WORDS = {
  staff: { reply: '已超期', ack: '未按时受理', allReply: '都已超期', allAck: '都未按时受理' },
  deputy: { reply: '答复已超期', ack: '已过受理期限', allReply: '答复都已超期', allAck: '都已过受理期限' },
} as const

/**
 * "，都已超期" / "，其中 2 条已超期、1 条未按时受理" (to staff), "，答复都已超期" / "，其中 2 条答复已超期、1 条已过受理期限"
 * (to the deputy): which deadline each late one has passed, said after the count; empty when none is late.
 */
export function passedText(total: number, pastReply: number, pastAck: number, reader: keyof typeof PASSED_WORDS): string {
  const words = PASSED_WORDS[reader]
  if (!pastReply && !pastAck) return ''
  if (pastReply === total) return `，${words.allReply}`
  if (pastAck === total) return `，${words.allAck}`
  const parts = [pastReply ? `${pastReply} 条${words.reply}` : '', pastAck ? `${pastAck} 条${words.ack}` : '']
  return `，其中 ${parts.filter(Boolean).join('、')}`
}

/** How the group stands, or stood once urged: what is (to be) urged and how many were left out, and why. */
export interface UrgeTally {
  urged: number
  deputies: number
  /** Of those urged, how many are past their deadline (either one). */
  overdue: number
  /** Of those, past the reply deadline (已超期); the rest only past the acknowledgement's (未按时受理). */
  pastReply: number
  skipped: Partial<Record<UrgeSkip, number>>
}

/** Each reason a message is left out, said before (不会催办) or after (未催办) she confirms. */
const SKIP_WORDS: Record<UrgeSkip, (n: number, done: boolean) => string> = {
  not_yours: (n, done) => `${n} 条不归您管，${done ? '未催办' : '不会催办'}`,
  not_with_deputy: (n, done) => `${n} 条还没有交给代表办理，${done ? '未催办' : '不用催办'}，请先分派`,
  finished: (n) => `${n} 条已经答复或办结，不用催办`,
  urged_today: (n) => `${n} 条今天已经催办过，同一位代表每天只能催办一次`,
  holder_changed: (n) => `${n} 条在您看过之后交给了别的代表办理，未催办，请重新点“一起催办”看过再催`,
  changed: (n) => `${n} 条刚刚有了变化（有人在同一时间办理），未催办，请刷新后再看`,
  failed: (n) => `${n} 条因为系统出错没有催办成功，请稍后对它们再催办一次`,
}

/**
 * The words before she confirms (`done` false: 将催办 …) and after (已催办 …): the head sentence, then one line for
 * each reason messages were left out, the first led by 其中 ("其中 1 条不归您管，未催办").
 */
export function urgeTallyText(t: UrgeTally, done: boolean): { text: string; skipped: string[] } {
  const late = passedText(t.urged, t.pastReply, t.overdue - t.pastReply, 'staff')
  const text = t.urged
    ? `${done ? '已催办' : '将催办'} ${t.urged} 条留言，涉及 ${t.deputies} 位代表${late}。`
    : done
      ? '没有催办任何留言。'
      : '这些留言现在没有可以催办的。'
  const skipped = URGE_SKIPS.filter((s) => t.skipped[s]).map((s, i) => `${i === 0 && t.urged ? '其中 ' : ''}${SKIP_WORDS[s](t.skipped[s]!, done)}。`)
  return { text, skipped }
}

/**
 * A message to be urged that is late, as his 待办, workbench and 每日摘要 say it that day, with the days: "答复已超期 11 天",
 * "已过受理期限 3 天" (late-words.ts); null when it is not late.
 */
export function deputyLateText(c: Pick<CaseRecord, 'status' | 'acknowledgedAt' | 'ackDueAt' | 'replyDueAt'>, now: Date, timeZone: string): string | null {
  const passed = passedDeadline(c, now)
  if (!passed) return null
  const today = localDate(now, timeZone)
  return passed === 'reply' ? deputyLateWords('reply', c.replyDueAt, today, timeZone) : deputyLateWords('acknowledge', c.ackDueAt, today, timeZone)
}

/** How many of a deputy's messages his notice lists, a line each, before "……另有 N 条": a notice is read on a phone. */
const TICKETS_LISTED = 10

type UrgedCase = Pick<CaseRecord, 'ticket' | 'topic' | 'text' | 'status' | 'acknowledgedAt' | 'ackDueAt' | 'replyDueAt'>

/**
 * One line of that notice: the number he acts on it by (its last four digits, or the whole number when another of
 * these ends the same), her first words (masked, as every notice to him quotes her), and whether it is late, in his
 * 待办's words with the days: "0001 路灯不亮两个星期了（答复已超期 2 天）".
 */
export function urgedLine(c: UrgedCase, tickets: readonly string[], now: Date, timeZone: string): string {
  const late = deputyLateText(c, now, timeZone)
  const gist = deputyGist(c.text)
  return `${ticketRef(c.ticket, tickets)}${gist ? ` ${gist}` : ''}${late ? `（${late}）` : ''}`
}

/**
 * What a deputy reads when several of his messages are urged at once, in place of one notice a message: who urged,
 * how many and how many are late, then a line for each (urgedLine), then her words:
 * "催办：张伟代表，工作人员孙丽催办您的 3 条留言（城乡建设），其中 2 条答复已超期，请尽快办理：\n0001 路灯不亮（答复已超期 2 天）
 * \n…\n附言：…". `words` is her note, masked and cut as the single notice's; `inHand`, the tickets of all the messages he
 * holds, which a short number is read among (ticket-refs.ts). The bot adds what to send in the chat.
 */
export function urgedTogetherText(
  cases: readonly UrgedCase[],
  names: { deputy: string; staff: string },
  now: Date,
  timeZone: string,
  words: string,
  inHand: readonly string[] = [],
): string {
  const topics = new Set(cases.map((c) => c.topic))
  const topic = topics.size === 1 ? `（${cases[0].topic}）` : ''
  const tickets = [...cases.map((c) => c.ticket), ...inHand]
  const listed = cases.slice(0, TICKETS_LISTED).map((c) => urgedLine(c, tickets, now, timeZone))
  const more = cases.length > TICKETS_LISTED ? `……另有 ${cases.length - TICKETS_LISTED} 条` : ''
  const { pastReply, pastAck } = countPassed(cases, now)
  const late = passedText(cases.length, pastReply, pastAck, 'deputy')
  const to = names.deputy ? `${names.deputy}代表，` : ''
  const head = `催办：${to}工作人员${names.staff}催办您的 ${cases.length} 条留言${topic}${late}，请尽快办理：`
  return [head, ...listed, more, words].filter(Boolean).join('\n')
}

/**
 * The subscribe card's line of that notice (its text keyword holds 20 characters; this fits for any count a group may
 * hold): its title already says 留言催办, a tap opens his 待办.
 */
export const urgedTogetherCard = (count: number) => `催办您的${count}条留言，请尽快办理`
