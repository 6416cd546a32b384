import { GONE } from '../../domain/choice-words.js'
import { localDate } from '../../domain/dates.js'
import { scopeHasPlace, staffScope } from '../../domain/staff-scope.js'
import type { Unit } from '../../domain/directory.js'
import { refusalFor, type NamedRef, type SuggestionAction, type SuggestionEvent, type SuggestionRecord, type SuggestionStep } from '../../domain/suggestion.js'
import { unitInScope, unitOutOfScope } from '../../domain/unit-scope.js'
import { ConflictError, NotFoundError, UnprocessableError } from '../../errors.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import type { Clock } from '../../clock.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { outboxMessage, type Recipient } from '../delivery/outbox-message.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { districtOfStation } from '../directory/directory-cache.js'

export type SuggestionStore = Pick<Store, 'suggestions' | 'cases' | 'units' | 'staff' | 'mpUsers' | 'outbox'>

export interface SuggestionBookDeps {
  store: SuggestionStore
  directory: DirectoryCache
  clock: Clock
  timeZone: string
}

/**
 * What every suggestion use case shares: loading a record, checking that a step fits its
 * status, writing it back with its timeline entry and messages, and finding the people to tell.
 */
export class SuggestionBook {
  readonly store: SuggestionStore
  readonly directory: DirectoryCache
  readonly clock: Clock
  readonly timeZone: string

  constructor(deps: SuggestionBookDeps) {
    ;({ store: this.store, directory: this.directory, clock: this.clock, timeZone: this.timeZone } = deps)
  }

  today(at = this.clock.now()) {
    return localDate(at, this.timeZone)
  }

  async load(id: string): Promise<SuggestionRecord> {
    const s = await this.store.suggestions.get(id)
    if (!s) throw new NotFoundError('建议不存在')
    return s
  }

  /** A 409 in plain words when the step does not fit where the suggestion is now. */
  requireStep(step: SuggestionStep, s: SuggestionRecord) {
    const refusal = refusalFor(step, s.status)
    if (refusal) throw new ConflictError(refusal, [{ path: 'status', message: s.status }], 'suggestion_wrong_status')
  }

  /** Appends what happened to the timeline (the record is changed in place before it is saved). */
  note(s: SuggestionRecord, actor: SuggestionEvent['actor'], action: SuggestionAction, text: string, at = this.clock.now()) {
    s.timeline.push({ at, actor, action, text })
    s.updatedAt = at
  }

  save(s: SuggestionRecord, messages: OutboxMessage[] = []) {
    return this.store.suggestions.update(s, messages)
  }

  /** `caseId` makes a resident's message open their own case, not the suggestion (which only deputies and staff read). */
  message(s: SuggestionRecord, to: Recipient, kind: string, text: string, dedupeKey: string, caseId?: string): OutboxMessage {
    return outboxMessage({
      to,
      kind,
      payload: { text, title: s.title, suggestionId: s.id, number: s.number, ...(caseId ? { caseId } : {}) },
      dedupeKey: `suggestion:${s.id}:${dedupeKey}`,
      at: this.clock.now(),
    })
  }

  /** The active staff logins of these units: who hears about a suggestion given to them. */
  async unitStaff(unitIds: string[]): Promise<Recipient[]> {
    const found = new Map<string, Recipient>()
    for (const unitId of unitIds) {
      const page = await this.store.staff.search({ role: 'unit_staff', unitId, limit: 100 })
      for (const staff of page.items) if (staff.active) found.set(staff.id, { kind: 'staff', id: staff.id })
    }
    return [...found.values()]
  }

  /** The office that oversees a suggestion: its lead deputy's district office, or the city's. */
  officeOf(s: SuggestionRecord): Recipient {
    return { kind: 'office', id: s.districtId ?? 'city' }
  }

  /** A deputy's name and district (that of their first station), from the directory. */
  async deputy(deputyId: string): Promise<{ ref: NamedRef; districtId: string | null }> {
    const prepared = await this.directory.prepared()
    const d = prepared.deputies.get(deputyId)
    if (!d) throw new NotFoundError('代表不存在')
    const districtId = d.stationIds.length ? districtOfStation(d.stationIds[0], prepared) : null
    return { ref: { id: d.id, name: d.name }, districtId }
  }

  /**
   * Active units by id; an unknown or inactive one is a 422 naming the field. With `giver`, the
   * office user who gives the work: a unit outside their districts is a 422 too.
   */
  async units(ids: Array<{ id: string; path: string }>, giver?: StaffPrincipal): Promise<Map<string, Unit>> {
    const listed = await this.store.units.list()
    const all = new Map(listed.filter((u) => u.active).map((u) => [u.id, u]))
    // A unit stopped since the page was opened is named; one the list never had is said to be gone.
    const stopped = new Map(listed.filter((u) => !u.active).map((u) => [u.id, u.name]))
    const unknown = ids
      .filter(({ id }) => !all.has(id))
      .map(({ id, path }) => ({ path, message: stopped.has(id) ? `${stopped.get(id)}已停用，请重新选择承办单位` : GONE.unit }))
    if (unknown.length) throw new UnprocessableError('承办单位不存在', unknown, 'unknown_unit')
    if (giver) {
      const scope = await this.directory.scopeOf(giver)
      const outside = ids.filter(({ id }) => !unitInScope(scope, all.get(id)!))
      if (outside.length)
        throw new UnprocessableError(
          unitOutOfScope(all.get(outside[0].id)!),
          outside.map(({ id, path }) => ({ path, message: unitOutOfScope(all.get(id)!) })),
          'unit_out_of_scope',
        )
    }
    return all
  }

  /**
   * Organizers see the suggestions of their districts (all when they cover the city); admins
   * all. A suggestion is placed by district only, so a street's organizer sees none.
   */
  officeSees(staff: StaffPrincipal, s: SuggestionRecord) {
    return scopeHasPlace(staffScope(staff), { districtId: s.districtId })
  }

  /** The districts an organizer's lists are limited to; undefined for the whole city. */
  officeDistricts(staff: StaffPrincipal): string[] | undefined {
    const scope = staffScope(staff)
    return scope.kind === 'regions' ? [...scope.regionIds] : undefined
  }

  async forOffice(staff: StaffPrincipal, id: string) {
    const s = await this.load(id)
    // Another district's suggestion does not exist for this organizer.
    if (!this.officeSees(staff, s)) throw new NotFoundError('建议不存在')
    return s
  }

  officeActor(staff: StaffPrincipal): SuggestionEvent['actor'] {
    return { role: 'office', id: staff.id, name: staff.name }
  }
}
