import type { Clock } from '../../clock.js'
import { slaActions, type SlaAction, type SlaActionPolicy } from '../../domain/sla-actions.js'
import type { CaseRecord } from '../../domain/case.js'
import { ConflictError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { CaseSystemMoves } from './case-system-moves.js'

/**
 * One pass of the SLA clocks over every open case: what `slaActions` says is due, carried
 * out by the system's moves. Safe to run again at any time and on several instances: levels
 * reached are stored on the case, reminders are found in the timeline, and every message
 * has a dedupe key.
 */
export class SlaClocks {
  constructor(
    private readonly store: Pick<Store, 'cases'>,
    private readonly moves: Pick<CaseSystemMoves, 'remind' | 'escalate' | 'autoClose'>,
    private readonly policy: SlaActionPolicy,
    private readonly clock: Clock,
  ) {}

  async runDue() {
    const now = this.clock.now()
    const done = { reminded: 0, escalated: 0, closed: 0 }
    for (const c of await this.store.cases.listOpen()) {
      for (const action of slaActions(c, now, this.policy)) {
        try {
          const counted = await this.apply(c, action)
          if (counted) done[counted]++
        } catch (err) {
          // Someone changed the case meanwhile: the next run looks again.
          if (!(err instanceof ConflictError)) throw err
        }
      }
    }
    return done
  }

  private async apply(c: CaseRecord, action: SlaAction): Promise<'reminded' | 'escalated' | 'closed' | null> {
    if (action.kind === 'autoClose') {
      await this.moves.autoClose(c)
      return 'closed'
    }
    if (action.kind === 'remind') return (await this.moves.remind(c, action)) ? 'reminded' : null
    await this.moves.escalate(c, action)
    return 'escalated'
  }
}
