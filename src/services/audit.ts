import type { Clock } from '../clock.js'
import { auditEntryWords, auditRefs, type AuditEntryWords } from '../domain/audit-entry-words.js'
import type { AuditName } from '../domain/audit-names.js'
import { auditActionChoices, type AuditAction } from '../domain/audit-words.js'
import { staffScope, type CaseScope } from '../domain/staff-scope.js'
import { ForbiddenError } from '../errors.js'
import type { AuditEntry, AuditQuery, AuditReach, AuditRecord, Store } from '../store/ports.js'
import type { StaffPrincipal } from './accounts/principal.js'
import { districtOfStation, type DirectoryCache, type PreparedDirectory } from './directory/directory-cache.js'

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
    /**
     * Names the whole installation's office in 详情 (上报 to it, 退回 to it); null: 市人大常委会办公室. Also an office's
     * reach: without it, no organizer reads the trail (a composition that leaves it out must say so, null, not forget it).
     */
    private readonly directory: Pick<DirectoryCache, 'prepared' | 'caseScopeOf'> | null,
  ) {}

  /**
   * 操作记录 as a console user may read it, read-only. An admin and the city office (an organizer of no region) read the
   * whole trail; an organizer of districts or streets reads the entries of the office's reach (auditReachOf): what its
   * own staff did, and what anyone did to its stations, deputies, staff and residents' messages — who exported its
   * lists, who read a resident's number (review 38 § 6: he had to ask the city's admin each time). Others: 403.
   */
  async readFor(staff: StaffPrincipal, query: AuditReadQuery) {
    if (staff.role === 'admin') return this.read(query)
    if (staff.role !== 'organizer') throw new ForbiddenError('操作记录由人大办和系统管理员查看', 'office_only')
    // No directory to judge her office's reach by is a wiring slip: denied, never the whole trail. Null from
    // caseScopeOf is the city office, which reads it all.
    if (!this.directory) throw new ForbiddenError('暂时无法确定您所在人大办的查看范围，请联系系统管理员', 'audit_scope_unknown')
    const scope = await this.directory.caseScopeOf(staff)
    if (!scope) return this.read(query)
    return this.read({ ...query, reach: auditReachOf(staff, scope, await this.directory.prepared()) })
  }

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

/**
 * An office's reach in the trail: its districts' (or streets') stations, the deputies of those stations, the staff of
 * those stations and the organizers of places under it, the districts themselves; and its residents' messages, by
 * the case scope's districts and stations (the store looks each case's place up).
 */
export function auditReachOf(staff: Pick<StaffPrincipal, 'id'>, scope: CaseScope, prepared: PreparedDirectory): AuditReach {
  const districts = new Set(scope.districtIds)
  const stationIds = [...prepared.stations.keys()].filter((id) => scope.stationIds.includes(id) || districts.has(districtOfStation(id, prepared) ?? ''))
  const stations = new Set(stationIds)
  const under = staffScope({ role: 'organizer', regionIds: [...scope.districtIds] }, prepared.regions)
  const deputyIds = [...prepared.deputies.values()].filter((d) => d.stationIds.some((s) => stations.has(s))).map((d) => d.id)
  const staffIds = prepared.staff
    .filter(
      (p) => p.id === staff.id || p.stationIds.some((s) => stations.has(s)) || (p.role === 'organizer' && (p.regionIds ?? []).some((r) => under.covers(r))),
    )
    .map((p) => p.id)
  return {
    ids: [...new Set([...staffIds, ...stationIds, ...deputyIds, ...scope.districtIds])],
    districtIds: [...scope.districtIds],
    stationIds: [...scope.stationIds],
  }
}
