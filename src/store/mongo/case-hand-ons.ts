import type { CaseRepo } from '../ports.js'
import { decodeTimeCursor, timeCursorKey, toPage } from '../cursor.js'
import type { CaseDoc, CaseEventDoc } from './case-models.js'
import { caseFromDoc, eventFromDoc } from './case-records.js'
import type { Models } from './models.js'

/**
 * A deputy's own hand-on steps (转交) read back, as sqlite's case-hand-ons.ts: his 已转出 list (handedOnBy), and its
 * first page for many deputies at once (handedOnByEach, the assign dialog's 交回了留言 line). Spread into caseRepo.
 */
export function caseHandOns({ Case, CaseEvent }: Pick<Models, 'Case' | 'CaseEvent'>): Pick<CaseRepo, 'handedOnBy' | 'handedOnByEach'> {
  return {
    async handedOnBy(deputyId, page) {
      const after = decodeTimeCursor(page.cursor)
      // His hand-on steps on their partial index (case-models.ts), the latest per case, newest first: a deputy hands on
      // a few dozen a year. Then those cases in one read, unless the message is his again.
      const latest = await CaseEvent.aggregate<{ _id: string; step: CaseEventDoc }>([
        { $match: { actorId: deputyId, type: 'transferred', actorRole: 'deputy' } },
        { $sort: { caseId: 1, seq: -1 } },
        { $group: { _id: '$caseId', step: { $first: '$$ROOT' } } },
        ...(after ? [{ $match: { $or: [{ 'step.at': { $lt: after.at } }, { 'step.at': after.at, _id: { $lt: after.id } }] } }] : []),
        { $sort: { 'step.at': -1, _id: -1 } },
      ])
      const cases = new Map(
        (await Case.find({ _id: { $in: latest.map((l) => l._id) }, deputyId: { $ne: deputyId } }).lean<CaseDoc[]>()).map((d) => [d._id, caseFromDoc(d)]),
      )
      const items = latest.flatMap((l) => {
        const c = cases.get(l._id)
        return c ? [{ case: c, step: eventFromDoc(l.step) }] : []
      })
      return toPage(items.slice(0, page.limit + 1), page.limit, (h) => timeCursorKey(h.step.at, h.case.id))
    },
    async handedOnByEach(deputyIds, since, limit) {
      if (!deputyIds.length || limit < 1) return []
      // handedOnBy's read for all of them at once: their hand-on steps since then on the same partial index, the latest
      // per deputy and case, newest first; then those cases in one read, each kept for a deputy whose it is not again,
      // up to `limit` a deputy.
      const latest = await CaseEvent.aggregate<{ _id: { by: string; caseId: string }; step: CaseEventDoc }>([
        { $match: { actorId: { $in: deputyIds }, type: 'transferred', actorRole: 'deputy', at: { $gte: since } } },
        { $sort: { caseId: 1, seq: -1 } },
        { $group: { _id: { by: '$actorId', caseId: '$caseId' }, step: { $first: '$$ROOT' } } },
        { $sort: { 'step.at': -1, '_id.caseId': -1 } },
      ])
      const ids = [...new Set(latest.map((l) => l._id.caseId))]
      const cases = new Map((await Case.find({ _id: { $in: ids } }).lean<CaseDoc[]>()).map((d) => [d._id, caseFromDoc(d)]))
      const listed = new Map<string, number>()
      return latest.flatMap((l) => {
        const c = cases.get(l._id.caseId)
        const deputyId = l._id.by
        if (!c || c.deputyId === deputyId || (listed.get(deputyId) ?? 0) >= limit) return []
        listed.set(deputyId, (listed.get(deputyId) ?? 0) + 1)
        return [{ deputyId, case: c, step: eventFromDoc(l.step) }]
      })
    },
  }
}
