import type { CaseRecord } from '../../domain/case.js'
import { ConflictError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { CaseWorkflow } from './case-workflow.js'

/** How many inactive deputies are read at a time. */
const PAGE = 500

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
      store: Pick<Store, 'cases' | 'deputies'>
      workflow: Pick<CaseWorkflow, 'freeMergedOfEnded'>
      handBack: { handBackOpenCases(deputyId: string): Promise<number> }
    },
  ) {}

  async runDue() {
    let freed = 0
    for (const carrier of await this.deps.store.cases.endedCarriers()) freed += await this.freeing(carrier)
    let handedBack = 0
    let cursor = null as string | null
    do {
      // Read from the store, not the directory's cache: a deputy restored a moment ago keeps their messages.
      const page = await this.deps.store.deputies.search({ active: false, limit: PAGE, cursor })
      for (const d of page.items) handedBack += await this.deps.handBack.handBackOpenCases(d.id)
      cursor = page.nextCursor
    } while (cursor)
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
