import type { CaseRepo } from '../ports.js'
import type { CaseDoc } from './case-models.js'
import { caseFromDoc } from './case-records.js'
import { allOf, filterClauses, type Filter } from './case-filter.js'
import type { Models } from './models.js'

/**
 * The reads of a span of time (the weekly report's week) in a scope, as sqlite's case-week-reads.ts: the cases answered
 * or closed in it, the answers given in it and sent back since (重新办理), the cases rated in it. Spread into caseRepo.
 */
export function caseWeekReads({
  Case,
  CaseEvent,
}: Pick<Models, 'Case' | 'CaseEvent'>): Pick<CaseRepo, 'listAnsweredIn' | 'listAnswersSentBackIn' | 'listRatedIn'> {
  const find = async (filter: Filter, sort: Record<string, 1 | -1>) => (await Case.find(filter).sort(sort).lean<CaseDoc[]>()).map(caseFromDoc)
  return {
    async listAnsweredIn(filter, from, to) {
      // Either time in the span, each through its own index (a week's answers, not the scope's years of cases).
      const within = (field: 'repliedAt' | 'closedAt') => ({ [field]: { $gte: from, $lt: to } })
      return find(allOf([...filterClauses(filter), { $or: [within('repliedAt'), within('closedAt')] }]), { createdAt: 1, _id: 1 })
    },
    async listAnswersSentBackIn(filter, from, to) {
      // The span's answer steps (each case's latest), then those cases whose own answer is not one of the span's, as
      // sqlite reads them: the reopen cleared it, or it was answered again after.
      const steps = await CaseEvent.aggregate<{ _id: string; at: Date }>([
        { $match: { type: 'replied', at: { $gte: from, $lt: to } } },
        { $group: { _id: '$caseId', at: { $max: '$at' } } },
      ])
      if (!steps.length) return []
      const answeredAt = new Map(steps.map((s) => [s._id, s.at]))
      const notInSpan = { $or: [{ repliedAt: null }, { repliedAt: { $lt: from } }, { repliedAt: { $gte: to } }] }
      const cases = await find(allOf([...filterClauses(filter), { _id: { $in: [...answeredAt.keys()] } }, notInSpan]), { createdAt: 1, _id: 1 })
      return cases.map((c) => ({ case: c, answeredAt: answeredAt.get(c.id)! }))
    },
    async listRatedIn(filter, from, to) {
      // The span's rating steps, then their cases, as sqlite reads them: a case rated before its `ratings` history was
      // kept has the step but no entry there, and a reopen clears the case's own rating but not the step.
      const ids: string[] = await CaseEvent.distinct('caseId', { type: 'rated', at: { $gte: from, $lt: to } })
      if (!ids.length) return []
      return find(allOf([...filterClauses(filter), { _id: { $in: ids } }]), { createdAt: 1, _id: 1 })
    },
  }
}
