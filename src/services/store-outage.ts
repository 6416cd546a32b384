import { ServiceUnavailableError } from '../errors.js'
import type { Logger } from '../logger.js'
import type { Store } from '../store/ports.js'

/**
 * How background work (the outbox dispatcher, the scheduled jobs) tells operators that the store
 * is down: once per outage, at warn, instead of an error line every round. /readyz is the signal
 * (it fails for as long as the store does), and the store logged the cause once when it stopped
 * (a failed flush to disk stops SQLite's writes until a restart).
 */
export class StoreOutageLog {
  private down = false

  constructor(
    private readonly store: Pick<Store, 'ping'>,
    private readonly logger: Logger,
    /** Who is paused, as operators read it: "outbox dispatcher", "scheduled jobs". */
    private readonly who: string,
  ) {}

  /**
   * Whether `err` is the store's outage: writes refused (`store_unavailable`), or any error while
   * the store does not answer its ping (SQLite's "readonly database" after a stop, Mongo gone).
   * The first one is said at warn; the rest are quiet until the store answers again. Anything
   * else is not absorbed: the caller logs it as the error it is.
   */
  async absorbs(err: unknown, context: Record<string, unknown> = {}): Promise<boolean> {
    const outage = (err instanceof ServiceUnavailableError && err.code === 'store_unavailable') || !(await this.answers())
    if (!outage) {
      // The store answers again though the round failed on something else: the outage is over all the same,
      // and the next one is said again.
      this.over()
      return false
    }
    if (!this.down) {
      this.down = true
      const message = err instanceof Error ? err.message : String(err)
      this.logger.warn(
        { ...context, code: 'store_unavailable', reason: message },
        `${this.who} paused: the store takes no writes (/readyz fails until it does)`,
      )
    }
    return true
  }

  /** A round went through: once the store answers again, a later outage is said again. */
  async roundDone() {
    if (!this.down || !(await this.answers())) return
    this.over()
  }

  private over() {
    if (!this.down) return
    this.down = false
    this.logger.info(`${this.who} resumed: the store answers again`)
  }

  private answers(): Promise<boolean> {
    return this.store.ping().then(
      () => true,
      () => false,
    )
  }
}
