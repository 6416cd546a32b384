import { WAITING_STATUSES, type CaseRecord } from '../../domain/case.js'
import { ConflictError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { CaseSystemMoves } from '../cases/case-system-moves.js'

/** The note in each case's timeline, read by the staff who place it again. */
export const DEPUTY_LEFT_NOTE = '代表已离任，请重新分派'

/** How often one case is read again when someone else changed it meanwhile (a last reply, a withdrawal). */
const ATTEMPTS = 3

/**
 * When a deputy leaves office, the messages still waiting in their hands go back to their stations'
 * queues (or the office's) through the case workflow, one case at a time, so that each is a move in
 * its own timeline and its station is told. Running it again hands back whatever is still theirs.
 */
export class DeputyHandBack {
  constructor(private readonly deps: { store: Pick<Store, 'cases'>; moves: Pick<CaseSystemMoves, 'returnOnDeputyLeaving'> }) {}

  /** How many messages went back. */
  async handBackOpenCases(deputyId: string): Promise<number> {
    const open = await this.deps.store.cases.listForStats({ deputyId, statuses: [...WAITING_STATUSES] })
    let handedBack = 0
    for (const c of open) if (await this.handBack(c.id, deputyId)) handedBack++
    return handedBack
  }

  /**
   * Every message still waiting with a deputy who has left office, found in one read of the store (the SLA job's
   * repair: a message routed to them by another instance in the minute it still thought them in office). How many went back.
   */
  async handBackDeparted(): Promise<number> {
    let handedBack = 0
    for (const c of await this.deps.store.cases.waitingOnDeparted()) if (await this.handBack(c.id, c.deputyId!)) handedBack++
    return handedBack
  }

  private async handBack(caseId: string, deputyId: string): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const c = await this.deps.store.cases.get(caseId)
      if (!c || !stillTheirs(c, deputyId)) return false
      try {
        await this.deps.moves.returnOnDeputyLeaving(c, noteFor(c))
        return true
      } catch (err) {
        // Changed since it was read: read it again and judge afresh.
        if (!(err instanceof ConflictError) || attempt >= ATTEMPTS) throw err
      }
    }
  }
}

/** A message already forwarded to a department is followed up, not started again: the next deputy reads where it went. */
function noteFor(c: CaseRecord) {
  if (c.status !== 'forwarded' || !c.forwardedTo) return DEPUTY_LEFT_NOTE
  const { department, reference } = c.forwardedTo
  return `${DEPUTY_LEFT_NOTE}。此前已交${department}办理${reference ? `（${reference}）` : ''}，请新代表继续跟踪督办`
}

function stillTheirs(c: CaseRecord, deputyId: string) {
  return c.deputyId === deputyId && WAITING_STATUSES.includes(c.status)
}
