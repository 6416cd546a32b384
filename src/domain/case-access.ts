import type { CaseRecord } from './case.js'
import type { StaffRole } from './directory.js'

/** Who is looking: a resident or deputy from the mini-program, or a console user. */
export type Viewer = { kind: 'mp_user'; id: string; deputyId: string | null } | StaffViewer

/**
 * A console user with the stations of the streets they hold as an organizer (`caseScopeOf` in
 * staff-scope.ts, resolved on the directory as it stands; empty for everyone else).
 */
export interface StaffViewer {
  kind: 'staff'
  id: string
  role: StaffRole
  stationIds: string[]
  regionIds: string[]
  streetStationIds: readonly string[]
}

/**
 * Nobody sees a case that is not theirs: the resident who wrote it, the deputy it is
 * assigned to, the staff of its station, the organizers of its district (the place's,
 * and the one handling it after a cross-district transfer; all of them when an
 * organizer covers the whole city) and of the street its station is in, and admins.
 */
export function canSeeCase(
  viewer: Viewer,
  c: Pick<CaseRecord, 'residentId' | 'deputyId' | 'stationId' | 'districtId' | 'officeRegionId' | 'handlingDistrictId'>,
  asDeputy = false,
): boolean {
  if (viewer.kind === 'mp_user') return asDeputy ? viewer.deputyId !== null && c.deputyId === viewer.deputyId : c.residentId === viewer.id
  switch (viewer.role) {
    case 'admin':
      return true
    case 'organizer':
      return (
        viewer.regionIds.length === 0 ||
        [c.districtId, c.handlingDistrictId, c.officeRegionId].some((id) => id !== null && viewer.regionIds.includes(id)) ||
        (c.stationId !== null && viewer.streetStationIds.includes(c.stationId))
      )
    case 'station_staff':
      return c.stationId !== null && viewer.stationIds.includes(c.stationId)
    case 'unit_staff':
      // Handling units answer suggestions and projects; residents' messages are not theirs.
      return false
  }
}
