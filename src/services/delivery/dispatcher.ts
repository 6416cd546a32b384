import { randomUUID } from 'node:crypto'
import { RateLimiterMemory, RateLimiterRes } from '../../security/rate-limiter.js'
import type { Clock } from '../../clock.js'
import { StoreOutageLog } from '../store-outage.js'
import type { Logger } from '../../logger.js'
import { quietHold, startsAtOf, type QuietPolicy } from '../../domain/quiet-hours.js'
import { NO_SUBSCRIPTION_WORDS, type NoSubscription } from '../../domain/subscription-wait.js'
import type { OutboxMessage, OutboxOutcome, Store } from '../../store/ports.js'
import { WeChatApiError } from '../../wechat/errors.js'
import { wechatFailureWords } from '../../wechat/error-words.js'
import { BOT_CHANNELS, DISPATCHER_CHANNELS, type ChannelResolver, type Route } from './channels.js'
import { messageContent, type MessageContent } from './content.js'
import { NEEDS_NOTHING_KINDS } from './kinds.js'
import type { ReminderDone } from './reminder-done.js'
import { retryOutcome } from './retry.js'
import { supersededReason } from './superseded.js'

/** How the dispatcher reaches WeChat and WeCom; the composition root wires the real clients. */
export interface Senders {
  subscribe(message: OutboxMessage, route: Route, content: MessageContent): Promise<void>
  robot(message: OutboxMessage, route: Route, content: MessageContent): Promise<void>
}

export interface DispatchPolicy {
  maxAttempts: number
  backoffBaseSeconds: number
  backoffMaxSeconds: number
  leaseSeconds: number
  batchSize: number
  pollMs: number
  /** Per minute: 'mp_subscribe', and 'wecom_group' per robot; 0 or missing = no limit. */
  perMinute: Record<string, number>
  noChannelRetryMinutes: number
  /** Business time zone: quiet hours and the times shown in messages. */
  timeZone: string
  /** Nothing that can wait is sent within these hours; `immediateKinds` are what people wait for. */
  quietHours: QuietPolicy
}

export interface DispatchReport {
  sent: number
  failed: number
  dead: number
  waiting: number
  toBot: number
}

/** What the dispatcher is built from (one object: the parameters are many). */
export interface OutboxDispatcherDeps {
  store: Pick<Store, 'campaigns' | 'cases' | 'deputies' | 'meetings' | 'outbox' | 'subscriptions' | 'ping'>
  /** Whether a reminder's deputy has done since what it asks (voted, answered, read): then it is not sent. */
  reminders: Pick<ReminderDone, 'done'>
  resolver: ChannelResolver
  senders: Senders
  /** The subscribe template a kind of message uses, if any. */
  subscriptionTemplate: (kind: string) => { id: string } | null
  policy: DispatchPolicy
  clock: Clock
  logger: Logger
  /** Jitter for backoff; tests pass a fixed one. */
  random?: () => number
}

/**
 * Sends what the outbox holds, each message once: leases a batch (a crashed dispatcher's
 * lease runs out and another takes over), picks the first way that reaches the person,
 * falls back to the next when a subscription is used up, backs off exponentially with
 * jitter when WeChat is slow or down, and gives up only after the configured attempts
 * (dead, shown in the console). Bot messages are routed here and sent by the bot process.
 */
export class OutboxDispatcher {
  readonly holder = `dispatcher-${randomUUID()}`
  private readonly limiters = new Map<string, RateLimiterMemory>()
  private running: Promise<void> | null = null
  private stopping = false
  private readonly outage: StoreOutageLog

  private readonly store: Pick<Store, 'campaigns' | 'cases' | 'deputies' | 'meetings' | 'outbox' | 'subscriptions'>
  private readonly reminders: Pick<ReminderDone, 'done'>
  private readonly resolver: ChannelResolver
  private readonly senders: Senders
  private readonly subscriptionTemplate: (kind: string) => { id: string } | null
  private readonly policy: DispatchPolicy
  private readonly clock: Clock
  private readonly logger: Logger
  private readonly random: () => number

  constructor(deps: OutboxDispatcherDeps) {
    ;({
      store: this.store,
      reminders: this.reminders,
      resolver: this.resolver,
      senders: this.senders,
      subscriptionTemplate: this.subscriptionTemplate,
      policy: this.policy,
      clock: this.clock,
      logger: this.logger,
      random: this.random = Math.random,
    } = deps)
    this.outage = new StoreOutageLog(deps.store, this.logger, 'outbox dispatcher')
  }

