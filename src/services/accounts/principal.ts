import type { StaffRole } from '../../domain/directory.js'
import { ForbiddenError } from '../../errors.js'

/** Who is calling: a console user, resolved from their session. */
export interface StaffPrincipal {
  kind: 'staff'
  id: string
  name: string
  username: string
  role: StaffRole
  stationIds: string[]
  regionIds: string[]
  /** Handling units a unit_staff member answers for; empty for the congress's staff. */
  unitIds: string[]
  /**
   * Signed in with a password somebody else chose: until they change it, they may do nothing else
   * (requireStaff). Absent in principals the code makes for itself (demo data, jobs): false.
   */
  mustChangePassword?: boolean
}

export function requireRole(actor: StaffPrincipal, ...roles: StaffRole[]) {
  if (!roles.includes(actor.role)) throw new ForbiddenError()
}
