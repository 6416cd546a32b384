/**
 * The human-pace sender. A personal WeChat account that answers instantly, around the
 * clock, in bursts, gets throttled ("操作过于频繁") and eventually banned; so every
 * message the bot sends, answers and outbox pushes alike, leaves through one queue:
 *
 * - a gap of minGap–maxGap ms (random, so it is not a metronome) between two messages;
 * - at most perMinute in any 60 s and perDay in any 24 h;
 * - never the same outbox message (by its id) twice within a minute: a message leased again
 *   while its first sending was under way is dropped, the person already has it on screen.
 *   Only the same message counts: a meeting moved to R and back to Q sends "地点 Q" twice,
 *   and the second is news. An answer to something a person wrote is never dropped: "你好"
 *   then "在吗" both deserve a reply, even the same one, or an elderly resident will think
 *   the bot is dead;
 * - after WeChat says "操作过于频繁", nothing at all for coolDownMinutes;
 * - a message that must be checked before it goes (`ready`: is this chat still its person's?) is asked when its turn
 *   has come, outside the queue: the answers to people behind it go meanwhile, and a message the check stops was never
 *   sent, so it takes nothing of the pace or the caps.
 *
 * Time comes from an injected clock, so tests measure the pace on a virtual clock.
 */

export interface PaceClock {
  /** Milliseconds since the epoch (or any fixed origin). */
  now(): number
  /** Resolves after ms, or early when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const realClock: PaceClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve()
      const timer = setTimeout(done, Math.max(0, ms))
      function done() {
        clearTimeout(timer)
        signal?.removeEventListener('abort', done)
        resolve()
      }
      signal?.addEventListener('abort', done, { once: true })
    }),
}

export interface PaceOptions {
  minGapMs: number
  maxGapMs: number
  perMinute: number
  perDay: number
  coolDownMinutes: number
}

export const DEFAULT_PACE: PaceOptions = { minGapMs: 2000, maxGapMs: 4000, perMinute: 30, perDay: 500, coolDownMinutes: 30 }

/** Answers to someone who is waiting go before pushes from the outbox. */
export type Priority = 'reply' | 'push'
export type SendOutcome = 'sent' | 'duplicate'

export class PacerStoppedError extends Error {
  constructor() {
    super('pacer stopped')
  }
}

interface Job {
  priority: Priority
  conversationId: string
  text: string
  /** A push's outbox message id (and part): the same one again within a minute is a repeat. */
  pushId: string | null
  deliver: () => Promise<void>
  /** Asked before it goes; what it throws stops the message there, unsaid (the job rejects with it). */
  ready: (() => Promise<void>) | null
  /** `ready` is being asked now. */
  asking: boolean
  /** `ready` said yes, and nothing was said nor waited for since: it goes now. */
  cleared: boolean
  resolve: (outcome: SendOutcome) => void
  reject: (err: unknown) => void
}

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

export class Pacer {
  private readonly queues: Record<Priority, Job[]> = { reply: [], push: [] }
  private running = false
  private stopped = false
  private wake = new AbortController()
  private readonly stop$ = new AbortController()
  private lastSentAt = -Infinity
  private gapMs = 0
  /** Send times of the last 24 h, oldest first. */
  private sentTimes: number[] = []
  /** Push id → when it was last sent. */
  private lastPush = new Map<string, number>()
  private coolUntil = 0

  constructor(
    private readonly options: PaceOptions,
    private readonly clock: PaceClock,
    private readonly random: () => number = Math.random,
  ) {
    if (options.maxGapMs < options.minGapMs) throw new Error('pace: maxGapMs must not be below minGapMs')
  }

  /**
   * Queues one message; resolves when it has been handed to WeChat (or dropped as a repeat
   * of the push with the same `pushId`: an outbox message's id, never its text). `ready`: asked
   * once its turn has come, right before it goes; a throw rejects it unsent, spending no turn.
   */
  send(
    conversationId: string,
    text: string,
    deliver: () => Promise<void>,
    priority: Priority = 'reply',
    pushId: string | null = null,
    ready: (() => Promise<void>) | null = null,
  ): Promise<SendOutcome> {
    if (this.stopped) return Promise.reject(new PacerStoppedError())
    return new Promise<SendOutcome>((resolve, reject) => {
      const job: Job = {
        priority,
        conversationId,
        text,
        pushId: priority === 'push' ? pushId : null,
        deliver,
        ready,
        asking: false,
        cleared: false,
        resolve,
        reject,
      }
      this.queues[priority].push(job)
      this.wake.abort() // a waiting loop re-plans: a reply may now go before a push
      if (!this.running) void this.run()
    })
  }

