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

/** The same in a few words beside "微信通知：" (还能收到 2 条); null when she never turned any on. */
export function noticesOnShort(n: NoticesOn): string | null {
  if (n.longTerm) return '一直开着'
  if (n.left) return `还能收到 ${n.left} 条`
  return n.ever ? '已经用完了' : null
}

/**
 * The same as 我的 says it above 开通微信通知: what is on now and, when it runs out, what to do; each yes to WeChat's
 * prompt allows one message. Said by the server, so the page never words it again.
 */
export function noticesOnSentence(n: NoticesOn): string {
  if (n.longTerm) return '已开通：有消息会一直发到您的微信上。'
  if (n.left) return `已开通：还能收到 ${n.left}\u00a0条微信通知。用完了，再点一次“开通微信通知”就行。`
  if (n.ever) return '以前开通的微信通知已经用完了，现在收不到。想收到，请点“开通微信通知”。'
  return '还没有开通微信通知。'
}
