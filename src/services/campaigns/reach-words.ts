import type { PersonKind } from '../../domain/campaign.js'
import { noWayWords, type Reach } from '../delivery/channels.js'

/**
 * Why a reminder cannot reach someone, as the delivery code judges it (ChannelResolver): they use the
 * mini-program but its notices are not switched on (no subscribe template: the office's to fix, not
 * theirs), they use neither the mini-program nor the WeChat assistant (bot), or a staff member who
 * has not bound the assistant.
 */
export type NoReach = 'app_off' | 'no_app' | 'staff_unbound'

/** What 学习进度's tag, 导出未读名单 and the progress line say of each, with what to do: phone. */
export const NO_REACH_WORDS: Record<NoReach, string> = {
  app_off: '用小程序，但小程序消息还没有开通，提醒发不到，请电话联系',
  no_app: '没有绑定微信，收不到，请电话联系',
  staff_unbound: '没有绑定微信助手，提醒发不到，请电话联系',
}

/** Null when a message reaches them on some channel. */
export function noReachOf(kind: PersonKind, reach: Pick<Reach, 'routes' | 'unreachable'> | undefined): NoReach | null {
  if (!reach || reach.routes.length) return null
  if (kind === 'staff') return 'staff_unbound'
  return reach.unreachable === noWayWords(kind, true) ? 'app_off' : 'no_app'
}