  /** One round: lease a batch and deal with every message in it. */
  async runOnce(limit = this.policy.batchSize): Promise<DispatchReport> {
    const report: DispatchReport = { sent: 0, failed: 0, dead: 0, waiting: 0, toBot: 0 }
    const batch = await this.store.outbox.claimDue(this.clock.now(), {
      limit,
      leaseMs: this.policy.leaseSeconds * 1000,
      holder: this.holder,
      channels: DISPATCHER_CHANNELS,
    })
    // One person's messages go one after another, in the order they were written
    // (WeChat also refuses concurrent sends to one user); different people's in parallel.
    // Those that ask nothing of him go last: a credit left goes to what asks him to act.
    const byRecipient = new Map<string, OutboxMessage[]>()
    for (const m of batch) byRecipient.set(`${m.recipientKind}:${m.recipientId}`, [...(byRecipient.get(`${m.recipientKind}:${m.recipientId}`) ?? []), m])
    const last = (m: OutboxMessage) => (NEEDS_NOTHING_KINDS.has(m.kind) ? 1 : 0)
    await Promise.all(
      [...byRecipient.values()].map(async (messages) => {
        messages.sort((a, b) => last(a) - last(b) || a.createdAt.getTime() - b.createdAt.getTime())
        for (const m of messages) await this.handle(m, report)
      }),
    )
    return report
  }

  private async handle(m: OutboxMessage, report: DispatchReport) {
    const outcome = await this.deliver(m).catch((err): OutboxOutcome => {
      this.logger.error({ err, messageId: m.id }, 'outbox delivery crashed')
      return this.retryLater(m, err instanceof Error ? err.message : String(err))
    })
    if (!(await this.store.outbox.complete(m.id, this.holder, outcome))) return
    if (outcome.status === 'sent') report.sent++
    else if (outcome.status === 'failed') report.failed++
    else if (outcome.status === 'dead') report.dead++
    else if ((BOT_CHANNELS as string[]).includes(outcome.channel)) report.toBot++
    else report.waiting++
  }

  /** Rounds until nothing is due (tests, benches). */
  async drain(): Promise<DispatchReport> {
    const total: DispatchReport = { sent: 0, failed: 0, dead: 0, waiting: 0, toBot: 0 }
    for (;;) {
      const r = await this.runOnce()
      for (const k of Object.keys(total) as Array<keyof DispatchReport>) total[k] += r[k]
      if (r.sent + r.failed + r.dead + r.waiting + r.toBot === 0) return total
    }
  }

  /** Keeps sending in the background until stop(). */
  start() {
    if (this.running) return
    this.stopping = false
    this.running = (async () => {
      while (!this.stopping) {
        const busy = await this.backgroundRound()
        if (!busy) await new Promise((resolve) => setTimeout(resolve, this.policy.pollMs))
      }
    })()
  }

  /**
   * One round of the background loop; whether it found work. A failed round is logged, except
   * while the store is down: that is said once (/readyz is the signal), not an error every round.
   */
  async backgroundRound(): Promise<boolean> {
    try {
      const r = await this.runOnce()
      await this.outage.roundDone()
      return r.sent + r.failed + r.dead + r.waiting + r.toBot > 0
    } catch (err) {
      if (!(await this.outage.absorbs(err))) this.logger.error({ err }, 'outbox round failed')
      return false
    }
  }

  async stop() {
    this.stopping = true
    await this.running
    this.running = null
  }

  private async deliver(m: OutboxMessage): Promise<OutboxOutcome> {
    const now = this.clock.now()
    const { quietHours, timeZone } = this.policy
    // A notice of a meeting starting soon after the quiet ends goes at once (startsAtOf): held, it would come too late.
    const held = quietHold(m.kind, now, quietHours, timeZone, startsAtOf(m.payload))
    if (held) return { status: 'pending', channel: m.channel, address: m.address ?? null, ...held }
    // Checked before any credit is spent: old news never uses up a person's subscription.
    const { subjects, reason: superseded } = await supersededReason(this.store, this.reminders, m, now, timeZone)
    if (superseded) return { status: 'dead', error: superseded }
    const reach = await this.resolver.reach(m)
    if (reach.unreachable) return { status: 'dead', error: reach.unreachable }
    const routes = preferredOrder(reach.routes, (m.payload as { channels?: string[] }).channels)
    if (!routes.length) return { status: 'dead', error: '未能送达：收件人选择的接收方式目前都不可用' }
    const content = messageContent(m, subjects, timeZone)
    // Keep to the channel of an earlier attempt while it is still a way to the person.
    const start = Math.max(
      0,
      routes.findIndex((r) => r.channel === m.channel && r.address === m.address),
    )
    let refused: string | null = null
    let noSubscription: NoSubscription | null = null
    for (const route of routes.slice(start)) {
      if ((BOT_CHANNELS as string[]).includes(route.channel)) {
        return { status: 'pending', channel: route.channel, address: route.address, until: now, reason: null }
      }
      const wait = await this.rateLimited(route)
      if (wait !== null) return { status: 'pending', channel: route.channel, address: route.address, until: wait, reason: '发送频率受限，稍后发送' }
      const result = route.channel === 'mp_subscribe' ? await this.subscribe(m, route, content) : await this.robot(m, route, content)
      if (typeof result === 'object' && 'refused' in result) refused = result.refused
      else if (typeof result === 'object' && 'noSubscription' in result) noSubscription = result.noSubscription
      else if (result !== 'next') return result
    }
    // WeChat refused what we sent on every way there was: no use trying it again as it is.
    if (refused) return { status: 'dead', error: `未能送达：微信拒收，${refused}` }
    const until = new Date(now.getTime() + this.policy.noChannelRetryMinutes * 60_000)
    // Once WeChat has said the person refused (43101), later rounds find no credit either: that
    // is still why it waits, and "用完" would tell the office the person had subscribed enough.
    const why = noSubscription !== 'refused' && m.waitingReason === NO_SUBSCRIPTION_WORDS.refused ? 'refused' : (noSubscription ?? 'used_up')
    return { status: 'pending', channel: 'auto', address: null, until, reason: NO_SUBSCRIPTION_WORDS[why] }
  }

