import { nextDeadline, type CaseRecord } from '../../src/domain/case.js'
import { addToTally, emptyTally, type CaseTally, type CaseTallyKey } from '../../src/store/case-tally.js'
import type { CaseFilter, Store } from '../../src/store/ports.js'
import { caseEvent, caseRecord } from './records.js'

export const T0 = new Date('2026-11-01T02:00:00Z')
export const HOUR = 3_600_000
/** Late for some: cases come over three weeks, and each has one day to acknowledge and ten to reply. */
export const NOW = new Date(T0.getTime() + 24 * 24 * HOUR)

export const KEY_OF: Record<CaseTallyKey, (c: CaseRecord) => string | null> = {
  station: (c) => c.stationId,
  district: (c) => c.districtId,
  handlingDistrict: (c) => c.handlingDistrictId ?? c.districtId,
  topic: (c) => c.topic,
  // A merged message counts for no deputy: once, as the message it joined (CaseRecord.mergedInto).
  deputy: (c) => (c.mergedInto ? null : c.deputyId),
  department: (c) => c.forwardedTo?.department ?? null,
}

const at = (c: CaseRecord, hours: number) => new Date(c.createdAt.getTime() + hours * HOUR + 7)

/** The moves of the closed loop as the workflow writes them on the case (case-workflow.ts), and a reminder that changes nothing counted. */
const MOVES: Record<string, (c: CaseRecord, i: number, other: CaseRecord) => Partial<CaseRecord>> = {
  acknowledge: (c, i) => ({ status: 'acknowledged', acknowledgedAt: at(c, i % 3 === 0 ? 30 : 3) }),
  forward: () => ({ status: 'forwarded', forwardedTo: { department: '区住建局', reference: null } }),
  reply: (c, i) => ({ status: 'replied', reply: '已处理', repliedAt: at(c, i % 4 === 0 ? 300 : 50), acknowledgedAt: c.acknowledgedAt ?? at(c, 50) }),
  rate: (c, i) => {
    const rating = 1 + (i % 5)
    return { status: 'closed', rating, ratedAt: NOW, closedAt: NOW, ratings: [...c.ratings, { rating, comment: null, at: at(c, 60) }] }
  },
  reopen: (c) => ({
    status: 'reopened',
    ackDueAt: at(c, 100),
    replyDueAt: at(c, 400),
    acknowledgedAt: null,
    repliedAt: null,
    reply: null,
    closedAt: null,
    rating: null,
    ratedAt: null,
    reopenCount: c.reopenCount + 1,
  }),
  reassign: (c, i) => ({ stationId: i % 2 ? 'st002' : 'st003', deputyId: i % 2 ? 'dp0002' : 'dp0004', handlingDistrictId: i % 2 ? 'd01' : 'd03' }),
  handUp: () => ({ status: 'submitted', stationId: null, deputyId: null, handlingDistrictId: 'd02' }),
  recategorize: () => ({ topic: '教育' }),
  merge: (_c, _i, other) => ({ status: 'closed', mergedInto: other.id, closedAt: NOW }),
  withdraw: () => ({ status: 'withdrawn', closedAt: NOW }),
  reject: () => ({ status: 'rejected', closedAt: NOW }),
  remind: (c) => ({ ackEscalation: c.ackEscalation + 1 }),
}

/** The life each case goes through (one path per case, repeated): answered, re-rated, moved, merged, withdrawn… */
const PATHS: string[][] = [
  [],
  ['acknowledge'],
  ['acknowledge', 'forward'],
  ['acknowledge', 'reply'],
  ['acknowledge', 'reply', 'rate'],
  ['reply', 'rate', 'reopen'],
  ['acknowledge', 'reply', 'rate', 'reopen', 'acknowledge', 'reply', 'rate'],
  ['reassign', 'acknowledge', 'forward', 'reply'],
  ['handUp', 'remind'],
  ['merge'],
  ['acknowledge', 'withdraw'],
  ['reject'],
  ['recategorize', 'acknowledge', 'reassign', 'reply', 'rate'],
  ['remind', 'acknowledge', 'remind'],
]

/**
 * Forty-two cases written, then taken through the loop by store updates (as the workflow writes
 * them), at times such that at NOW some are late, some in time, some not yet due. Returns the
 * cases as they end up.
 */
