import { RateLimiterMemory, RateLimiterRes } from '../../security/rate-limiter.js'
import { RateLimitError } from '../../errors.js'
import type { BindingCodeRepo } from '../../store/ports.js'

export interface BindingGuardLimits {
  /** Wrong codes one client address may enter in 15 minutes, whatever accounts it uses; 0 = off. */
  bindFailuresPerAddress: number
  /** Wrong codes everyone together may enter in an hour, mini-program and bot; 0 = off. */
  bindFailuresGlobal: number
  /** Wrong codes entered anywhere during a code's life after which it is locked; 0 = never. */
  bindCodeLockAfterWrongTries: number
}

/**
 * Binding codes are six digits: one account is limited already, but many accounts from one
 * address, or many addresses together, could still walk the space. Every try is counted
 * up front and a right code is given back, so parallel guesses cannot slip past the count.
 */
export class BindingGuard {
  private readonly perAddress: RateLimiterMemory | null
  private readonly global: RateLimiterMemory | null

  constructor(private readonly limits: BindingGuardLimits) {
    this.perAddress =
      limits.bindFailuresPerAddress > 0 ? new RateLimiterMemory({ keyPrefix: 'bind_address', points: limits.bindFailuresPerAddress, duration: 15 * 60 }) : null
    this.global =
      limits.bindFailuresGlobal > 0 ? new RateLimiterMemory({ keyPrefix: 'bind_global', points: limits.bindFailuresGlobal, duration: 60 * 60 }) : null
  }

  /** Counts one try; refuses it when the address or everyone has had too many wrong ones. */
  async tryFrom(address: string | null) {
    if (this.perAddress && address) await consume(this.perAddress, address, '这个网络尝试绑定码的次数过多，请 15 分钟后再试')
    if (this.global) {
      try {
        await consume(this.global, 'all', '绑定码验证暂时繁忙，请稍后再试')
      } catch (err) {
        if (this.perAddress && address) await this.perAddress.reward(address, 1)
        throw err
      }
    }
  }

  /**
   * The code was wrong. A guess names no code, so it counts against every live one; a code
   * that has met too many is locked and must be issued again from the console.
   */
  async wrong(codes: BindingCodeRepo, now: Date) {
    if (this.limits.bindCodeLockAfterWrongTries > 0) await codes.recordWrongTry(now, this.limits.bindCodeLockAfterWrongTries)
  }

  /** The code was right: the try does not count against anyone. */
  async succeeded(address: string | null) {
    if (this.perAddress && address) await this.perAddress.reward(address, 1)
    if (this.global) await this.global.reward('all', 1)
  }
}

async function consume(limiter: RateLimiterMemory, key: string, message: string) {
  try {
    await limiter.consume(key)
  } catch (res) {
    if (res instanceof RateLimiterRes) throw new RateLimitError(message, Math.ceil(res.msBeforeNext / 1000))
    throw res
  }
}
