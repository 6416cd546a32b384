import type { Model } from 'mongoose'
import {
  HOT_ISSUE_FIELDS,
  addToTally,
  type BarCounts,
  type CasePeriod,
  type HotIssueCase,
  emptyTally,
  middleOf,
  type CaseFact,
  type CaseMiddleTimes,
  type CaseTally,
  type CaseTallyKey,
  type CaseTallyOptions,
} from '../case-tally.js'
import type { CaseFilter } from '../ports.js'
import type { CaseDoc } from './case-models.js'
import { caseFromDoc } from './case-records.js'
import { WAITING_STATUSES, type CaseRecord } from '../../domain/case.js'
import { toHotIssueCase } from '../../domain/weekly-report.js'
import { allOf, filterClauses } from './case-filter.js'
import { barOf } from '../../domain/case-dashboard.js'

const KEY_FIELD: Record<CaseTallyKey, (d: CaseDoc) => string | null> = {
  station: (d) => d.stationId,
  district: (d) => d.districtId,
  handlingDistrict: (d) => d.handlingDistrictId ?? d.districtId,
  topic: (d) => d.topic,
  // A merged message counts for no deputy: it is counted once, as the message it joined (CaseRecord.mergedInto).
  deputy: (d) => (d.mergedInto ? null : d.deputyId),
  department: (d) => d.forwardedTo?.department ?? null,
}

// Only the fields a tally reads travel from the server, one document at a time.
const HOT_ISSUE_PROJECTION = Object.fromEntries(HOT_ISSUE_FIELDS.filter((f) => f !== 'id').map((f) => [f, 1]))

const PROJECTION = {
  stationId: 1,
  districtId: 1,
  handlingDistrictId: 1,
  deputyId: 1,
  topic: 1,
  status: 1,
  'forwardedTo.department': 1,
  mergedInto: 1,
  createdAt: 1,
  ackDueAt: 1,
  replyDueAt: 1,
  acknowledgedAt: 1,
  repliedAt: 1,
  nextDueAt: 1,
  rating: 1,
  'ratings.rating': 1,
  reopenCount: 1,
  sentBack: 1,
}

/**
 * Tallies over a projection streamed from a cursor (the definitions shared with the sqlite
 * adapter's SQL in store/case-tally.ts), never whole case documents.
 */
