/**
 * The 代表建议 port, re-exported by ports.ts beside the others. A suggestion is one record
 * (its co-signers, answers, requests and timeline travel with it: a few hundred a year per
 * city); each change is one conditional write of the record with its outbox messages.
 */
import type { SuggestionRecord, SuggestionStatus } from '../domain/suggestion.js'
import type { OutboxMessage } from './outbox-message.js'
import type { Page, PageQuery } from './page.js'

export interface SuggestionFilter {
  /** Lead deputy or co-signer. */
  deputyId?: string
  /** Organizers: the lead deputy's district is one of these (absent: all). */
  districtIds?: string[]
  /** Unit staff: one of these units is lead or co-unit. */
  unitIds?: string[]
  statuses?: SuggestionStatus[]
  year?: number
  keySupervision?: boolean
  published?: boolean
  /** In the title or body. */
  q?: string
  /** Open for co-signing at this time, and not led by `notDeputyId`. */
  cosignOpenAt?: Date
  notDeputyId?: string
}

export interface SuggestionQuery extends SuggestionFilter, PageQuery {}

export interface OverdueCount {
  all: number
  key: number
}

export interface SuggestionRepo {
  create(record: SuggestionRecord, outbox: OutboxMessage[]): Promise<SuggestionRecord>
  get(id: string): Promise<SuggestionRecord | null>
  /**
   * Writes the record if it is still at `record.version` (as read) and stores it at version + 1,
   * with its messages, in one transaction; ConflictError when someone changed it meanwhile.
   */
  update(record: SuggestionRecord, outbox: OutboxMessage[]): Promise<SuggestionRecord>
  /** Newest first. */
  search(query: SuggestionQuery): Promise<Page<SuggestionRecord>>
  /**
   * Those matching that are overdue on `today` (their dueBy, src/domain/suggestion-due.ts, is past): the earliest missed
   * day first (the longest overdue), then by id; paged by the cursor of suggestion-codec's dueCursor.
   */
  overdue(query: SuggestionQuery, today: string): Promise<Page<SuggestionRecord>>
  /** How many match, per status (absent: none). */
  countByStatus(filter: SuggestionFilter): Promise<Partial<Record<SuggestionStatus, number>>>
  /** Of those matching, how many are overdue on `today` (as `overdue`), per status, and of them 重点督办 (`key`). */
  countOverdue(filter: SuggestionFilter, today: string): Promise<Partial<Record<SuggestionStatus, OverdueCount>>>
  /** Every record matching, unpaged (statistics, the deadline job: hundreds a year). */
  all(filter: SuggestionFilter): Promise<SuggestionRecord[]>
  /** The next number of a year (1, 2, …), never the same twice. */
  nextNumber(year: number): Promise<number>
}
