/**
 * An organizer's 提醒 for those who have not taken part yet: the deputies who have not answered
 * a survey or voted in a ballot (提醒未参与), or not read a campaign's reading (提醒未读). Who a
 * press reminds now, who it leaves out and why, and what the organizer is told, in words.
 * Pure: who was reminded today, whose notice went out when and who can be reached are read by
 * the services and passed in.
 */
import { momentLabel } from './meeting-words.js'
import { waitsOnSubscription } from './subscription-wait.js'

const MINUTE = 60_000
/** Names said in the result before "等": enough to phone, short enough to read. */
const NAMES_SAID = 10

export interface ReminderCandidate {
  /** The deputy's id. */
  id: string
  name: string
  /** A reminder of this survey or campaign already went to them today (business day): once a day is enough. */
  remindedToday: boolean
  /** When their first notice (发布通知) went out; null when they have none (a campaign) or it is not out. */
  noticeSentAt: Date | null
  /** Their first notice still waits to be sent: a reminder would arrive with it. */
  noticeWaiting: boolean
  /** Why it waits, as the outbox says it (夜间免打扰，8:00 后发送; 对方尚未订阅小程序消息…), when it says. */
  noticeWaitingReason?: string | null
  /** They have a way to receive a message (the mini-program or the bot): else only a phone call reaches them. */
  reachable: boolean
  /**
   * Unreachable though they use the mini-program: its notices are not switched on (no subscribe template),
   * and they have no bot either. Not "没有绑定微信": what is missing is the office's, not theirs.
   */
  appOff?: boolean
  /**
   * Unreachable station staff: they have not bound the WeChat assistant (bot), their only way. Said as 学习进度's
   * table says it (没有绑定微信助手), not counted among 没有绑定微信: one word, one group, on one screen.
   */
  staffUnbound?: boolean
}

export interface ReminderPlan<C extends ReminderCandidate = ReminderCandidate> {
  /** Reminded by this press. */
  send: C[]
  remindedToday: C[]
  noticeWaiting: C[]
  /** Their notice went out too recently to have been read… */
  justSent: C[]
  /** …and when the first of them may be reminded. */
  readyAt: Date | null
  unreachable: C[]
}

/**
 * Sorts those who have not taken part: reminded today already, notice not out yet, notice only just
 * out (less than `readMinutes` ago), no way to reach them, or reminded now — the first that holds.
 */
export function planReminders<C extends ReminderCandidate>(people: C[], now: Date, readMinutes: number): ReminderPlan<C> {
  const plan: ReminderPlan<C> = { send: [], remindedToday: [], noticeWaiting: [], justSent: [], readyAt: null, unreachable: [] }
  for (const p of people) {
    if (p.remindedToday) plan.remindedToday.push(p)
    else if (p.noticeWaiting) plan.noticeWaiting.push(p)
    else if (p.noticeSentAt && p.noticeSentAt.getTime() + readMinutes * MINUTE > now.getTime()) {
      plan.justSent.push(p)
      const readBy = new Date(p.noticeSentAt.getTime() + readMinutes * MINUTE)
      if (!plan.readyAt || readBy < plan.readyAt) plan.readyAt = readBy
    } else if (!p.reachable) plan.unreachable.push(p)
    else plan.send.push(p)
  }
  return plan
}

/** "张三、李四", or the first ten and "等": whom the organizer is to phone. */
export function namesToCall(people: ReadonlyArray<{ name: string }>): string {
  const names = people.slice(0, NAMES_SAID).map((p) => p.name)
  return `${names.join('、')}${people.length > NAMES_SAID ? ' 等' : ''}`
}

/**
 * Those a press leaves out, each group in a few words, for the result and the refusal:
 * "2 人没有绑定微信，收不到，请电话联系：张三、李四".
 */
