import type { Clock } from '../../clock.js'
import { RateLimitError } from '../../errors.js'
import type { BindingCodePool, BindingCodeRepo, LoginFailureKey, LoginFailureRepo } from '../../store/ports.js'

export interface BindingGuardLimits {
  /** Wrong codes one client address may enter in 15 minutes, whatever accounts it uses; 0 = off. */
  bindFailuresPerAddress: number
  /** Wrong codes everyone together may enter in an hour, mini-program and bot; 0 = off. */
  bindFailuresGlobal: number
  /** Wrong codes entered anywhere during a code's life after which it is locked; 0 = never. */
  bindCodeLockAfterWrongTries: number
}

/** Where the guard keeps its counts: the store's, shared with the console's failed logins under kinds of their own. */
export interface BindingCounts {
  failures: LoginFailureRepo
  clock: Clock
}

/** Codes one account may try in 15 minutes: a deputy who mistypes has a few more goes, a guesser does not. */
const ACCOUNT_TRIES = 5
const QUARTER_HOUR_MS = 15 * 60_000
const HOUR_MS = 60 * 60_000

const accountKey = (account: string): LoginFailureKey => ({ kind: 'bind_account', username: account, client: '' })
const addressKey = (address: string): LoginFailureKey => ({ kind: 'bind_address', username: '', client: address })
/**
 * Everyone's count, one per pool: residents' own codes (anyone may ask for one, and elderly residents mistype) are
 * counted apart from deputies' and staff's, so that their typos never pause deputies' binding, and the other way round.
 */
const EVERYONE: Record<BindingCodePool, LoginFailureKey> = {
  official: { kind: 'bind_global', username: '', client: '' },
  resident: { kind: 'bind_global_resident', username: '', client: '' },
}

/**
 * Binding codes are six digits: one account is limited, but many accounts from one address, or
 * many addresses together, could still walk the space. Every try is counted up front and a right
 * code is given back, so parallel guesses cannot slip past the count.
 *
 * The counts are kept in the store, not in this process: a restart or a deploy must not give a
 * guesser a fresh set of tries against codes that bind a WeChat to a deputy or to staff, and every
 * server on one store must count together. A guard built without `counts` counts nothing: every
 * limit must then be off, and no account may be named.
 */
export class BindingGuard {
  private readonly perAddress: number
  private readonly global: number

  constructor(
    private readonly limits: BindingGuardLimits,
    private readonly counts: BindingCounts | null = null,
  ) {
    this.perAddress = limits.bindFailuresPerAddress
    this.global = limits.bindFailuresGlobal
    if (!counts && (this.perAddress > 0 || this.global > 0)) throw new Error('BindingGuard: limits need the store to count in')
  }

  /**
   * Counts one try; refuses it when the account (when named), the address or everyone (of the code's `pool`) has had
   * too many. `address` null: every try comes from one address that says nothing (the bot's).
   */
  async tryFrom(address: string | null, account: string | null = null, pool: BindingCodePool = 'official') {
    if (account) await this.count(accountKey(account), ACCOUNT_TRIES, QUARTER_HOUR_MS, '尝试次数过多，请 15 分钟后再试')
    if (this.perAddress > 0 && address)
      await this.count(addressKey(address), this.perAddress, QUARTER_HOUR_MS, '这个网络尝试绑定码的次数过多，请 15 分钟后再试')
    if (this.global > 0) {
      try {
        await this.count(EVERYONE[pool], this.global, HOUR_MS, '绑定码验证暂时繁忙，请稍后再试')
      } catch (err) {
        // Refused for everyone's count: the address is not held to a try that was never made.
        if (this.perAddress > 0 && address) {
          const { failures, clock } = this.store()
          await failures.takeBack(addressKey(address), clock.now())
        }
        throw err
      }
    }
  }

  /**
   * The code was wrong. A guess names no code, so it counts against every live one of its `pool` (the shape typed says
   * which: mp-account.ts codePool); a code that has met too many is locked and must be issued again.
   */
  async wrong(codes: BindingCodeRepo, now: Date, pool: BindingCodePool = 'official') {
    if (this.limits.bindCodeLockAfterWrongTries > 0) await codes.recordWrongTry(now, this.limits.bindCodeLockAfterWrongTries, pool)
  }

  /**
   * The code was right and what it binds is written (not merely the code used): the try does not count against the
   * address or everyone. A deputy's or staff member's account starts afresh; a resident's own code (`pool` resident)
   * clears nothing of the account's count, since anyone may ask for such codes and send them to clear a count that is
   * guessing deputies' codes.
   */
  async succeeded(address: string | null, account: string | null = null, pool: BindingCodePool = 'official') {
    const byAddress = this.perAddress > 0 && address
    const clears = pool === 'official' ? account : null
    if (!clears && !byAddress && !(this.global > 0)) return
    const { failures, clock } = this.store()
    const now = clock.now()
    await Promise.all([
      clears ? failures.clear([accountKey(clears)]) : null,
      byAddress ? failures.takeBack(addressKey(address), now) : null,
      this.global > 0 ? failures.takeBack(EVERYONE[pool], now) : null,
    ])
  }

  private async count(key: LoginFailureKey, limit: number, windowMs: number, message: string) {
    const { failures, clock } = this.store()
    const [count] = await failures.add([key], windowMs, clock.now())
    if (count.failures > limit) throw new RateLimitError(message, Math.ceil(count.resetsInMs / 1000))
  }

  private store() {
    if (!this.counts) throw new Error('BindingGuard: built without the store, it counts nothing')
    return this.counts
  }
}
