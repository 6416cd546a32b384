import type { Clock } from '../clock.js'
import type { AuditQuery, AuditRepo } from '../store/ports.js'
import type { StaffPrincipal } from './accounts/principal.js'

/** Records who did what to which record; the console shows it, nobody edits it. */
export class AuditTrail {
  constructor(
    private readonly audit: AuditRepo,
    private readonly clock: Clock,
  ) {}

  record(actor: StaffPrincipal | null, action: string, target: { kind: string; id: string } | null, details: Record<string, unknown> = {}) {
    return this.audit.append({
      at: this.clock.now(),
      actorKind: actor ? actor.kind : 'system',
      actorId: actor?.id ?? null,
      action,
      targetKind: target?.kind ?? null,
      targetId: target?.id ?? null,
      details,
    })
  }

  /** Who did what, newest first: what the console's audit page lists (admins only). */
  list(query: AuditQuery) {
    return this.audit.list(query)
  }
}