export function leftOutWords(plan: Omit<ReminderPlan, 'send'>, timeZone: string): string[] {
  const words: string[] = []
  if (plan.remindedToday.length) words.push(`${plan.remindedToday.length} 人今天已经提醒过，明天可以再提醒`)
  words.push(...noticeWaitingWords(plan.noticeWaiting))
  if (plan.justSent.length)
    words.push(`${plan.justSent.length} 人的通知刚发出不久，请在 ${momentLabel(plan.readyAt!, timeZone)} 以后再提醒，给大家留出看通知的时间`)
  const appOff = plan.unreachable.filter((p) => p.appOff)
  const staffUnbound = plan.unreachable.filter((p) => !p.appOff && p.staffUnbound)
  const unbound = plan.unreachable.filter((p) => !p.appOff && !p.staffUnbound)
  if (appOff.length) words.push(`${appOff.length} 人用小程序，但系统的小程序提醒还没开通（请找系统管理员），提醒发不到，请电话联系：${namesToCall(appOff)}`)
  if (unbound.length) words.push(`${unbound.length} 人没有绑定微信，收不到，请电话联系：${namesToCall(unbound)}`)
  if (staffUnbound.length) words.push(`${staffUnbound.length} 人没有绑定微信助手，提醒发不到，请电话联系：${namesToCall(staffUnbound)}`)
  return words
}

const LATER = '发出后如果还没参与，可以再提醒'

/**
 * Those whose first notice waits, said as a meeting's 提醒未回复 says it (meeting-nudge.ts): with the outbox's reason,
 * and whether she must do anything. The dispatcher sends a notice held by quiet hours or the rate limit by itself; one
 * that waits on the deputy subscribing again does not go by itself, so it is not promised:
 * "3 人的通知待发送，会自动发出，不用您操作；发出后如果还没参与，可以再提醒".
 */
function noticeWaitingWords(waiting: ReadonlyArray<ReminderCandidate>): string[] {
  const onSubscription = (p: ReminderCandidate) => waitsOnSubscription(p.noticeWaitingReason)
  const why = (people: ReadonlyArray<ReminderCandidate>) => {
    const reason = people.find((p) => p.noticeWaitingReason)?.noticeWaitingReason
    return reason ? `（${reason}）` : ''
  }
  const byItself = waiting.filter((p) => !onSubscription(p))
  const held = waiting.filter(onSubscription)
  const words: string[] = []
  if (byItself.length) words.push(`${byItself.length} 人的通知待发送${why(byItself)}，会自动发出，不用您操作；${LATER}`)
  if (held.length) words.push(`${held.length} 人的通知待发送${why(held)}，${LATER}`)
  return words
}

/**
 * What the organizer reads after pressing: "已提醒 8 人；2 人没有绑定微信，收不到，请电话联系：张三、李四",
 * with when the messages go out when quiet hours hold them ("夜间免打扰，8:00 后发送").
 */
export function reminderResultWords(reminded: number, plan: Omit<ReminderPlan, 'send'>, timeZone: string, quiet: string | null): string {
  return [`已提醒 ${reminded} 人${quiet ? `（${quiet}）` : ''}`, ...leftOutWords(plan, timeZone)].join('；')
}

/**
 * Why a press reminds nobody, with its code: reminded today already (once a day per person is
 * enough: "今天已经提醒过了，明天可以再提醒"), else the first reason that holds.
 */
export function reminderRefusal(plan: Omit<ReminderPlan, 'send'>, timeZone: string): { code: string; message: string } {
  if (plan.remindedToday.length) {
    const others = leftOutWords({ ...plan, remindedToday: [] }, timeZone)
    return { code: 'reminded_today', message: ['今天已经提醒过了，明天可以再提醒', ...others].join('；') }
  }
  const code = plan.noticeWaiting.length ? 'notice_not_sent' : plan.justSent.length ? 'notice_just_sent' : 'nobody_reachable'
  return { code, message: leftOutWords(plan, timeZone).join('；') }
}

/**
 * What the console says beside 提醒 before anyone presses it, about those a press would leave out:
 * "今天已提醒 2 人，明天可以再提醒；4 人没有绑定微信，收不到，请电话联系：张三、李四", or null when
 * it would leave out nobody. After today's round it is all there is to say: the button is gone.
 */
export function reminderStateWords(plan: Omit<ReminderPlan, 'send'>, timeZone: string): string | null {
  const words = leftOutWords({ ...plan, remindedToday: [] }, timeZone)
  if (plan.remindedToday.length) words.unshift(`今天已提醒 ${plan.remindedToday.length} 人，明天可以再提醒`)
  return words.length ? words.join('；') : null
}
