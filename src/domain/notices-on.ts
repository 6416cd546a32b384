/**
 * What a person has turned on of WeChat's subscribe messages, from her credits: a long-term subscription (it stays
 * on), how many one-time sends are left (each accepted prompt allows one message), and whether she ever turned any
 * on (all used up is not the same as never asked).
 */
export interface NoticesOn {
  longTerm: boolean
  left: number
  ever: boolean
}

export function noticesOn(credits: ReadonlyArray<{ oneTime: number; longTerm: boolean }>): NoticesOn {
  return {
    longTerm: credits.some((c) => c.longTerm),
    left: credits.reduce((sum, c) => sum + Math.max(0, c.oneTime), 0),
    ever: credits.length > 0,
  }
}

/**
 * The same in a few words beside "微信通知：" on 我的信息, as 我的 says it (miniprogram/pages/deputy/notice-words.js): what
 * is on, never how many sends are left, which is not hers to keep count of; null when she never turned any on.
 */
export function noticesOnShort(n: NoticesOn): string | null {
  if (n.longTerm) return '已开通，有消息会一直发给您'
  // The next one, not how many: each yes covers one, and which template a yes was for is not hers to know.
  if (n.left) return '已开通，下一条通知会发给您'
  return n.ever ? '已用完，现在收不到' : null
}
