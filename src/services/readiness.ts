import type { Store } from '../store/ports.js'
import type { CalendarService } from './calendar/calendar.js'

/** What is known of WeChat's setup: no call made yet, a call got through, or the mistake the last call met. */
export type WeChatSetupState =
  { state: 'unchecked' } | { state: 'ok'; since: Date } | { state: 'misconfigured'; problem: string; errcode: number | null; api: string; since: Date }

/** The WeChat client as readiness sees it (WeChatClient.setupStatus): the shape only, since services other than delivery do not talk to WeChat. */
export interface WeChatSetup {
  setupStatus(): WeChatSetupState
}

/** Whether this instance can serve: the store answers; how far the business calendar reaches; whether WeChat's setup works. */
export class Readiness {
  constructor(
    private readonly store: Pick<Store, 'ping' | 'kind'>,
    private readonly calendar: Pick<CalendarService, 'coverage'> | null = null,
    /** null when WeChat is not configured. */
    private readonly wechat: WeChatSetup | null = null,
  ) {}

  /** Throws when the store does not answer. */
  async check() {
    await this.store.ping()
    return {
      store: this.store.kind,
      calendar: this.calendar ? await this.calendar.coverage() : null,
      // Not a reason to stop serving (every instance shares the setup, and the console still works), but the
      // office must read it: every mini-program login fails until it is fixed.
      wechat: this.wechat ? this.wechat.setupStatus() : null,
    }
  }
}