export async function liveCaseLives(store: Store): Promise<CaseRecord[]> {
  const written: CaseRecord[] = []
  for (let i = 0; i < 42; i++) {
    const createdAt = new Date(T0.getTime() + i * 13 * HOUR + i)
    const record = caseRecord({
      status: i % 7 === 0 ? 'submitted' : 'assigned',
      topic: ['环境保护', '交通出行', '城乡建设'][i % 3],
      stationId: i % 7 === 0 ? null : `st00${1 + (i % 3)}`,
      deputyId: i % 7 === 0 || i % 5 === 0 ? null : `dp000${1 + (i % 4)}`,
      districtId: i % 9 === 0 ? null : `d0${1 + (i % 2)}`,
      handlingDistrictId: i % 4 === 0 ? null : `d0${1 + (i % 3)}`,
      createdAt,
      updatedAt: createdAt,
      ackDueAt: new Date(createdAt.getTime() + 24 * HOUR),
      replyDueAt: new Date(createdAt.getTime() + 10 * 24 * HOUR),
      // A case rated before ratings were kept: its rating alone.
      rating: i === 36 ? 4 : null,
    })
    written.push(await store.cases.submit({ record, ticketDate: '2026-11-01', events: [caseEvent(record.id, 'submitted')], outbox: [] }))
  }
  const cases = [...written]
  for (const [i, path] of PATHS.entries())
    for (let n = i; n < cases.length; n += PATHS.length) {
      for (const move of path) {
        const c = cases[n]
        cases[n] = await store.cases.update({ ...c, ...MOVES[move](c, n, cases[(n + 1) % cases.length]) }, [caseEvent(c.id, 'reminded')], [])
      }
    }
  return cases
}

/** The tallies the JS definitions give (addToTally, as the Mongo adapter counts), case by case. */
export function talliesOf(cases: CaseRecord[], now: Date, groupBy?: CaseTallyKey, topics = false): CaseTally[] {
  const tallies = new Map<string | null, CaseTally>()
  if (!groupBy) tallies.set(null, emptyTally(null))
  for (const c of cases) {
    const key = groupBy ? KEY_OF[groupBy](c) : null
    if (groupBy && key === null) continue
    const t = tallies.get(key) ?? tallies.set(key, emptyTally(key)).get(key)!
    const fact = {
      key,
      status: c.status,
      topic: c.topic,
      forwarded: !!c.forwardedTo,
      merged: !!c.mergedInto,
      createdAt: c.createdAt,
      ackDueAt: c.ackDueAt,
      replyDueAt: c.replyDueAt,
      acknowledgedAt: c.acknowledgedAt,
      repliedAt: c.repliedAt,
      nextDueAt: nextDeadline(c),
      rating: c.rating,
      ratings: c.ratings.map((r) => r.rating),
      reopenCount: c.reopenCount,
    }
    addToTally(t, fact, now, topics)
  }
  return [...tallies.values()].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''))
}

/** The scopes of console users: the city, some stations, a district (place or handling), both, and an empty list. */
export const SCOPES: Record<string, CaseFilter> = {
  city: {},
  stations: { stationIds: ['st001', 'st003'] },
  district: { districtIds: ['d02'] },
  'district and station': { districtIds: ['d01'], stationIds: ['st002'] },
  nothing: { stationIds: [] },
}

/**
 * An organizer of a district and of a street elsewhere: the district's cases or the street's
 * stations'. Beside SCOPES, which all stay kept between looks (case-deadlines-kept.test.ts).
 */
export const EITHER_SCOPE: CaseFilter = { districtsOrStations: { districtIds: ['d02'], stationIds: ['st001'] } }

/** The cases of a scope, as the filter means it. */
export function inScope(cases: CaseRecord[], scope: CaseFilter): CaseRecord[] {
  const either = scope.districtsOrStations
  return cases.filter(
    (c) =>
      (!scope.stationIds || (c.stationId !== null && scope.stationIds.includes(c.stationId))) &&
      (!scope.districtIds || scope.districtIds.some((d) => d === c.districtId || d === c.handlingDistrictId)) &&
      (!either ||
        either.districtIds.some((d) => d === c.districtId || d === c.handlingDistrictId) ||
        (c.stationId !== null && either.stationIds.includes(c.stationId))),
  )
}
