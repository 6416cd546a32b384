import type { PersonKind } from '../../domain/campaign.js'
import { noWayWords, type Reach } from '../delivery/channels.js'

/**
 * Why a reminder cannot reach someone, as the delivery code judges it (ChannelResolver): they use the
 * mini-program but its notices are not switched on (no subscribe template: the system's switch, said as the
 * case pages and station bindings say it, 系统的小程序提醒还没开通（请找系统管理员）, never as their gap), they use neither the mini-program nor the WeChat assistant (bot), or a staff member who
 * has not bound the assistant.
 */
export type NoReach = 'app_off' | 'no_app' | 'staff_unbound'

/** What 学习进度's tag, 导出未读名单 and the progress line say of each, with what to do: phone. */
export const NO_REACH_WORDS: Record<NoReach, string> = {
  app_off: '用小程序，但系统的小程序提醒还没开通（请找系统管理员），提醒发不到，请电话联系',
  no_app: '没有绑定微信，收不到，请电话联系',
  staff_unbound: '没有绑定微信助手，提醒发不到，请电话联系',
}

/**
 * The same once the campaign has ended: a message still would not reach them, but nobody needs a call to
 * read a closed campaign (no reminder goes out any more, and the figures stay as at the end).
 */
export const NO_REACH_AFTER_END_WORDS: Record<NoReach, string> = {
  app_off: '用小程序，但系统的小程序提醒还没开通（请找系统管理员），提醒发不到；活动已结束，不用再联系',
  no_app: '没有绑定微信，收不到；活动已结束，不用再联系',
  staff_unbound: '没有绑定微信助手，提醒发不到；活动已结束，不用再联系',
}

/** A person's tag (and 未读名单's cell): what to do while the campaign runs, what is true after its end. */
export const noReachWords = (why: NoReach, ended: boolean) => (ended ? NO_REACH_AFTER_END_WORDS : NO_REACH_WORDS)[why]

/** Null when a message reaches them on some channel. */
export function noReachOf(kind: PersonKind, reach: Pick<Reach, 'routes' | 'unreachable'> | undefined): NoReach | null {
  if (!reach || reach.routes.length) return null
  if (kind === 'staff') return 'staff_unbound'
  return reach.unreachable === noWayWords(kind, true) ? 'app_off' : 'no_app'
}

/** Each reason as a table cell says it after a count ("3 人用小程序但系统的小程序提醒还没开通"): NO_REACH_WORDS without what to do. */
const NO_REACH_IN_A_CELL: Record<NoReach, string> = {
  app_off: '用小程序但系统的小程序提醒还没开通',
  no_app: '没有绑定微信',
  staff_unbound: '没有绑定微信助手',
}

/**
 * Whom a WeChat message reaches of those a reading was put before, for a station's, a district's or a
 * level's cell and the roll-up's total line, with the cause as the delivery code judges it (as the
 * per-person tag says it): "2 人能收到微信消息，3 人用小程序但系统的小程序提醒还没开通，请电话告知". Null
 * when nothing was put before anyone yet. `why` holds the reason of each one no message reaches.
 * Once the campaign has `ended`, the counts stand without 请电话告知: nobody is to be told any more.
 */
export function reachCellWords(reached: number, why: readonly NoReach[], ended = false): string | null {
  if (!reached) return null
  if (!why.length) return '都能收到微信消息'
  const todo = ended ? '' : '，请电话告知'
  const counts = (['app_off', 'no_app', 'staff_unbound'] as const).map((r) => [r, why.filter((w) => w === r).length] as const).filter(([, n]) => n > 0)
  if (why.length === reached && counts.length === 1) return `都${NO_REACH_IN_A_CELL[counts[0]![0]]}${todo}`
  const parts = [reached > why.length ? `${reached - why.length} 人能收到微信消息` : '', ...counts.map(([r, n]) => `${n} 人${NO_REACH_IN_A_CELL[r]}`)]
  return `${parts.filter(Boolean).join('，')}${todo}`
}
