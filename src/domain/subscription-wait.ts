/**
 * Why a subscribe message could not go: never subscribed, the one-time sends used up, WeChat said the person refused
 * (43101), or the last one-time send is kept for a notice that asks him to act (NEEDS_NOTHING_KINDS).
 */
export type NoSubscription = 'none' | 'used_up' | 'refused' | 'kept_for_work'

/** In the outbox, for organizers: what happened, so that they know whom to ask to subscribe again (the dispatcher's waitingReason). */
export const NO_SUBSCRIPTION_WORDS: Record<NoSubscription, string> = {
  none: '对方尚未订阅小程序消息，且没有其他可用渠道',
  used_up: '订阅消息次数已用完，且没有其他可用渠道',
  refused: '对方未订阅或已关闭小程序消息，且没有其他可用渠道',
  kept_for_work: '订阅消息只剩一次，留给需要对方办理的通知；对方再订阅后发送',
}

const WORDS: ReadonlySet<string> = new Set(Object.values(NO_SUBSCRIPTION_WORDS))

/**
 * Whether a notice waits on the person subscribing again: it does not go by itself then, so no page promises
 * 会自动发出 for it (quiet hours and the rate limit pass by themselves).
 */
export const waitsOnSubscription = (reason: string | null | undefined): boolean => !!reason && WORDS.has(reason)
