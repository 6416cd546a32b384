import { setImmediate } from 'node:timers/promises'
import type { AuditTrail } from '../audit.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { exportedFilters } from '../../domain/audit-detail-words.js'
import type { CaseFilters } from './case-queries.js'
import { caseExportFileName } from './case-export-name.js'
import { stationFilter } from './inbox-pointers.js'
import { inboxRows, type InboxReading, type InboxRow } from './inbox-rows.js'

/**
 * Cases the export reads at a time. Small on purpose: a page's cases stay alive while its
 * lines wait for the reader, so the young generation's collections move them to the old one,
 * where they pile up as garbage. On the province's data pages of 500 grew the server by
 * ~500 MB during a million-case export; pages of 50 by ~20 MB of heap. Each extra page is a
 * seek on the list's index.
 */
export const EXPORT_PAGE_SIZE = 50

/** What the export needs beyond reading lines: how many cases a page reads, and where each export is recorded. */
export interface InboxExporting extends InboxReading {
  pageSize: number
  audit: Pick<AuditTrail, 'record'>
}

/** What the export is saved as: whose list and which ("澜江区-留言列表-已超期-2026-12-06.csv"). */
export async function inboxExportFileName(
  { directory, clock, timeZone }: Pick<InboxReading, 'directory' | 'clock' | 'timeZone'>,
  staff: StaffPrincipal,
  filters: CaseFilters,
): Promise<string> {
  // Another station's name never goes into her file's name through a typed ?stationId= (the list of it is empty).
  const named = filters.stationId && !(await stationFilter(directory, staff, filters.stationId)).name ? { ...filters, stationId: undefined } : filters
  return caseExportFileName(staff, named, await directory.prepared(), clock.now(), timeZone)
}

/**
 * Every case the filters find, in the list's order: exactly what the person filtered, for
 * export. Read page by page on the list's own keyset order, so a million cases stream
 * through a page of memory. The scope is resolved before the first row (a bad filter is
 * still a 400, not a broken download).
 */
export async function exportInbox(
  deps: InboxExporting,
  staff: StaffPrincipal,
  filters: CaseFilters,
  order: 'newest' | 'due' = 'newest',
): Promise<AsyncIterable<InboxRow>> {
  const { store, queries, directory, audit, pageSize } = deps
  const scoped = await queries.scopedFilter(staff, filters)
  // Recorded before the first row: whoever starts a download of residents' messages is on record, finished or not.
  const recorded = { filters: exportedFilters({ ...filters }), order }
  await audit.record(staff, 'cases.exported', null, recorded)
  return (async function* () {
    // How many lines went out, on record when the download ends: 操作记录 says 共 N 条, or that
    // it stopped after N (the reader closed the page): a sheet of residents' messages is counted.
    let rows = 0
    let complete = false
    try {
      // The names of one directory for the whole download: a long export outlives the cache's
      // minute, and reloading a province's directory mid-stream cost ~1 s and ~400 MB of garbage.
      const prepared = await directory.prepared()
      let cursor: string | undefined
      do {
        const page = await store.cases.search({ ...scoped, order, limit: pageSize, cursor })
        for (const row of await inboxRows(deps, page.items, staff, false, prepared)) {
          rows++
          yield row
        }
        cursor = page.nextCursor ?? undefined
        // A turn of the event loop between pages. SQLite answers at once and a fast reader never
        // makes the socket wait, so without it a million-case export ran as one unbroken chain of
        // promises: every other request waited the whole download, and V8's collector (whose
        // steps are tasks of the loop) fell behind, growing the server by ~500 MB of garbage.
        await setImmediate()
      } while (cursor)
      complete = true
    } finally {
      await audit.record(staff, 'cases.export_finished', null, { ...recorded, rows, complete })
    }
  })()
}