export function caseTally(Case: Model<CaseDoc>) {
  async function* facts(filter: CaseFilter, groupBy?: CaseTallyKey): AsyncGenerator<CaseFact> {
    for await (const d of Case.find(allOf(filterClauses(filter)), PROJECTION)
      .lean<CaseDoc>()
      .cursor()) {
      const key = groupBy ? KEY_FIELD[groupBy](d) : null
      if (groupBy && (key === null || key === undefined)) continue
      yield {
        key,
        status: d.status,
        topic: d.topic,
        forwarded: !!d.forwardedTo,
        merged: !!d.mergedInto,
        createdAt: d.createdAt,
        ackDueAt: d.ackDueAt,
        replyDueAt: d.replyDueAt,
        acknowledgedAt: d.acknowledgedAt ?? null,
        repliedAt: d.repliedAt ?? null,
        nextDueAt: d.nextDueAt ?? null,
        rating: d.rating ?? null,
        ratings: (d.ratings ?? []).map((r) => r.rating),
        reopenCount: d.reopenCount ?? 0,
        sentBack: d.sentBack ?? null,
      }
    }
  }

  async function tally(filter: CaseFilter, { now, groupBy, topics = false, overall }: CaseTallyOptions): Promise<CaseTally[]> {
    if (overall && groupBy) {
      // Two aggregations here, side by side as the statistics asked them before.
      const [all, groups] = await Promise.all([tally(filter, { now, topics }), tally(filter, { now, groupBy, topics })])
      return [...all, ...groups]
    }
    const tallies = new Map<string | null, CaseTally>()
    if (!groupBy) tallies.set(null, emptyTally(null))
    for await (const f of facts(filter, groupBy)) {
      const t = tallies.get(f.key) ?? tallies.set(f.key, emptyTally(f.key)).get(f.key)!
      addToTally(t, f, now, topics)
    }
    return [...tallies.values()].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''))
  }

  return {
    tally,

    async deputyBars(filter: CaseFilter, now: Date): Promise<BarCounts[]> {
      return (await tally(filter, { now, groupBy: 'deputy' })).flatMap(barOf)
    },

    async countByPeriod(filter: CaseFilter, periods: CasePeriod[]): Promise<number[]> {
      if (!periods.length) return []
      // One pass over the span the periods cover (the createdAt index), a sum per period.
      const from = new Date(Math.min(...periods.map((p) => p.from.getTime())))
      const inPeriod = (p: CasePeriod) => ({ $and: [{ $gte: ['$createdAt', p.from] }, ...(p.to ? [{ $lt: ['$createdAt', p.to] }] : [])] })
      const [row] = await Case.aggregate<Record<string, number>>([
        { $match: allOf([...filterClauses(filter), { createdAt: { $gte: from } }]) },
        { $group: { _id: null, ...Object.fromEntries(periods.map((p, i) => [`p${i}`, { $sum: { $cond: [inPeriod(p), 1, 0] } }])) } },
      ])
      return periods.map((_, i) => row?.[`p${i}`] ?? 0)
    },

    async mostOverdue(filter: CaseFilter, now: Date, limit: number) {
      // 超期: waiting past the reply deadline (waitingLate), the longest overdue first.
      const late = { replyDueAt: { $lt: now } }
      const docs = await Case.find(allOf([...filterClauses(filter), { status: { $in: WAITING_STATUSES } }, { mergedInto: null }, late])).lean<CaseDoc[]>()
      const due = (c: CaseRecord) => c.replyDueAt.getTime()
      return docs
        .map(caseFromDoc)
        .sort((a, b) => due(a) - due(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, limit)
    },

    async listForHotIssues(filter: CaseFilter, now: Date): Promise<HotIssueCase[]> {
      // Merged messages count: each is a resident who wrote (review 37), as the sqlite adapter reads them.
      const docs = await Case.find(allOf([...filterClauses(filter), { status: { $ne: 'rejected' } }]), { ...HOT_ISSUE_PROJECTION, mergedInto: 1 })
        .sort({ createdAt: 1, _id: 1 })
        .lean<CaseDoc[]>()
      return docs.map((d) => ({
        ...toHotIssueCase(
          {
            id: d._id,
            text: d.text,
            residentId: d.residentId,
            communityId: d.communityId ?? null,
            districtId: d.districtId ?? null,
            stationId: d.stationId ?? null,
            topic: d.topic,
            createdAt: d.createdAt,
            reopenCount: d.reopenCount ?? 0,
            status: d.status,
            acknowledgedAt: d.acknowledgedAt ?? null,
            repliedAt: d.repliedAt ?? null,
            ackDueAt: d.ackDueAt,
            replyDueAt: d.replyDueAt,
          },
          now,
        ),
        mergedInto: d.mergedInto ?? null,
      }))
    },

    // Several instances write to one replica set and nothing here logs each case write: no mark, every report counted afresh.
    async figuresMark(): Promise<string | null> {
      return null
    },

    async middleTimes(filter: CaseFilter, groupBy?: CaseTallyKey): Promise<CaseMiddleTimes[]> {
      const times = new Map<string | null, { ack: number[]; reply: number[] }>()
      if (!groupBy) times.set(null, { ack: [], reply: [] })
      for await (const f of facts(filter, groupBy)) {
        if (f.status === 'withdrawn' || f.status === 'rejected' || f.merged) continue
        const t = times.get(f.key) ?? times.set(f.key, { ack: [], reply: [] }).get(f.key)!
        const acked = f.acknowledgedAt ?? f.repliedAt
        if (acked) t.ack.push(acked.getTime() - f.createdAt.getTime())
        if (f.repliedAt) t.reply.push(f.repliedAt.getTime() - f.createdAt.getTime())
      }
      return [...times.entries()]
        .filter(([key, t]) => key === null || t.ack.length || t.reply.length)
        .map(([key, t]) => ({ key, ack: middleOf(t.ack), reply: middleOf(t.reply) }))
        .sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''))
    },
  }
}
