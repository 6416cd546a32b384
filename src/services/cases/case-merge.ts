import { mergeTargetRefusal, type CaseRecord } from '../../domain/case.js'
import { mergeIntoAnsweredText, mergePlacesText, mergeTargetText } from '../../domain/case-refusals.js'
import { contentGrams, placesApart } from '../../domain/similarity.js'
import { ConflictError, UnprocessableError } from '../../errors.js'
import { StoreConflict } from '../../store/conflicts.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { caseCards } from './case-cards.js'
import { caseEvent, resident, staffActor, toDeputy, WORK_KINDS } from './case-changes.js'
import { CasePlacing } from './case-placing.js'

/**
 * 合并 (分析研判: treated together): staff fold a resident's message into another about the same matter, which
 * carries the work and whose answer reaches her too. Held to its target before the write and again inside it.
 */
export class CaseMerging extends CasePlacing {
  /** Folds a duplicate into the case that will carry the work (分析研判: treated together). */
  async merge(staff: StaffPrincipal, caseId: string, intoCaseId: string, note?: string) {
    const c = await this.staffCase(staff, caseId)
    if (caseId === intoCaseId) throw new ConflictError('不能与自己合并')
    const into = await this.staffCase(staff, intoCaseId)
    // Answered already (waiting for its score): its answer was written before this message came, and nobody would
    // answer this one, which the merge closes (已办结 with nobody acting). The dialog lists it marked, never to choose.
    // Reopened (重新办理), it is being worked on again and may take this one along.
    const refused = await this.mergeTargetRefused(into)
    if (refused) throw refused
    // The 合并 dialog offers no message about another gate, building or bus route (MergeChoices), and the merge holds to
    // the same rule whatever is posted: it closes this resident's message, and the other place's problem would go undone.
    const apart = placesApart(contentGrams(c.text), contentGrams(into.text))
    if (apart) throw new UnprocessableError(mergePlacesText(c, into, apart), [{ path: 'body.intoCaseId', message: 'places_differ' }], 'merge_places_differ')
    // Its 分派 notice, not sent yet, is withdrawn below: a deputy who never heard of it is not told it was merged either.
    const handler =
      c.deputyId && (await this.heardOf(c, c.deputyId))
        ? [toDeputy(c.deputyId, 'case.merged', `留言 ${c.ticket} 已并入留言 ${into.ticket} 合并办理，无需单独受理。`, caseCards.mergedAway())]
        : []
    const told = `${this.yours(c)}与相同问题的留言 ${into.ticket} 合并办理，办理结果会一并告知。`
    return this.apply(c, staffActor(staff), {
      action: 'merge',
      type: 'merged',
      to: 'closed',
      note,
      patch: { mergedInto: into.id, closedAt: this.clock.now() },
      data: { into: into.id, intoTicket: into.ticket },
      tell: [resident(c, 'case.merged', told, caseCards.merged()), ...handler],
      // The kept message's own timeline names what it now carries, by whom and when, in the same write (review 37).
      also: (_merged, at) => ({
        events: [caseEvent(into, 'duplicate_merged', staffActor(staff), at, { data: { duplicateId: c.id, duplicateTicket: c.ticket } })],
        messages: [],
      }),
      // "请在 24 小时内受理" and the like, not yet sent, would now be untrue.
      withdraw: WORK_KINDS,
      // Checked again inside the write: answered, closed or merged since the read above (its deputy answering at this
      // very moment), the merge is refused in the same words, read from it as it is now, and nothing is written.
      mergeInto: into.id,
    }).catch(async (err: unknown) => {
      if (!(err instanceof StoreConflict) || (err.conflict !== 'merge_target_answered' && err.conflict !== 'merge_target_closed')) throw err
      throw (await this.mergeTargetRefused(await this.load(into.id))) ?? err
    })
  }

  /** Why `into` may not take a duplicate now (mergeTargetRefusal), in the words the 合并 dialog reads; null when it may. */
  private async mergeTargetRefused(into: CaseRecord): Promise<ConflictError | null> {
    const refusal = mergeTargetRefusal(into)
    if (refusal === 'merge_target_answered') return new ConflictError(mergeIntoAnsweredText(into), [{ path: 'body.intoCaseId', message: 'replied' }], refusal)
    if (refusal !== 'merge_target_closed') return null
    const root = into.mergedInto ? ((await this.store.cases.get(into.mergedInto))?.ticket ?? null) : null
    return new ConflictError(mergeTargetText(into, root), [{ path: 'body.intoCaseId', message: into.status }], refusal)
  }
}
