import type { CaseRecord } from '../../domain/case.js'
import { ConflictError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { CaseWorkflow } from './case-workflow.js'

/**
 * Finishes the moves that span several cases, each case a write of its own, when the process stopped half way
 * (or, with several instances, when a message reached a deputy in the minute another instance still routed to
 * them after they left office): messages still merged into a withdrawn or rejected one are freed, and messages
 * still waiting with a deputy who has left office go back to their station. Run by the SLA job; doing it again
 * does nothing more.
 */
export class CaseRepairs {
  constructor(
    private readonly deps: {
      store: Pick<Store, 'cases'>
      workflow: Pick<CaseWorkflow, 'freeMergedOfEnded'>
      handBack: { handBackDeparted(): Promise<number> }
    },
  ) {}

  async runDue() {
    let freed = 0
    for (const carrier of await this.deps.store.cases.endedCarriers()) freed += await this.freeing(carrier)
    // One read of the store, not of the directory's cache (a deputy restored a moment ago keeps their messages), and
    // not one per departed deputy: after a term change those are thousands, every round.
    const handedBack = await this.deps.handBack.handBackDeparted()
    return { freed, handedBack }
  }

  private async freeing(carrier: CaseRecord) {
    try {
      return await this.deps.workflow.freeMergedOfEnded(carrier)
    } catch (err) {
      // A duplicate changed meanwhile (freed by the withdrawal itself, say): the next run looks again.
      if (err instanceof ConflictError) return 0
      throw err
    }
  }
}
