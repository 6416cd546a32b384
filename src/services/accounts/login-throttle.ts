import { RateLimiterMemory, RateLimiterRes } from '../../security/rate-limiter.js'
import { RateLimitError } from '../../errors.js'

export interface LoginThrottleSettings {
  /** Failures one user name may have from one client address within the window. */
  loginMaxFailures: number
  /** Failures one user name may have from every address together within the window. */
  loginUserMaxFailures: number
  loginWindowMinutes: number
}

/**
 * Counts failed console logins (and activations, password changes) three ways, each within one
 * window: per user name at one address (the short lock a typo-prone person meets), per address
 * (one guesser trying many names; an office shares an address, so five times as many), and per
 * user name from everywhere, at a much higher count. A stranger at one address can therefore
 * no longer keep someone else out, and one who spreads over many addresses meets an admin who
 * can lift the lock (`forget`).
 */
export class LoginThrottle {
  private readonly byUserAtClient: RateLimiterMemory
  private readonly byClient: RateLimiterMemory
  private readonly byUser: RateLimiterMemory
  /**
   * Bumped when an admin lifts a user's lock: it is part of every key of that user, so every
   * count kept for them (at whatever address) is left behind at once and expires on its own.
   */
  private readonly generation = new Map<string, number>()

  constructor(settings: LoginThrottleSettings) {
    const duration = Math.round(settings.loginWindowMinutes * 60)
    this.byUserAtClient = new RateLimiterMemory({ keyPrefix: 'login_user_client', points: settings.loginMaxFailures, duration })
    this.byClient = new RateLimiterMemory({ keyPrefix: 'login_client', points: settings.loginMaxFailures * 5, duration })
    this.byUser = new RateLimiterMemory({ keyPrefix: 'login_user', points: settings.loginUserMaxFailures, duration })
  }

  /**
   * Counts one try before the password is checked, so that many tries at once cannot slip
   * past the limit; throws RateLimitError when any count is used up.
   */
  async count(username: string, client: string) {
    const results = await Promise.allSettled([
      this.byUserAtClient.consume(this.pairKey(username, client)),
      this.byClient.consume(client),
      this.byUser.consume(this.userKey(username)),
    ])
    const broken = results.find((r) => r.status === 'rejected' && !(r.reason instanceof RateLimiterRes))
    if (broken?.status === 'rejected') throw broken.reason
    const refused = results.map((r) => (r.status === 'rejected' ? (r.reason as RateLimiterRes) : null))
    const waits = refused.flatMap((res) => (res ? [Math.ceil(res.msBeforeNext / 1000)] : []))
    if (!waits.length) return
    const wait = Math.max(...waits)
    const minutes = Math.ceil(wait / 60)
    // Only the count kept across every address is one an admin may need to lift.
    if (refused[2]) {
      throw new RateLimitError(`这个账号最近登录失败次数过多，已暂时锁定，请 ${minutes} 分钟后再试，或请系统管理员解除锁定`, wait, [], 'account_locked')
    }
    throw new RateLimitError(`登录失败次数过多，请 ${minutes} 分钟后再试`, wait)
  }

  /** After a success: this person at this address starts afresh, and the address earns one try back. */
  async succeeded(username: string, client: string) {
    await Promise.all([this.byUserAtClient.delete(this.pairKey(username, client)), this.byUser.delete(this.userKey(username)), this.byClient.reward(client)])
  }

  /** Lifts every lock on a user name, at every address (an admin's 解除锁定, a reset password). */
  forget(username: string) {
    const user = normalizeUsername(username)
    this.generation.set(user, (this.generation.get(user) ?? 0) + 1)
  }

  private userKey(username: string) {
    const user = normalizeUsername(username)
    return `${this.generation.get(user) ?? 0}:${user}`
  }

  private pairKey(username: string, client: string) {
    return `${this.userKey(username)}\n${client}`
  }
}

/** User names are compared lower-case and without surrounding spaces, as they are stored. */
export const normalizeUsername = (username: string) => username.trim().toLowerCase()
