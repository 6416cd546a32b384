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
}

export function requireRole(actor: StaffPrincipal, ...roles: StaffRole[]) {
  if (!roles.includes(actor.role)) throw new ForbiddenError()
}
