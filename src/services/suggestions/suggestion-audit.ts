import type { AuditAction } from '../../domain/audit-words.js'
import type { SuggestionRecord } from '../../domain/suggestion.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'

export type SuggestionAudit = Pick<AuditTrail, 'record'>

/**
 * The office's decision on a suggestion in the audit log (操作记录): who, when, which suggestion (named
 * by its number when the page is read), and what was decided in the words of its timeline entry.
 */
export function recordSuggestionDecision(audit: SuggestionAudit, staff: StaffPrincipal, action: AuditAction, s: SuggestionRecord, said: string) {
  return audit.record(staff, action, { kind: 'suggestion', id: s.id }, { number: s.number, said })
}

/**
 * Writes the decision just saved to the audit log, in the words of its timeline entry (the last one),
 * and hands the record on. Called after the save: a decision refused or lost to a conflict is no entry.
 */
export async function auditedDecision(audit: SuggestionAudit, staff: StaffPrincipal, action: AuditAction, s: SuggestionRecord): Promise<SuggestionRecord> {
  await recordSuggestionDecision(audit, staff, action, s, s.timeline.at(-1)?.text ?? '')
  return s
}
