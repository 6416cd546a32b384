import type { Clock } from '../../clock.js'
import { RateLimitError } from '../../errors.js'
import type { LoginFailureKey, LoginFailureRepo } from '../../store/ports.js'

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
 *
 * The counts are kept in the store, not in this process: a restart or a deploy must not give a
 * guesser a fresh set of tries, and every server on one store must count together.
 */
export class LoginThrottle {
  private readonly windowMs: number
  private readonly limits: readonly [userAtClient: number, client: number, user: number]

  constructor(
    private readonly failures: LoginFailureRepo,
    private readonly clock: Clock,
    settings: LoginThrottleSettings,
  ) {
    this.windowMs = Math.round(settings.loginWindowMinutes * 60) * 1000
    this.limits = [settings.loginMaxFailures, settings.loginMaxFailures * 5, settings.loginUserMaxFailures]
  }

  /**
   * Counts one try before the password is checked, so that many tries at once cannot slip
   * past the limit; throws RateLimitError when any count is used up.
   */
  async count(username: string, client: string) {
    const counts = await this.failures.add(keysOf(username, client), this.windowMs, this.clock.now())
    const refused = counts.map((c, i) => (c.failures > this.limits[i] ? c : null))
    const waits = refused.flatMap((c) => (c ? [Math.ceil(c.resetsInMs / 1000)] : []))
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
    const [userAtClient, byClient, byUser] = keysOf(username, client)
    await Promise.all([this.failures.clear([userAtClient, byUser]), this.failures.takeBack(byClient, this.clock.now())])
  }

  /**
   * The user names (as stored) whose next login would be refused, at some address or everywhere, by
   * a lock `forget` lifts: what the accounts page marks 已锁定, offering 解除锁定 there only. A try
   * is counted before it is judged, so a count that has reached its limit refuses the next one.
   */
  async locked(usernames: string[]): Promise<Set<string>> {
    const counts = await this.failures.userCounts([...new Set(usernames.map(normalizeUsername))], this.clock.now())
    const [atOneAddress, , everywhere] = this.limits
    return new Set([...counts].filter(([, c]) => c.atOneAddress >= atOneAddress || c.everywhere >= everywhere).map(([name]) => name))
  }

  /** Lifts every lock on a user name, at every address (an admin's 解除锁定, a reset password). */
  async forget(username: string) {
    await this.failures.clearUser(normalizeUsername(username))
  }
}

/** The three counts one try is counted in, in the order of LoginThrottle's limits. */
function keysOf(username: string, client: string): [LoginFailureKey, LoginFailureKey, LoginFailureKey] {
  const user = normalizeUsername(username)
  return [
    { kind: 'user_at_client', username: user, client },
    { kind: 'client', username: '', client },
    { kind: 'user', username: user, client: '' },
  ]
}

/** User names are compared lower-case and without surrounding spaces, as they are stored. */
export const normalizeUsername = (username: string) => username.trim().toLowerCase()
