import type { ReadableAuditEntry } from '../../services/audit.js'

/**
 * One line of the audit trail as the console lists it: the stored fields for programs (codes and
 * ids), and beside them the same in an admin's words (人员, 操作, 对象, 详情).
 */
export const presentAuditEntry = ({ entry: e, words }: ReadableAuditEntry) => ({
  id: e.id,
  at: e.at.toISOString(),
  actorKind: e.actorKind,
  actorId: e.actorId,
  action: e.action,
  targetKind: e.targetKind,
  targetId: e.targetId,
  details: e.details,
  actorWords: words.actor,
  actionWords: words.action,
  targetWords: words.target,
  detailWords: words.details,
})
