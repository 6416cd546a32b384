import type { PaceClock } from '../../bots/pacer.js'

/**
 * A clock the pacer can sleep on without waiting: sleeping moves virtual time forward
 * at once. The pace is then read off the virtual times at which messages left.
 */
export class VirtualClock implements PaceClock {
  constructor(private t = Date.now()) {}
  now() {
    return this.t
  }
  sleep(ms: number, signal?: AbortSignal) {
    if (!signal?.aborted) this.t += Math.max(0, ms)
    return new Promise<void>((resolve) => setImmediate(resolve))
  }
  advance(ms: number) {
    this.t += ms
  }
}
