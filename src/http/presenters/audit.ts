import type { AuditRecord } from '../../services/records.js'

/** One line of the audit trail as the console lists it. */
export const presentAuditEntry = (e: AuditRecord) => ({
  id: e.id,
  at: e.at.toISOString(),
  actorKind: e.actorKind,
  actorId: e.actorId,
  action: e.action,
  targetKind: e.targetKind,
  targetId: e.targetId,
  details: e.details,
})