  /** WeChat said "操作过于频繁": stop sending for the cool-down. Returns when sending resumes. */
  coolDown(): number {
    this.coolUntil = Math.max(this.coolUntil, this.clock.now() + this.options.coolDownMinutes * MINUTE)
    return this.coolUntil
  }

  get coolingDownUntil(): number | null {
    return this.coolUntil > this.clock.now() ? this.coolUntil : null
  }

  /**
   * The earliest time a new message could go out, ignoring the short gap: later than
   * now while cooling down or at the daily cap. The outbox consumer leases nothing then.
   */
  blockedUntil(): number {
    const now = this.clock.now()
    return Math.max(this.coolUntil, this.capBound(now, DAY, this.options.perDay), now)
  }

  /** Messages waiting to go. */
  get backlog(): number {
    return this.queues.reply.length + this.queues.push.length
  }

  /** Drops everything still queued (their promises reject) and ends the loop. */
  stop() {
    this.stopped = true
    this.stop$.abort()
    for (const q of Object.values(this.queues)) for (const job of q.splice(0)) job.reject(new PacerStoppedError())
  }

  private async run() {
    this.running = true
    try {
      while (!this.stopped && this.backlog > 0) {
        const now = this.clock.now()
        const at = this.earliestSend(now)
        if (at > now) {
          this.unclear() // a check's yes is for now: after a wait it is asked again
          this.wake = new AbortController()
          await this.clock.sleep(at - now, AbortSignal.any([this.wake.signal, this.stop$.signal]))
          continue // plans again: a cool-down may have begun, or a reply arrived
        }
        const queue = this.queues.reply.length ? this.queues.reply : this.queues.push
        const job = queue[0]!
        const last = job.pushId === null ? undefined : this.lastPush.get(job.pushId)
        if (last !== undefined && now - last < MINUTE) {
          queue.shift()
          job.resolve('duplicate')
          continue
        }
        if (job.ready && !job.cleared) {
          // Its turn has come: asked now, outside the loop, which waits for the answer or for a reply to send meanwhile.
          this.wake = new AbortController()
          if (!job.asking) this.ask(job, queue)
          await woken(AbortSignal.any([this.wake.signal, this.stop$.signal]))
          continue
        }
        queue.shift()
        this.unclear() // something else is said first: asked again when their turn comes
        this.record(now)
        try {
          await job.deliver()
          // Remembered once sent: a push that failed is retried by the backend within the minute, and must go then.
          if (job.pushId !== null) this.lastPush.set(job.pushId, now)
          job.resolve('sent')
        } catch (err) {
          // A failed send still counts for the pace: WeChat may have seen it.
          job.reject(err)
        }
      }
    } finally {
      this.running = false
    }
  }

  /** Asks a job's `ready`: yes, it goes at once (unless something else goes first); a throw rejects it, unsent. */
  private ask(job: Job, queue: Job[]) {
    job.asking = true
    Promise.resolve()
      .then(() => job.ready!())
      .then(
        () => {
          job.asking = false
          job.cleared = true
          this.wake.abort()
        },
        (err: unknown) => {
          job.asking = false
          const at = queue.indexOf(job)
          if (at >= 0) queue.splice(at, 1)
          job.reject(err)
          this.wake.abort()
        },
      )
  }

  private unclear() {
    for (const q of Object.values(this.queues)) for (const job of q) job.cleared = false
  }

  private record(now: number) {
    this.lastSentAt = now
    this.gapMs = this.options.minGapMs + this.random() * (this.options.maxGapMs - this.options.minGapMs)
    this.sentTimes.push(now)
    while (this.sentTimes.length && this.sentTimes[0] <= now - DAY) this.sentTimes.shift()
    for (const [k, at] of this.lastPush) if (at <= now - MINUTE) this.lastPush.delete(k)
  }

  private earliestSend(now: number) {
    return Math.max(
      this.lastSentAt + this.gapMs,
      this.coolUntil,
      this.capBound(now, MINUTE, this.options.perMinute),
      this.capBound(now, DAY, this.options.perDay),
    )
  }

  /** When the count of sends in a sliding window falls below the cap again. */
  private capBound(now: number, windowMs: number, cap: number) {
    const inWindow = this.sentTimes.filter((t) => t > now - windowMs)
    if (inWindow.length < cap) return -Infinity
    return inWindow[inWindow.length - cap] + windowMs
  }
}

/** Resolves when the signal aborts (at once if it has): a wait on something other than the clock. */
function woken(signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) return resolve()
    signal.addEventListener('abort', () => resolve(), { once: true })
  })
}
