import type { Clock } from '../../clock.js'
import type { CaseRecord } from '../../domain/case.js'
import type { RegionNode } from '../../domain/region-tree.js'
import type { Store } from '../../store/ports.js'
import type { CaseFilters, CaseQueries } from './case-queries.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import { deputiesNamed, stationFilter } from './inbox-pointers.js'
import { deputyAwayNote, inboxRows, type InboxReading, type InboxRow } from './inbox-rows.js'
import { EXPORT_PAGE_SIZE, exportInbox, inboxExportFileName } from './inbox-export.js'
import { deputyChoices, type DeputyChoices } from './deputy-choices.js'
import { inboxPlaces } from './inbox-places.js'

// The inbox's parts, named where the routes, presenters and tests have always found them.
export type { InboxRow } from './inbox-rows.js'
export { EXPORT_PAGE_SIZE } from './inbox-export.js'
export { OTHER_STATIONS_SHOWN, type DeputyChoice, type DeputyChoices } from './deputy-choices.js'

/** How far the list's 「共 N 条」 counts: past it, 「1000 条以上」 (a count of a million cases is no quick read). */
export const LIST_COUNT_BOUND = 1000

export interface CaseInboxDeps {
  store: Store
  queries: CaseQueries
  directory: DirectoryCache
  clock: Clock
  timeZone: string
  /** Cases read at a time by the export (EXPORT_PAGE_SIZE unless a test says otherwise). */
  exportPageSize?: number
  /** Where each export is recorded (操作记录): who downloaded residents' messages, with which filters. */
  audit: Pick<AuditTrail, 'record'>
}

/**
 * The console's reading of cases: the same scoped search as the API list, with what a
 * person needs to triage at a glance (names, not ids; deadlines in words; similar
 * messages; inbox-rows.ts), the full filtered list for export (inbox-export.ts), whom a case
 * can be given to (deputy-choices.ts) and the places its 地点 filter offers (inbox-places.ts).
 */
export class CaseInbox {
  private readonly reading: InboxReading
  private readonly store: Store
  private readonly exportPageSize: number
  private readonly audit: Pick<AuditTrail, 'record'>

  constructor(deps: CaseInboxDeps) {
    const { store, queries, directory, clock, timeZone } = deps
    this.reading = { store, queries, directory, clock, timeZone }
    this.store = store
    this.exportPageSize = deps.exportPageSize ?? EXPORT_PAGE_SIZE
    this.audit = deps.audit
  }

  /** "代表请假至12月5日" while the message waits on a deputy marked away today, from the cached directory; null otherwise. */
  deputyAwayNote(c: Pick<CaseRecord, 'deputyId' | 'status' | 'mergedInto'>): Promise<string | null> {
    return deputyAwayNote(this.reading, c)
  }

  async page(staff: StaffPrincipal, filters: CaseFilters, page: { cursor?: string; limit: number; order?: 'newest' | 'due' }) {
    const { queries, directory } = this.reading
    const found = await queries.staffCases(staff, filters, page)
    const rows = await inboxRows(this.reading, found.items, staff, true)
    // Counted with the first page only (the console keeps it while paging), and no further than
    // LIST_COUNT_BOUND: 「共 N 条」, or 「1000 条以上」 for a province's list.
    const total = page.cursor ? null : await this.store.cases.countUpTo(await queries.scopedFilter(staff, filters), LIST_COUNT_BOUND)
    // A short number is looked for over recent days only: the list says which. `atOfficeName`: who holds the messages
    // at an office that she sees, as the 在…办 filter names them (null when she sees none).
    return {
      items: rows,
      nextCursor: found.nextCursor,
      numberSearch: queries.shortNumberSearch(filters.q),
      total,
      atOfficeName: await queries.officesSeenBy(staff),
      deputyNamed: await deputiesNamed(directory, staff, filters.q),
      stationFilter: filters.stationId ? await stationFilter(directory, staff, filters.stationId) : null,
    }
  }

  /** What the export is saved as: whose list and which ("澜江区-留言列表-已超期-2026-12-06.csv"). */
  exportFileName(staff: StaffPrincipal, filters: CaseFilters): Promise<string> {
    return inboxExportFileName(this.reading, staff, filters)
  }

  /** Every case the filters find, in the list's order, streamed a page at a time, for export (exportInbox). */
  export(staff: StaffPrincipal, filters: CaseFilters, order: 'newest' | 'due' = 'newest'): Promise<AsyncIterable<InboxRow>> {
    return exportInbox({ ...this.reading, pageSize: this.exportPageSize, audit: this.audit }, staff, filters, order)
  }

  /** Deputies the caller may give this case (and those assigned with it, `together`) to, found by name (deputyChoices). */
  deputyChoices(staff: StaffPrincipal, caseId: string, q?: string, together: string[] = []): Promise<DeputyChoices> {
    return deputyChoices(this.reading, staff, caseId, q, together)
  }

  /** The places the list's 地点 filter offers: the caller's own, from her level down (inboxPlaces). */
  places(staff: StaffPrincipal): Promise<RegionNode[]> {
    return inboxPlaces(this.reading.directory, staff)
  }
}
