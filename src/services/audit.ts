import type { Clock } from '../clock.js'
import { auditEntryWords, auditRefs, type AuditEntryWords } from '../domain/audit-entry-words.js'
import type { AuditName } from '../domain/audit-names.js'
import { auditActionChoices, type AuditAction } from '../domain/audit-words.js'
import type { AuditEntry, AuditQuery, AuditRecord, Store } from '../store/ports.js'
import type { StaffPrincipal } from './accounts/principal.js'
import type { DirectoryCache } from './directory/directory-cache.js'

/** One entry of the trail with what an admin reads of it: who, what, on what, and a few words more. */
export interface ReadableAuditEntry {
  entry: AuditRecord
  words: AuditEntryWords
}

type AuditActor = Pick<StaffPrincipal, 'kind' | 'id'>
type AuditTarget = { kind: string; id: string }

/** The console's filters: the store's, and a message by its number (留言编号). */
export type AuditReadQuery = AuditQuery & { ticket?: string }

/** Records who did what to which record; the console shows it, nobody edits it. */
export class AuditTrail {
  constructor(
    private readonly store: Pick<Store, 'audit' | 'cases'>,
    private readonly clock: Clock,
    /** Dates in 详情 (an export's period) are the business's days. */
    private readonly timeZone: string,
    /** Names the whole installation's office in 详情 (上报 to it, 退回 to it); none: 市人大常委会办公室. */
    private readonly directory: Pick<DirectoryCache, 'prepared'> | null = null,
  ) {}

  /** The action is one of AUDIT_ACTION_WORDS: a code the 操作记录 page could not say in words does not compile. */
  record(actor: AuditActor | null, action: AuditAction, target: AuditTarget | null, details: Record<string, unknown> = {}) {
    return this.store.audit.append(this.entry(actor, action, target, details))
  }

  /** An entry as `record` writes it, for a store write that carries it in its own transaction (a case's move). */
  entry(actor: AuditActor | null, action: AuditAction, target: AuditTarget | null, details: Record<string, unknown> = {}): AuditEntry {
    return {
      at: this.clock.now(),
      actorKind: actor ? actor.kind : 'system',
      actorId: actor?.id ?? null,
      action,
      targetKind: target?.kind ?? null,
      targetId: target?.id ?? null,
      details,
    }
  }

  /** The actions the console's 操作 filter offers, each with its words. */
  actions() {
    return auditActionChoices()
  }

  /** Who did what, newest first, as stored (admins only). */
  list(query: AuditQuery) {
    return this.store.audit.list(query)
  }

  /**
   * A page of the trail in an admin's words (张国华（联络站工作人员） 分派留言 留言 20261205-0001):
   * the names of everyone and everything on the page are read at once, one read per kind.
   * `ticket` narrows it to the entries about that message.
   */
  async read(query: AuditReadQuery): Promise<{ items: ReadableAuditEntry[]; nextCursor: string | null }> {
    const { ticket, ...rest } = query
    let filter: AuditQuery = rest
    if (ticket) {
      const c = await this.store.cases.getByTicket(ticket)
      if (!c || (rest.targetId && rest.targetId !== c.id)) return { items: [], nextCursor: null }
      filter = { ...rest, targetId: c.id }
    }
    const page = await this.store.audit.list(filter)
    const found = await this.store.audit.names(page.items.flatMap(auditRefs))
    const book = new Map<string, AuditName>(found.map((n) => [`${n.kind}:${n.id}`, n]))
    const installation = this.directory ? (await this.directory.prepared()).index.officeName : undefined
    return {
      items: page.items.map((entry) => ({
        entry,
        words: auditEntryWords(entry, (kind, id) => book.get(`${kind}:${id}`), this.timeZone, installation),
      })),
      nextCursor: page.nextCursor,
    }
  }
}
