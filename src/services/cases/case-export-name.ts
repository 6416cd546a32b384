import { localDate } from '../../domain/dates.js'
import { downloadFileName, listFilterWords } from '../../domain/export-file-names.js'
import { staffScopeName } from '../../domain/office-name.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { PreparedDirectory } from '../directory/directory-cache.js'
import type { CaseFilters } from './case-filters.js'

/**
 * The inbox export's file name: "澜江区-留言列表-已超期-2026-12-06.csv", the day it was downloaded at the end, so that
 * two downloads for one meeting are told apart by what they hold.
 */
export function caseExportFileName(staff: StaffPrincipal, filters: CaseFilters, prepared: PreparedDirectory, now: Date, timeZone: string): string {
  const words = listFilterWords(
    {
      ...filters,
      fromDate: filters.from && localDate(filters.from, timeZone),
      // `to` is the first moment not listed: its day is the one before when it falls at midnight.
      toDate: filters.to && localDate(new Date(filters.to.getTime() - 1), timeZone),
    },
    {
      region: (id) => prepared.regions.get(id)?.name ?? null,
      station: (id) => prepared.stations.get(id)?.name ?? null,
      deputy: (id) => prepared.deputies.get(id)?.name ?? null,
    },
  )
  return downloadFileName(staffScopeName(staff, prepared), '留言列表', words, localDate(now, timeZone))
}
