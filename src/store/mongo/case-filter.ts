import type { CaseFilter } from '../ports.js'
import { UNHAPPY_AT_MOST } from '../../domain/case-unhappy.js'

export type Filter = Record<string, unknown>

/** The filters shared by search and statistics: sqlite's filterClauses, one clause each. */
export function filterClauses(f: CaseFilter): Filter[] {
  const clauses: Filter[] = []
  // `$in: []` matches nothing, as sqlite's "0" does.
  if (f.residentId) clauses.push({ residentId: f.residentId })
  if (f.deputyId) clauses.push({ deputyId: f.deputyId })
  if (f.deputyIds) clauses.push({ deputyId: { $in: f.deputyIds } })
  if (f.unmerged) clauses.push({ mergedInto: null })
  if (f.merged) clauses.push({ mergedInto: { $type: 'string' } })
  if (f.stationIds) clauses.push({ stationId: { $in: f.stationIds } })
  // The place's district, or the district handling it after a transfer.
  if (f.districtIds) clauses.push({ $or: [{ districtId: { $in: f.districtIds } }, { handlingDistrictId: { $in: f.districtIds } }] })
  // Either scope: each branch on its own field's index, as the district one above.
  const either = f.districtsOrStations
  if (either)
    clauses.push({
      $or: [{ districtId: { $in: either.districtIds } }, { handlingDistrictId: { $in: either.districtIds } }, { stationId: { $in: either.stationIds } }],
    })
  // The handling district, else the place's (a missing or null handlingDistrictId, as caseFromDoc reads it): each
  // branch on its own field's index.
  if (f.handlingDistrictIds)
    clauses.push({
      $or: [{ handlingDistrictId: { $in: f.handlingDistrictIds } }, { handlingDistrictId: null, districtId: { $in: f.handlingDistrictIds } }],
    })
  // Waiting at an office: no station, and one of these offices; a null in the list
  // matches a null officeRegionId, the city office.
  if (f.officeRegionIds) clauses.push({ stationId: null, officeRegionId: { $in: f.officeRegionIds } })
  if (f.statuses) clauses.push({ status: { $in: f.statuses } })
  if (f.topic) clauses.push({ topic: f.topic })
  if (f.regionIds) clauses.push({ regionId: { $in: f.regionIds } })
  // 超期: waiting (a next deadline; none once answered or ended) and past the reply deadline (waitingLate), as the
  // partial index of waiting cases by reply deadline spells its condition ($type, so that the planner may use it).
  if (f.overdueAt) clauses.push({ nextDueAt: { $type: 'date' }, replyDueAt: { $lt: f.overdueAt } })
  // 未按时受理: the next deadline (the acknowledgement's until given) passed, the reply's not (ackLate). A null nextDueAt
  // never compares less than a date.
  if (f.ackLateAt) clauses.push({ nextDueAt: { $lt: f.ackLateAt }, replyDueAt: { $gte: f.ackLateAt } })
  if (f.createdFrom) clauses.push({ createdAt: { $gte: f.createdFrom } })
  if (f.createdTo) clauses.push({ createdAt: { $lt: f.createdTo } })
  if (f.rating !== undefined) clauses.push({ rating: f.rating })
  // As sqlite's: a low score this round, or reopened and not rated again (null matches a missing rating too).
  if (f.unhappy) clauses.push({ $or: [{ rating: { $lte: UNHAPPY_AT_MOST } }, { rating: null, reopenCount: { $gt: 0 } }] })
  // Hot issues' place: a community, else the district of the messages without one (groupHotIssues);
  // null matches a missing field too, as sqlite's IS NULL does.
  if (f.hotIssuePlace)
    clauses.push(f.hotIssuePlace.communityId ? { communityId: f.hotIssuePlace.communityId } : { communityId: null, districtId: f.hotIssuePlace.districtId })
  return clauses
}

/** Clauses go under $and so two on the same field (stationIds and officeRegionIds) both hold. */
export const allOf = (clauses: Filter[]): Filter => (clauses.length ? { $and: clauses } : {})