  private async subscribe(
    m: OutboxMessage,
    route: Route,
    content: MessageContent,
  ): Promise<OutboxOutcome | 'next' | { refused: string } | { noSubscription: NoSubscription }> {
    const template = this.subscriptionTemplate(m.kind)
    if (!template || !route.userId) return 'next'
    const now = this.clock.now()
    // One message per consent: news that asks nothing of him never takes the last one-time credit, which a new,
    // reopened or urged message will need; it goes by another way, or waits until he says yes again. Kept in the
    // same atomic step that takes one (consumeUnlessLast): two dispatchers reading "two left" never spend both.
    const keepLast = NEEDS_NOTHING_KINDS.has(m.kind)
    const subscriptions = this.store.subscriptions
    const taken = await (keepLast ? subscriptions.consumeUnlessLast(route.userId, template.id, now) : subscriptions.consume(route.userId, template.id, now))
    if (!taken) {
      // Why nothing was taken, for the console's words: read after the step, never deciding it.
      const credit = await subscriptions.get(route.userId, template.id)
      if (!credit) return { noSubscription: 'none' }
      return { noSubscription: keepLast && !credit.longTerm && credit.oneTime === 1 ? 'kept_for_work' : 'used_up' }
    }
    try {
      await this.senders.subscribe(m, route, content)
      return { status: 'sent', at: this.clock.now(), channel: route.channel, address: route.address }
    } catch (err) {
      if (err instanceof WeChatApiError && err.kind === 'no_subscription') {
        await this.store.subscriptions.clear(route.userId, template.id, now)
        return { noSubscription: 'refused' }
      }
      // The send did not happen: the credit is still the person's.
      await this.store.subscriptions.restore(route.userId, template.id, now)
      // Refused for what we sent (47003 …): the next way to the person may still carry it.
      if (err instanceof WeChatApiError && err.kind === 'bad_data') return { refused: wechatFailureWords(err) }
      return this.failure(m, err)
    }
  }

  private async robot(m: OutboxMessage, route: Route, content: MessageContent): Promise<OutboxOutcome | { refused: string }> {
    try {
      await this.senders.robot(m, route, content)
      return { status: 'sent', at: this.clock.now(), channel: route.channel, address: route.address }
    } catch (err) {
      if (err instanceof WeChatApiError && err.kind === 'bad_data') return { refused: wechatFailureWords(err) }
      return this.failure(m, err)
    }
  }

  private failure(m: OutboxMessage, err: unknown): OutboxOutcome {
    if (err instanceof WeChatApiError && err.kind === 'bad_data') return { status: 'dead', error: wechatFailureWords(err) }
    return this.retryLater(m, wechatFailureWords(err))
  }

  private retryLater(m: OutboxMessage, error: string): OutboxOutcome {
    return retryOutcome(m.attempts, error, this.policy, this.clock.now(), this.random)
  }

  /** The time to come back when the channel's per-minute budget is spent, else null. */
  private async rateLimited(route: Route): Promise<Date | null> {
    const perMinute = this.policy.perMinute[route.channel] ?? 0
    if (!perMinute) return null
    const key = route.channel === 'wecom_group' ? route.address : route.channel
    let limiter = this.limiters.get(route.channel)
    if (!limiter) {
      limiter = new RateLimiterMemory({ keyPrefix: `outbox_${route.channel}`, points: perMinute, duration: 60 })
      this.limiters.set(route.channel, limiter)
    }
    try {
      await limiter.consume(key)
      return null
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res
      return new Date(this.clock.now().getTime() + res.msBeforeNext)
    }
  }
}

/** A person's own order of channels (the digest's choice), keeping only those they chose; none chosen keeps ours. */
function preferredOrder(routes: Route[], preferred: string[] | undefined): Route[] {
  if (!preferred?.length) return routes
  return preferred.flatMap((channel) => routes.filter((r) => r.channel === channel))
}
