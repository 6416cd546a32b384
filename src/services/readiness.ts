import type { Store } from '../store/ports.js'
import type { CalendarService } from './calendar/calendar.js'

/** Whether this instance can serve: the store answers; how far the business calendar reaches. */
export class Readiness {
  constructor(
    private readonly store: Pick<Store, 'ping' | 'kind'>,
    private readonly calendar: Pick<CalendarService, 'coverage'> | null = null,
  ) {}

  /** Throws when the store does not answer. */
  async check() {
    await this.store.ping()
    return { store: this.store.kind, calendar: this.calendar ? await this.calendar.coverage() : null }
  }
}
